"""Fixed texts of the guides and session plans, in both languages."""

from __future__ import annotations

GUIDE: dict[str, dict[str, str]] = {
    "guide": {"zh": "教师指南", "en": "Teacher guide"},
    "overview": {"zh": "概览", "en": "Overview"},
    "phases": {"zh": "教学流程", "en": "Lesson phases"},
    "phase": {"zh": "环节", "en": "Phase"},
    "minutes": {"zh": "分钟", "en": "Minutes"},
    "what": {"zh": "做什么", "en": "What happens"},
    "total": {"zh": "合计", "en": "Total"},
    "vocabulary": {"zh": "关键词", "en": "Vocabulary"},
    "term": {"zh": "词语", "en": "Term"},
    "definition": {"zh": "解释", "en": "Meaning"},
    "avoid": {"zh": "避免的说法", "en": "Avoid"},
    "differentiation": {"zh": "分层教学", "en": "Differentiation"},
    "support": {"zh": "需要支持的学生", "en": "Support"},
    "extension": {"zh": "学有余力的学生", "en": "Extension"},
    "discussion": {"zh": "讨论问题与参考回答", "en": "Discussion prompts and expected answers"},
    "expected": {"zh": "期待听到", "en": "Listen for"},
    "answer_key": {"zh": "答案（来自运行后的参考答案）", "en": "Answer key (from the executed solutions)"},
    "rubric": {"zh": "评价量规", "en": "Assessment rubric"},
    "criterion": {"zh": "维度", "en": "Criterion"},
    "levels": {"zh": "起步|发展|熟练", "en": "Beginning|Developing|Proficient"},
    "quiz": {"zh": "前测/后测小测验", "en": "Pre/post quiz"},
    "quiz_answers": {"zh": "小测验答案", "en": "Quiz answers"},
    "myth": {"zh": "可以一起核查的流行说法", "en": "A popular myth to check together"},
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
