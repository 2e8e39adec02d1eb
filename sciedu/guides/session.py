"""A scientist-in-school session plan for one activity, fitted to a chosen length.

The plan is built from the activity's own phases (``activity.yaml``). Its frame follows the scientists page
(``site/*/scientists.md``): pre-quiz → the activity's opening phase as the hook → who I am → the other phases →
Q&A → careers → wrap-up with the post-quiz. Fitting a length:

1. The frame: the quiz takes one minute per question, before and after (``QUIZ_SECONDS_PER_ITEM``); Q&A is
   a quarter of a session of 90 minutes or more and at least 5 minutes in a shorter one (``qa_minutes``).
2. The core: the phases marked ``core: true`` (all phases when none is marked) at their ``min_minutes``.
   When they do not fit but the activity declares a ``session_core`` (one demonstration and two questions)
   that fits, the plan uses it instead; when neither fits, the length is refused (``SessionTooShort``).
3. Other phases join, in lesson order, while their minimum fits; the rest are listed as left out.
4. Spare minutes go, in this order: phases back up to their declared minutes, Q&A up to a quarter of the
   session, the frame's own segments up to their usual length, then the phases that can be stretched.
   Hands-on and outdoor phases keep their declared minutes in every plan.

Minutes are whole numbers that add up exactly to the chosen length.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from sciedu.guides.teacher_guide import Section, bullets, myth, quiz, vocabulary_table
from sciedu.guides.text import PHASE_NAMES, g
from sciedu.languages import ASIDE, C_, Message, N_, side_by_side
from sciedu.model import FIXED_KINDS, Activity, Phase
from sciedu.site.i18n import BAND_NAMES, t

MIN_MINUTES, MAX_MINUTES = 30, 180

#: About one minute per multiple-choice item: "60 sec. per multiple choice item" (Maryland State Department
#: of Education, mydigitalchalkboard.org, tips for estimating time limits); Memorial University's CITL
#: suggests 30 s for simple and 45 s for moderate items, so a minute also leaves time to hand out and collect.
QUIZ_SECONDS_PER_ITEM = 60
#: The scientists page: "3 to 5 multiple-choice questions"; a session shorter than an hour uses three.
SHORT_SESSION, SHORT_QUIZ_ITEMS = 60, 3
#: The scientists page's advice on Q&A: a quarter of a session of 90 minutes or more, at least 5 minutes.
QA_SHARE, QA_LONG_FROM, QA_MIN = 0.25, 90, 5
#: The frame's own segments: (the least, the usual) minutes, as the scientists page suggests them.
FRAME = {"intro": (2, 5), "careers": (2, 3), "wrapup": (2, 3)}
#: A phase that can be stretched takes at most this many times its declared minutes in a long session.
STRETCH = 2


class SessionTooShort(ValueError):
    """The chosen length cannot hold the activity's core; the message says what it needs."""


@dataclass(frozen=True)
class Segment:
    """One row of the run of show; ``phase`` is set for the activity's own phases."""

    key: str
    start: int
    minutes: int
    phase: Phase | None = None


@dataclass(frozen=True)
class Plan:
    minutes: int
    segments: tuple[Segment, ...]
    left_out: tuple[Phase, ...]
    quiz_items: int
    session_core: bool = False


def qa_minutes(minutes: int) -> tuple[int, int]:
    """(the least, the aim) for Q&A in a session of ``minutes``, as the scientists page advises."""
    quarter = math.floor(minutes * QA_SHARE + 0.5)
    return (quarter if minutes >= QA_LONG_FROM else QA_MIN), quarter


def quiz_items(activity: Activity, minutes: int) -> int:
    items = len(activity.metadata.assessment)
    return min(items, SHORT_QUIZ_ITEMS) if minutes < SHORT_SESSION else items


def quiz_minutes(items: int) -> int:
    return math.ceil(items * QUIZ_SECONDS_PER_ITEM / 60)


def fit(activity: Activity, minutes: int) -> Plan:
    """The run of show for ``minutes``; ``SessionTooShort`` when the length cannot hold the core."""
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        msg = f"a session lasts {MIN_MINUTES} to {MAX_MINUTES} minutes, not {minutes}"
        raise ValueError(msg)
    m = activity.metadata
    items = quiz_items(activity, minutes)
    quiz_time = quiz_minutes(items)
    qa_least, qa_aim = qa_minutes(minutes)
    alloc = {"prequiz": quiz_time, "postquiz": quiz_time, "qa": qa_least} | {k: least for k, (least, _) in FRAME.items()}
    room = minutes - sum(alloc.values())
    core = [p for p in m.phases if p.core] or list(m.phases)
    need = sum(p.shortest for p in core)
    if core and need <= room:
        chosen = _add_optional(m.phases, core, room - need)
        return _assemble(minutes, alloc, {i: m.phases[i].shortest for i in chosen}, qa_aim, items, activity)
    if m.session_core and m.session_core.minutes <= room:
        return _assemble(minutes, alloc, {}, qa_aim, items, activity, core_minutes=m.session_core.minutes)
    raise SessionTooShort(_too_short(activity, minutes, minutes - room, need, core))


def _add_optional(phases: tuple[Phase, ...], core: list[Phase], spare: int) -> list[int]:
    """Indexes of the phases in the plan: the core, then other phases in lesson order while they fit."""
    chosen = []
    for index, phase in enumerate(phases):
        if any(phase is c for c in core):
            chosen.append(index)
        elif phase.shortest <= spare:
            chosen.append(index)
            spare -= phase.shortest
    return chosen


def _grow(alloc: dict, keys: list, caps: dict, spare: int) -> int:
    """Give spare minutes one at a time to the key furthest below its cap (by share); return what is left."""
    while spare > 0:
        open_keys = [k for k in keys if alloc[k] < caps[k]]
        if not open_keys:
            break
        neediest = min(open_keys, key=lambda k: (alloc[k] / caps[k], keys.index(k)))
        alloc[neediest] += 1
        spare -= 1
    return spare


def _assemble(minutes: int, frame: dict[str, int], phase_alloc: dict[int, int], qa_aim: int, items: int,
              activity: Activity, core_minutes: int = 0) -> Plan:
    phases = activity.metadata.phases
    alloc: dict = dict(frame) | phase_alloc
    if core_minutes:
        alloc["core"] = core_minutes
    spare = minutes - sum(alloc.values())
    scalable = [i for i in phase_alloc if phases[i].kind not in FIXED_KINDS]
    spare = _grow(alloc, scalable, {i: phases[i].minutes for i in scalable}, spare)
    spare = _grow(alloc, ["qa"], {"qa": qa_aim}, spare)
    spare = _grow(alloc, list(FRAME), {k: usual for k, (_, usual) in FRAME.items()}, spare)
    stretch = {i: STRETCH * phases[i].minutes for i in scalable} or ({"core": STRETCH * core_minutes} if core_minutes else {})
    spare = _grow(alloc, list(stretch), stretch, spare)
    if spare and activity.metadata.differentiation.extension:  # the phases are stretched to twice their length
        alloc["extension"] = spare
    else:
        alloc["qa"] += spare
    order: list = ["prequiz"]
    phase_keys = sorted(phase_alloc)
    order += phase_keys[:1] + ["intro"] + phase_keys[1:] if phase_keys else ["intro", "core"]
    order += ["extension"] if "extension" in alloc else []
    order += ["qa", "careers", "wrapup", "postquiz"]
    segments, start = [], 0
    for key in order:
        phase = phases[key] if isinstance(key, int) else None
        segments.append(Segment("phase" if phase else key, start, alloc[key], phase))
        start += alloc[key]
    left_out = tuple(p for i, p in enumerate(phases) if i not in phase_alloc)
    return Plan(minutes, tuple(segments), left_out, items, session_core=bool(core_minutes))


def _too_short(activity: Activity, minutes: int, frame: int, need: int, core: list[Phase]) -> str:
    m = activity.metadata
    parts = " + ".join(f"{p.phase} {p.shortest}" for p in core)
    least = frame + need
    if m.session_core:
        least = min(least, frame + m.session_core.minutes)
    alternative = f" or its session core ({m.session_core.minutes} min)" if m.session_core else ""
    return (f"a {minutes}-minute session cannot hold the core of {activity.key}: its core phases need {parts} = {need} "
            f"minutes{alternative}, and the quizzes, Q&A, introduction, careers and wrap-up need {frame}; "
            f"choose --minutes {least} or more")


SEGMENTS: dict[str, Message] = {
    "prequiz": N_("Welcome and pre-quiz"),
    "intro": N_("Who I am and my path into science"),
    "core": N_("Core demonstration and two questions"),
    "extension": N_("Extension tasks (in groups)"),
    "qa": N_("Questions and answers"),
    "careers": N_("Careers"),
    "wrapup": N_("Wrap-up"),
    "postquiz": N_("Post-quiz"),
}

LEADS = {
    "prequiz": N_("Teacher"),
    "intro": N_("Scientist"),
    "core": N_("Scientist"),
    "extension": N_("Scientist and teacher"),
    "qa": N_("Teacher hosts"),
    "careers": N_("Scientist"),
    "wrapup": N_("Scientist and teacher"),
    "postquiz": N_("Teacher"),
    "discussion": N_("Scientist"),
    "demonstration": N_("Scientist"),
    "computer": N_("Scientist and teacher"),
    "writing": N_("Teacher"),
    "hands-on": N_("Scientist and teacher (groups)"),
    "outdoor": N_("Scientist and teacher (outdoors)"),
}

TEXT = {
    "hook": N_("the hook"),
    "declared": N_("{declared} min in the lesson"),
    "kept": N_("kept whole"),
    "phases_title": N_("What happens in each phase"),
    "left_out": N_("Left out of this plan"),
    "left_out_intro": N_("There is no time for these phases in this session. The class teacher can run them in a later lesson, or keep them for the next visit:"),
    "nothing_left_out": N_("Every phase of the activity is in this plan."),
    "core_intro": N_("This session is too short for the activity's core phases, so it uses the activity's declared session core, one demonstration and two questions:"),
    "core_note": N_("When a visit is too short for the core phases, `sciedu session` uses the activity's declared session core instead, one demonstration and two questions ({minutes} min):"),
    "core_phase": N_("core phase"),
    "at_least": N_("at least {minutes} min"),
    "demonstration": N_("Demonstration"),
    "core_questions": N_("Two questions"),
    "quiz_note": N_("The pre-quiz and the post-quiz use the same {n} multiple-choice questions, {m} min each (about a minute per question)."),
    "qa_note": N_("Q&A {qa} min: the questions collected in advance first, then questions from the floor; the ones left over get a written answer through the class teacher soon after the session."),
    "in_person": N_("In person at school (it has outdoor or hands-on work, so not online)"),
    "either": N_("In person at school, or online on the school's managed platform"),
    "not_covered": N_("No quiz in this plan."),
}


#: A phase of the plan: its name, minutes and remarks, then what happens in it.
PLAN_ITEM = N_("- **{name}, {minutes} min**{aside}: {text}")
PLAN_TITLE = N_("{session}: {title} ({minutes} min)")
#: Between the remarks in one pair of brackets.
NOTE_SEPARATOR = C_("punctuation between remarks in brackets", "; ")


def x(key: str, lang: str, **values: object) -> str:
    return TEXT[key][lang].format(**values)


FIXED = {
    "planning": N_("- [ ] Planning call with the class teacher ahead of the visit: goals, length, room, equipment, the class\n- [ ] Class profile: prior knowledge, language, special needs\n- [ ] The teacher collects students' questions in advance and passes them on\n- [ ] Students read the activity page or the student notebook beforehand\n- [ ] Check the projector, network (if needed) and materials"),
    "safeguarding": N_("- [ ] Identity checks as the school and the organiser require; for roles with regular access to pupils, such as a science vice-principal (科学副校长), the school or organiser runs the criminal-record inquiry of Article 62 of China's Law on the Protection of Minors\n- [ ] Follow the school's visitor rules: sign in, wear a visitor badge, stay in the agreed areas, sign out\n- [ ] The class teacher is present throughout; the scientist is never alone with pupils, online included\n- [ ] If a student says they have been harmed or are worried about their safety, do not promise secrecy; tell the class teacher or the school's head at once. The school reports to the police, civil-affairs or education authorities under Article 11 of the Law\n- [ ] Online sessions use the school's managed platform and accounts; no WeChat, QQ or other private contact with students; no recording without the consent of the school and of parents\n- [ ] Photos, video and use of students' work only with school and parental consent; collect no names or other personal data\n\nBasis: Law of the People's Republic of China on the Protection of Minors, Articles 11 and 62; Provisions on the Protection of Minors by Schools (Ministry of Education Order No. 50). See section 3 of *Scientists in schools*."),
    "host": N_("- Introduce the scientist and the ground rules\n- Manage the class, the groups and the materials; keep students safe in any outdoor phase\n- Host the Q&A: start with the questions collected in advance, then take questions from the floor, spreading turns\n- Set the follow-up task and the phases this plan left out; collect the quizzes and the feedback"),
    "feedback": N_("**Teacher feedback:** were students engaged? Was the level right? What worked best? What would you change?\n\n**Scientist reflection:** which student question stayed with you? Which explanation did not land? What will you change?\n\n**Numbers reached:** students ____, of whom girls ____; grade ____; school ____ (record them in the `sciedu report` format)"),
}

BAND_TIPS = {
    "1-2": N_("Short sentences, real objects and actions; change activity often."),
    "3-4": N_("Everyday examples; hands first, then reasons."),
    "5-6": N_("Simple data and graphs are fine; ask students to give reasons."),
    "7-9": N_("Formulas and units are fine, after the phenomenon and intuition; let students compare explanations."),
    "10-12": N_("Discuss the limits of models and uncertainty; show real research data."),
    "university": N_("Discuss strength of evidence, order-of-magnitude estimates and science in society."),
    "adult": N_("Connect to everyday life, health and safety decisions; respect the audience's experience."),
}


def default_minutes(activity: Activity) -> int:
    """The site's plan length: 120 minutes in secondary school, otherwise 90, or the shortest that holds the core."""
    usual = 120 if activity.metadata.grade_band in ("7-9", "10-12") else 90
    for minutes in range(usual, MAX_MINUTES + 1):
        try:
            fit(activity, minutes)
        except SessionTooShort:
            continue
        return minutes
    return usual  # the plan itself then says why it cannot be made


def _segment_name(segment: Segment, first_phase: bool, lang: str) -> str:
    if segment.phase is None:
        return SEGMENTS[segment.key][lang]
    p = segment.phase
    notes = [x("hook", lang)] if first_phase else []
    if p.kind in FIXED_KINDS:
        notes.append(x("kept", lang))
    elif segment.minutes != p.minutes:
        notes.append(x("declared", lang, declared=p.minutes))
    return PHASE_NAMES[p.phase][lang] + _aside(notes, lang)


def _aside(notes: list[str], lang: str) -> str:
    if not notes:
        return ""
    return ASIDE.format(lang, text=NOTE_SEPARATOR[lang].join(notes))


def _item(name: str, minutes: int, text: str, lang: str, notes: list[str] | None = None) -> str:
    aside = _aside(notes or [], lang)
    return PLAN_ITEM.format(lang, name=name, minutes=minutes, aside=aside, text=text)


def _phase_item(phase: Phase, minutes: int, lang: str) -> str:
    """A phase with what happens in it, marked when it is core and when it can be shorter than planned."""
    notes = [x("core_phase", lang)] if phase.core else []
    if phase.shortest < minutes:
        notes.append(x("at_least", lang, minutes=phase.shortest))
    return _item(PHASE_NAMES[phase.phase][lang], minutes, phase.what[lang], lang, notes)


def session_core_note(activity: Activity, lang: str) -> str:
    """The declared session core, for a page whose plan has room for the core phases; "" when none is declared."""
    core = activity.metadata.session_core
    if core is None:
        return ""
    questions = "\n".join(f"{n}. {q[lang]}" for n, q in enumerate(core.questions, 1))
    return (f"{x('core_note', lang, minutes=core.minutes)}\n\n**{x('demonstration', lang)}**\n\n{core.demonstration[lang]}\n\n"
            f"**{x('core_questions', lang)}**\n\n{questions}")


def run_of_show_table(plan: Plan, lang: str) -> str:
    head = f"| {g('start', lang)} | {g('minutes', lang)} | {g('segment', lang)} | {g('lead', lang)} |\n|---:|---:|---|---|\n"
    first = next((s for s in plan.segments if s.phase), None)
    rows = [f"| {s.start}′ | {s.minutes} | {_segment_name(s, s is first, lang)} | "
            f"{LEADS[s.phase.kind if s.phase else s.key][lang]} |" for s in plan.segments]
    total = f"\n| | **{sum(s.minutes for s in plan.segments)}** | **{g('total', lang)}** | |"
    return head + "\n".join(rows) + total


def _phase_notes(plan: Plan, activity: Activity, lang: str) -> str:
    core = activity.metadata.session_core
    if plan.session_core and core:
        questions = "\n".join(f"{n}. {q[lang]}" for n, q in enumerate(core.questions, 1))
        body = (f"{x('core_intro', lang)}\n\n**{x('demonstration', lang)}**\n\n{core.demonstration[lang]}\n\n"
                f"**{x('core_questions', lang)}**\n\n{questions}")
    else:
        body = "\n".join(_phase_item(s.phase, s.minutes, lang) for s in plan.segments if s.phase)
    if plan.left_out:
        left = "\n".join(_phase_item(p, p.minutes, lang) for p in plan.left_out)
        left = f"{x('left_out_intro', lang)}\n\n{left}"
    else:
        left = x("nothing_left_out", lang)
    extension = next((s.minutes for s in plan.segments if s.key == "extension"), 0)
    if extension:
        tasks = bullets(activity.metadata.differentiation.extension, lang)
        body += f"\n\n**{SEGMENTS['extension'][lang]}{_aside([f'{extension} ' + t('minutes', lang)], lang)}**\n\n{tasks}"
    qa = next(s.minutes for s in plan.segments if s.key == "qa")
    quiz_note = x("quiz_note", lang, n=plan.quiz_items, m=quiz_minutes(plan.quiz_items)) if plan.quiz_items else x("not_covered", lang)
    return (f"{side_by_side(lang, quiz_note, x('qa_note', lang, qa=qa))}\n\n**{x('phases_title', lang)}**\n\n{body}\n\n"
            f"**{x('left_out', lang)}**\n\n{left}")


def session_plan(activity: Activity, minutes: int, lang: str, notebook_link: str = "") -> tuple[str, list[Section]]:
    """The plan's title and sections; raises ``SessionTooShort`` when ``minutes`` cannot hold the core."""
    m = activity.metadata
    plan = fit(activity, minutes)
    title = PLAN_TITLE.format(lang, session=g("session", lang), title=m.title[lang], minutes=minutes)
    outdoors = any(s.phase and s.phase.kind in FIXED_KINDS for s in plan.segments)
    meta = "\n".join([
        f"| {g('aspect', lang)} | {g('detail', lang)} |\n|---|---|",
        f"| {g('activity', lang)} | {m.title[lang]} |",
        f"| {t('grade_band', lang)} | {BAND_NAMES[m.grade_band][lang]} |",
        f"| {g('group', lang)} | {g('group_value', lang)} |",
        f"| {t('duration', lang)} | {minutes} {t('minutes', lang)} |",
        f"| {g('format', lang)} | {x('in_person' if outdoors else 'either', lang)} |",
        f"| {t('standards', lang)} | {', '.join(m.standards)} |",
    ])
    risk = bullets(m.safety, lang) if m.safety else t("no_safety", lang)
    materials = bullets(m.materials, lang) if m.materials else t("no_materials", lang)
    analogies = bullets(m.analogies, lang) if m.analogies else g("no_guide_data", lang)
    sources = "\n".join(f"- [{s.title}]({s.url})" for s in m.review.sources)
    follow = f"- {g('notebook', lang)}: {notebook_link or m.id}\n" + bullets(m.differentiation.extension, lang)
    careers = bullets(m.careers, lang) if m.careers else g("no_guide_data", lang)
    quizzed = replace(activity, metadata=replace(m, assessment=m.assessment[:plan.quiz_items]))
    sections = [
        Section(g("metadata", lang), meta),
        Section(g("previsit", lang), FIXED["planning"][lang] + f"\n\n**{g('questions', lang)}**\n\n1. ____\n2. ____\n3. ____"),
        Section(g("safeguarding", lang), FIXED["safeguarding"][lang]),
        Section(g("risk", lang), f"**{t('materials', lang)}**\n\n{materials}\n\n**{t('safety', lang)}**\n\n{risk}"),
        Section(g("run", lang), run_of_show_table(plan, lang) + "\n\n" + _phase_notes(plan, activity, lang)
                + f"\n\n**{SEGMENTS['careers'][lang]}**\n\n{careers}"),
        Section(g("language", lang), BAND_TIPS[m.grade_band][lang] + "\n\n" + vocabulary_table(activity, lang)
                + f"\n\n**{g('analogies', lang)}**\n\n{analogies}"),
        Section(g("accuracy", lang), f"{t('reviewed_by', lang)}: {m.review.reviewer}, {m.review.date}\n\n{sources}\n\n**{g('myth', lang)}**\n\n{myth(activity, lang)}"),
        Section(g("host", lang), FIXED["host"][lang]),
        Section(g("followup", lang), follow),
        Section(g("evaluation", lang), f"**{g('quiz', lang)}**\n\n{quiz(quizzed, lang, with_answers=True)}\n\n{FIXED['feedback'][lang]}"),
    ]
    return title, sections
