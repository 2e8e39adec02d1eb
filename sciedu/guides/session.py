"""A scientist-in-school session plan for one activity, fitted to a chosen length.

The run-of-show follows the shape programmes such as 科学家进校园 and STEM Ambassadors use: phenomenon
hook → who I am → hands-on / predict-observe-explain → explanation → Q&A → careers → wrap-up with the
post-quiz. Minutes are whole numbers that add up exactly to the chosen length; long sessions (90 minutes
or more) give about a quarter of the time to questions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sciedu.guides.teacher_guide import Section, bullets, quiz, vocabulary_table
from sciedu.guides.text import g
from sciedu.model import Activity
from sciedu.site.i18n import BAND_NAMES, t

MIN_MINUTES, MAX_MINUTES = 30, 180

SEGMENTS: dict[str, dict[str, str]] = {
    "prequiz": {"zh": "开场与前测", "en": "Welcome and pre-quiz"},
    "hook": {"zh": "现象引入", "en": "Phenomenon hook"},
    "intro": {"zh": "我是谁：我的科学之路", "en": "Who I am and my path into science"},
    "hands_on": {"zh": "动手探究：预测—观察—解释", "en": "Hands-on: predict, observe, explain"},
    "explain": {"zh": "讲解与讨论", "en": "Explanation and discussion"},
    "qa": {"zh": "问答", "en": "Questions and answers"},
    "careers": {"zh": "相关职业", "en": "Careers"},
    "wrapup": {"zh": "总结与后测", "en": "Wrap-up and post-quiz"},
}

#: Relative weights of the segments other than Q&A; Q&A is set first (a quarter of long sessions).
WEIGHTS = {"prequiz": 3, "hook": 5, "intro": 5, "hands_on": 16, "explain": 9, "careers": 3, "wrapup": 5}


@dataclass(frozen=True)
class Segment:
    key: str
    start: int
    minutes: int


def run_of_show(minutes: int) -> list[Segment]:
    """Segments with whole minutes that add up exactly to ``minutes`` (largest-remainder rounding)."""
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        msg = f"a session lasts {MIN_MINUTES} to {MAX_MINUTES} minutes, not {minutes}"
        raise ValueError(msg)
    qa = round(minutes / 4) if minutes >= 90 else max(5, round(minutes * 0.12))
    rest = minutes - qa
    total_weight = sum(WEIGHTS.values())
    exact = {k: rest * w / total_weight for k, w in WEIGHTS.items()}
    alloc = {k: max(1, int(v)) for k, v in exact.items()}
    order = sorted(exact, key=lambda k: exact[k] - int(exact[k]), reverse=True)
    index = 0
    while sum(alloc.values()) < rest:
        alloc[order[index % len(order)]] += 1
        index += 1
    while sum(alloc.values()) > rest:  # only when the minimum of 1 minute pushed it over
        biggest = max(alloc, key=alloc.get)
        alloc[biggest] -= 1
    alloc["qa"] = qa
    segments, start = [], 0
    for key in ("prequiz", "hook", "intro", "hands_on", "explain", "qa", "careers", "wrapup"):
        segments.append(Segment(key, start, alloc[key]))
        start += alloc[key]
    return segments


LEADS = {
    "prequiz": {"zh": "教师", "en": "Teacher"}, "hook": {"zh": "科学家", "en": "Scientist"},
    "intro": {"zh": "科学家", "en": "Scientist"}, "hands_on": {"zh": "科学家与教师", "en": "Scientist and teacher"},
    "explain": {"zh": "科学家", "en": "Scientist"}, "qa": {"zh": "教师主持", "en": "Teacher hosts"},
    "careers": {"zh": "科学家", "en": "Scientist"}, "wrapup": {"zh": "教师", "en": "Teacher"},
}

FIXED = {
    "planning": {
        "zh": "- [ ] 访问前 1–2 周与任课教师通话：确认目标、时长、场地、设备和学生情况\n- [ ] 了解班级情况：已有知识、语言、特殊需要\n- [ ] 请教师提前收集学生的问题，并转给科学家\n- [ ] 学生课前阅读本活动的网页或学生 notebook\n- [ ] 确认投影、网络（如需要）和实验材料",
        "en": "- [ ] Planning call with the class teacher 1–2 weeks ahead: goals, length, room, equipment, the class\n- [ ] Class profile: prior knowledge, language, special needs\n- [ ] The teacher collects students' questions in advance and passes them on\n- [ ] Students read the activity page or the student notebook beforehand\n- [ ] Check the projector, network (if needed) and materials",
    },
    "safeguarding": {
        "zh": "- [ ] 按当地要求完成人员审核，遵守学校的访客制度（登记、佩戴访客证）\n- [ ] 任课教师全程在场；科学家任何时候都不单独与学生相处\n- [ ] 线上活动使用学校管理的平台和账号；不与学生建立私下联系；未经同意不录像\n- [ ] 拍照、录像和使用学生作品前取得学校和家长同意；不收集学生个人信息",
        "en": "- [ ] Vetting as locally required; follow the school's visitor policy (sign in, wear a badge)\n- [ ] The class teacher is present throughout; the scientist is never alone with pupils\n- [ ] Online sessions use the school's platform and accounts; no private contact; no recording without consent\n- [ ] Photos, video and use of students' work only with school and parental consent; collect no personal data",
    },
    "host": {
        "zh": "- 开场介绍科学家，说明课堂规则\n- 管理课堂秩序，分组和分发材料\n- 主持问答：先读提前收集的问题，再请学生现场提问，注意让不同的学生都有机会\n- 课后布置延伸任务，汇总前测/后测和反馈",
        "en": "- Introduce the scientist and the ground rules\n- Manage the class, the groups and the materials\n- Host the Q&A: start with the questions collected in advance, then take questions from the floor, spreading turns\n- Set the follow-up task; collect the quizzes and the feedback",
    },
    "feedback": {
        "zh": "**教师反馈：** 学生是否投入？内容难度是否合适？哪一部分最有效？下次要改什么？\n\n**科学家反思：** 学生的哪个问题让你印象最深？哪个解释没讲清楚？下次怎样改进？\n\n**覆盖人数：** 学生人数 ____，其中女生 ____；年级 ____；学校 ____（用 `sciedu report` 的记录格式登记）",
        "en": "**Teacher feedback:** were students engaged? Was the level right? What worked best? What would you change?\n\n**Scientist reflection:** which student question stayed with you? Which explanation did not land? What will you change?\n\n**Numbers reached:** students ____, of whom girls ____; grade ____; school ____ (record them in the `sciedu report` format)",
    },
}

BAND_TIPS = {
    "1-2": {"zh": "句子短，多用实物和动作，每 5–8 分钟换一种活动。", "en": "Short sentences, real objects and actions; change activity every 5–8 minutes."},
    "3-4": {"zh": "用生活中的例子，先让学生动手再讲道理，每 10 分钟换一种活动。", "en": "Everyday examples; hands first, then reasons; change activity every 10 minutes."},
    "5-6": {"zh": "可以引入简单的数据和图表，鼓励学生说出理由。", "en": "Simple data and graphs are fine; ask students to give reasons."},
    "7-9": {"zh": "可以使用公式和单位，但先讲现象和直觉；让学生比较不同的解释。", "en": "Formulas and units are fine, after the phenomenon and intuition; let students compare explanations."},
    "10-12": {"zh": "可以讨论模型的局限和不确定性，介绍真实的研究数据。", "en": "Discuss the limits of models and uncertainty; show real research data."},
    "university": {"zh": "可以讨论证据的强弱、数量级估算和科学与社会的关系。", "en": "Discuss strength of evidence, order-of-magnitude estimates and science in society."},
    "adult": {"zh": "联系日常生活和健康、安全决策，尊重听众的经验，避免说教。", "en": "Connect to everyday life, health and safety decisions; respect the audience's experience."},
}


def default_minutes(activity: Activity) -> int:
    """科学家进校园 practice: about 1.5 hours in primary school, about 2 hours in secondary school."""
    return 120 if activity.metadata.grade_band in ("7-9", "10-12") else 90


def session_plan(activity: Activity, minutes: int, lang: str, notebook_link: str = "") -> tuple[str, list[Section]]:
    m = activity.metadata
    title = (f"{g('session', lang)}：{m.title[lang]}（{minutes} 分钟）" if lang == "zh"
             else f"{g('session', lang)}: {m.title[lang]} ({minutes} min)")
    segments = run_of_show(minutes)
    rows = [f"| {s.start}′ | {s.minutes} | {SEGMENTS[s.key][lang]} | {LEADS[s.key][lang]} |" for s in segments]
    show = f"| {g('start', lang)} | {g('minutes', lang)} | {g('segment', lang)} | {g('lead', lang)} |\n|---:|---:|---|---|\n" + "\n".join(rows)
    show += f"\n| | **{sum(s.minutes for s in segments)}** | **{g('total', lang)}** | |"
    hands_on = "\n".join(f"- {p.what[lang]}" for p in m.phases) if m.phases else ""
    meta = "\n".join([
        f"| {g('aspect', lang)} | {g('detail', lang)} |\n|---|---|",
        f"| {g('activity', lang)} | {m.title[lang]} |",
        f"| {t('grade_band', lang)} | {BAND_NAMES[m.grade_band][lang]} |",
        f"| {g('group', lang)} | {g('group_value', lang)} |",
        f"| {t('duration', lang)} | {minutes} {t('minutes', lang)} |",
        f"| {g('format', lang)} | {g('format_value', lang)} |",
        f"| {t('standards', lang)} | {', '.join(m.standards)} |",
    ])
    risk = bullets(m.safety, lang) if m.safety else t("no_safety", lang)
    materials = bullets(m.materials, lang) if m.materials else t("no_materials", lang)
    analogies = bullets(m.analogies, lang) if m.analogies else g("no_guide_data", lang)
    myth = (f"**{g('claim', lang)}:** {m.myth.claim[lang]}\n\n**{g('truth', lang)}:** {m.myth.truth[lang]}" if m.myth else g("no_guide_data", lang))
    sources = "\n".join(f"- [{s.title}]({s.url})" for s in m.review.sources)
    follow = f"- {g('notebook', lang)}: {notebook_link or m.id}\n" + bullets(m.differentiation.extension, lang)
    careers = bullets(m.careers, lang) if m.careers else g("no_guide_data", lang)
    sections = [
        Section(g("metadata", lang), meta),
        Section(g("previsit", lang), FIXED["planning"][lang] + f"\n\n**{g('questions', lang)}**\n\n1. ____\n2. ____\n3. ____"),
        Section(g("safeguarding", lang), FIXED["safeguarding"][lang]),
        Section(g("risk", lang), f"**{t('materials', lang)}**\n\n{materials}\n\n**{t('safety', lang)}**\n\n{risk}"),
        Section(g("run", lang), show + (f"\n\n**{SEGMENTS['hands_on'][lang]}**\n\n{hands_on}" if hands_on else "")
                + f"\n\n**{SEGMENTS['careers'][lang]}**\n\n{careers}"),
        Section(g("language", lang), BAND_TIPS[m.grade_band][lang] + "\n\n" + vocabulary_table(activity, lang)
                + f"\n\n**{g('analogies', lang)}**\n\n{analogies}"),
        Section(g("accuracy", lang), f"{t('reviewed_by', lang)}: {m.review.reviewer}, {m.review.date}\n\n{sources}\n\n**{g('myth', lang)}**\n\n{myth}"),
        Section(g("host", lang), FIXED["host"][lang]),
        Section(g("followup", lang), follow),
        Section(g("evaluation", lang), f"**{g('quiz', lang)}**\n\n{quiz(activity, lang, with_answers=True)}\n\n{FIXED['feedback'][lang]}"),
    ]
    return title, sections
