"""Fixed texts of the guides and session plans, in both languages."""

from __future__ import annotations

import re

GUIDE: dict[str, dict[str, str]] = {
    "guide": {"zh": "教师指南", "en": "Teacher guide"},
    "facilitator_guide": {"zh": "主持人指南", "en": "Facilitator's guide"},
    "audience": {"zh": "面向人群", "en": "Audience"},
    "without_computers": {"zh": "不用电脑怎样组织", "en": "Running it without computers"},
    "accessibility": {"zh": "无障碍安排", "en": "Accessibility"},
    "handout_note": {
        "zh": "参与者用大字版活动讲义（活动页面上的“活动讲义”，A4 打印）记录，不需要电脑；活动页面也可以用手机打开。",
        "en": "Participants record on the large-print handout (\"Handout\" on the activity page, printed on A4) and need no computer; the activity page also opens on a phone.",
    },
    "overview": {"zh": "概览", "en": "Overview"},
    "prerequisites": {"zh": "前置知识及其学段", "en": "Prerequisites and where they are taught"},
    "prerequisites_intro": {
        "zh": "括号中是课程标准开始教这项内容的学段。超出本活动学段的已标出，并附上作者说明的理由和课上的处理方法。",
        "en": "In brackets: the grade band from which the curriculum teaches each. Those above this activity's band are marked, with the author's reason and how to handle them in class.",
    },
    "phases": {"zh": "教学流程", "en": "Lesson phases"},
    "session_phases": {"zh": "活动流程", "en": "Session phases"},
    "session_objectives": {"zh": "活动目标", "en": "Session objectives"},
    "model_label": {"zh": "教学模式", "en": "Model"},
    "session_model_label": {"zh": "活动模式", "en": "Model"},
    "textbook": {"zh": "教材与单元", "en": "Textbook and unit"},
    "learners": {"zh": "学情分析", "en": "The learners"},
    "prior_knowledge": {"zh": "已有基础", "en": "What they already know"},
    "competency_objectives": {"zh": "教学目标（按核心素养）", "en": "Objectives by competency"},
    "key_and_difficult": {"zh": "教学重点与难点", "en": "Key points and difficult points"},
    "key_points": {"zh": "教学重点", "en": "Key points"},
    "difficult_points": {"zh": "教学难点", "en": "Difficult points"},
    "process": {"zh": "教学过程", "en": "Lesson process"},
    "intent": {"zh": "设计意图", "en": "Why this step"},
    "board_plan": {"zh": "板书设计", "en": "Board plan"},
    "homework": {"zh": "作业设计", "en": "Homework"},
    "homework_task": {"zh": "作业", "en": "Task"},
    "homework_kind": {"zh": "类型", "en": "Kind"},
    "homework_written": {"zh": "书面作业", "en": "written"},
    "homework_practical": {"zh": "实践作业", "en": "practical"},
    "homework_observation": {"zh": "观察记录", "en": "observation"},
    "homework_reading": {"zh": "阅读", "en": "reading"},
    "homework_limit_note": {
        "zh": "依据2021年“双减”要求（中共中央办公厅、国务院办公厅《关于进一步减轻义务教育阶段学生作业负担和校外培训负担的意见》；教育部《关于加强义务教育学校作业管理的通知》）：小学一、二年级不布置书面家庭作业；三至六年级每天书面作业（各科合计）平均不超过60分钟；初中不超过90分钟。本课作业时间应与其他学科统筹。",
        "en": "Under China's 2021 homework rules (the “double reduction” opinions of the CPC Central Committee General Office and the State Council General Office, and the Ministry of Education's notice on homework management): no written homework in grades 1–2; in grades 3–6 written homework for all subjects together takes on average at most 60 minutes a day, and in grades 7–9 at most 90. Plan this lesson's share with the other subjects.",
    },
    "projector_path": {"zh": "只有一台电脑和投影仪时", "en": "With one computer and a projector"},
    "phase": {"zh": "环节", "en": "Phase"},
    "minutes": {"zh": "分钟", "en": "Minutes"},
    "what": {"zh": "做什么", "en": "What happens"},
    "total": {"zh": "合计", "en": "Total"},
    "aspect": {"zh": "项目", "en": "Aspect"},      # headers of the key/value tables (no empty <th>)
    "detail": {"zh": "内容", "en": "Details"},
    "question": {"zh": "题目", "en": "Question"},
    "vocabulary": {"zh": "关键词", "en": "Vocabulary"},
    "term": {"zh": "词语", "en": "Term"},
    "definition": {"zh": "解释", "en": "Meaning"},
    "avoid": {"zh": "避免的说法", "en": "Avoid"},
    "differentiation": {"zh": "分层教学", "en": "Differentiation"},
    "support": {"zh": "需要支持的学生", "en": "Support"},
    "extension": {"zh": "学有余力的学生", "en": "Extension"},
    "public_support": {"zh": "需要更多帮助的参与者", "en": "Participants who need more help"},
    "public_extension": {"zh": "想深入了解的参与者", "en": "Participants who want to go further"},
    "discussion": {"zh": "讨论问题与参考回答", "en": "Discussion prompts and expected answers"},
    "expected": {"zh": "期待听到", "en": "Listen for"},
    "answer_key": {"zh": "答案（来自运行后的参考答案）", "en": "Answer key (from the executed solutions)"},
    "rubric": {"zh": "评价量规", "en": "Assessment rubric"},
    "criterion": {"zh": "维度", "en": "Criterion"},
    "levels": {"zh": "起步|发展|熟练", "en": "Beginning|Developing|Proficient"},
    "quiz": {"zh": "前测/后测小测验", "en": "Pre/post quiz"},
    "public_quiz": {"zh": "活动前后小问答", "en": "Before-and-after questions"},
    "public_rubric": {"zh": "评价要点", "en": "What to look for"},
    "public_standards": {"zh": "对应的素质基准与标准", "en": "Benchmarks and standards"},
    "quiz_answers": {"zh": "小测验答案", "en": "Quiz answers"},
    "myth": {"zh": "可以一起核查的流行说法", "en": "A popular myth to check together"},
    "careers": {"zh": "相关职业", "en": "Careers"},
    "misconception": {"zh": "背后的错误想法", "en": "the thinking behind it"},
    "item_misconception": {"zh": "本题针对的错误想法", "en": "Misconception this item tests"},
    "claim": {"zh": "说法", "en": "Claim"},
    "truth": {"zh": "科学事实", "en": "The science"},
    "print": {"zh": "打印版（A4）", "en": "Printable version (A4)"},
    "session": {"zh": "科学家进校园活动方案", "en": "Scientist-in-school session plan"},
    "exercise": {"zh": "练习", "en": "Exercise"},
    "no_guide_data": {"zh": "（本活动尚未提供此项。）", "en": "(Not provided for this activity yet.)"},
    "declared": {"zh": "声明的答案（由公式和单位重新计算）", "en": "Declared answers (recomputed from the formula with units)"},
    "formula": {"zh": "公式", "en": "Formula"},
    "given": {"zh": "已知", "en": "Given"},
    "key": {"zh": "答案", "en": "Key"},
    "recomputed": {"zh": "重新计算", "en": "Recomputed"},
    "answer": {"zh": "答案", "en": "answer"},
    "variants": {"zh": "个性化题目：每位学生的数据与答案", "en": "Seeded variants: each student's numbers and answer"},
    "variants_intro": {
        "zh": "学生在 notebook 里把 SEED 改成自己的学号，就会得到下表中对应的数据。同一个学号在任何电脑上得到的题目都相同。",
        "en": "Students set SEED to their student number in the notebook and get the numbers in this table. The same number gives the same question on every computer.",
    },
    # session plans
    "start": {"zh": "开始", "en": "Start"},
    "segment": {"zh": "环节", "en": "Segment"},
    "lead": {"zh": "负责", "en": "Led by"},
    "activity": {"zh": "活动", "en": "Activity"},
    "group": {"zh": "对象", "en": "Group"},
    "group_value": {"zh": "同一年级的一个班", "en": "One class of the same age"},
    "format": {"zh": "形式", "en": "Format"},
    "format_value": {"zh": "到校面授（也可改为线上）", "en": "In person at school (or online)"},
    "metadata": {"zh": "基本信息", "en": "Session details"},
    "previsit": {"zh": "访问前准备", "en": "Before the visit"},
    "questions": {"zh": "提前收集的学生问题", "en": "Students' questions collected in advance"},
    "safeguarding": {"zh": "学生保护", "en": "Safeguarding"},
    "risk": {"zh": "安全与风险评估", "en": "Physical safety and risk assessment"},
    "run": {"zh": "流程安排", "en": "Run of show"},
    "language": {"zh": "语言指南", "en": "Language guide"},
    "analogies": {"zh": "可用的类比", "en": "Analogies"},
    "accuracy": {"zh": "内容准确性", "en": "Accuracy"},
    "host": {"zh": "任课教师的职责", "en": "The host teacher's role"},
    "followup": {"zh": "后续跟进", "en": "Follow-up"},
    "notebook": {"zh": "学生 notebook", "en": "Student notebook"},
    "evaluation": {"zh": "效果评估", "en": "Evaluation"},
    "model_5e": {"zh": "5E 教学模式", "en": "5E instructional model"},
    "model_poe": {"zh": "预测—观察—解释（POE）", "en": "Predict–observe–explain (POE)"},
}

PHASE_NAMES = {
    "engage": {"zh": "引入", "en": "Engage"},
    "explore": {"zh": "探究", "en": "Explore"},
    "explain": {"zh": "解释", "en": "Explain"},
    "elaborate": {"zh": "拓展", "en": "Elaborate"},
    "evaluate": {"zh": "评价", "en": "Evaluate"},
    "predict": {"zh": "预测", "en": "Predict"},
    "observe": {"zh": "观察", "en": "Observe"},
}


def g(key: str, lang: str) -> str:
    return GUIDE[key][lang]


_POWER = re.compile(r"(?:\*\*|\^)\(?(-?\d+)\)?")
_SUPERSCRIPTS = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")


def printed_unit(unit: str) -> str:
    """A unit as printed on paper: ``cm^2`` → ``cm²``, ``m*s**-1`` → ``m·s⁻¹``."""
    return _POWER.sub(lambda m: m.group(1).translate(_SUPERSCRIPTS), unit).replace("*", "·")
