"""The documentation of every ``activity.yaml`` key, at every nesting level, beside the schema it describes.

``sciedu.metadata.SCHEMA`` says what each key must hold; this module says what it is *for*: a short text in
both languages, a YAML example of its value, and the pages it reaches. Type and required-ness are not written
here: :func:`fields` reads them from the validators, so the reference cannot drift from the code. Tests check
that every key of the schema has a row here (and no row names a key that does not exist), that every example
validates, and that each key reaches the places it claims to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sciedu import metadata as md
from sciedu.languages import LIST_SEPARATOR, N_, Message, language_name, languages
from sciedu.metadata import SCHEMA, Validator

#: Where an author's value can be seen: the key, then its name in each language.
PLACES: dict[str, Message] = {
    "catalogue": N_("catalogue"),
    "student": N_("student page"),
    "teacher": N_("teacher page"),
    "guide": N_("teacher guide"),
    "session": N_("session plan"),
    "worksheet": N_("student worksheet"),
    "notebook": N_("notebook metadata"),
    "check": N_("checks only"),
    "build": N_("running the notebooks only"),
}

#: The segment a name-to-value mapping contributes to a key path, e.g. ``variants.parameters.<name>.range``.
ANY_NAME = "<name>"


@dataclass(frozen=True)
class Doc:
    """What a key is for (``text[lang]``), an ``example`` value in YAML, and the ``places`` it reaches."""

    text: Message
    example: str
    places: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    """One key of the schema at any depth: ``path`` such as ``assessment.options.misconception``."""

    path: str
    required: bool
    validate: Validator

    @property
    def name(self) -> str:
        return self.path.rsplit(".", 1)[-1]

    @property
    def depth(self) -> int:
        return self.path.count(".") - self.path.count(ANY_NAME)


def fields(schema: dict[str, md.Option] = SCHEMA) -> list[Field]:
    """Every key of the schema, depth first, in the schema's order."""
    out: list[Field] = []
    for key, option in schema.items():
        out.append(Field(key, option.required, option.validate))
        out += _nested(key, option.validate)
    return out


def _nested(path: str, validate: Validator) -> Iterator[Field]:
    inner, path = _unwrap(validate, path)
    for key, (required, child) in getattr(inner, "fields", {}).items():
        child_path = f"{path}.{key}"
        yield Field(child_path, required, child)
        yield from _nested(child_path, child)


def _unwrap(validate: Validator, path: str) -> tuple[Validator, str]:
    """Through lists (same path) and name-to-value mappings (``.<name>``) to the entries' validator."""
    while True:
        if hasattr(validate, "item"):
            validate = validate.item
        elif hasattr(validate, "value"):
            validate, path = validate.value, f"{path}.{ANY_NAME}"
        else:
            return validate, path


# --- types, read from the validators ------------------------------------------------------------------

_LEAVES: dict[Any, Message] = {
    md.text: N_("text"),
    md.bilingual: N_("text in both languages `{zh, en}`"),
    md.slug: N_("lower-case letters, digits and `-`"),
    md.standard_code: N_("`framework:code`"),
    md.iso_date: N_("date `YYYY-MM-DD`"),
    md.spdx: N_("SPDX licence id"),
    md.url: N_("http(s) address"),
    md.quantity_text: N_("a quantity such as `\"9.81 m/s^2\"`, or a number"),
    md.quantity_number: N_("number"),
    md.relative: N_("number between 0 and 1"),
    md.unit_text: N_("a unit such as `m/s`, or `\"\"` for a plain number"),
    md.parameter_spec: N_("mapping: `range` or `choices`, optional `unit`"),
    md.boolean: N_("`true` or `false`"),
    md.two_questions: N_("list of exactly two: text in both languages `{zh, en}`"),
    md.declared_prerequisite: N_("an id from curriculum/prerequisites.yaml, or a mapping with keys `id`, `acknowledged`"),
}


#: The doc of a key for one language that sciedu does not document (``keywords.ko`` in a project that adds Korean).
OTHER_LANGUAGE = N_("As `{english}`, in {language}.")


def doc_for(path: str) -> Doc:
    """The doc of ``path``; a per-language key of an added language borrows its English sibling's example and places."""
    if path in DOCS:
        return DOCS[path]
    head, _, lang = path.rpartition(".")
    english = DOCS.get(f"{head}.en")
    if english is None or lang not in languages():
        raise KeyError(path)
    return Doc(_OtherLanguage(f"{head}.en", language_name(lang)), english.example, english.places)


class _OtherLanguage:
    """``text[lang]`` of an added language's key: the sentence pointing at its English sibling."""

    def __init__(self, english: str, language: str) -> None:
        self.english, self.language = english, language

    def __getitem__(self, lang: str) -> str:
        return OTHER_LANGUAGE.format(lang, english=self.english, language=self.language)


LIST_OF = N_("list of: {item}")
NON_EMPTY_LIST_OF = N_("non-empty list of: {item}")


def type_of(validate: Validator, lang: str) -> str:
    """A human-readable type, in ``lang``, of what ``validate`` accepts (LookupError for an unknown one)."""
    if validate in _LEAVES:
        return _LEAVES[validate][lang]
    if hasattr(validate, "item"):
        item = type_of(validate.item, lang)
        return (LIST_OF if validate.allow_empty else NON_EMPTY_LIST_OF).format(lang, item=item)
    if hasattr(validate, "value"):
        value = type_of(validate.value, lang)
        return N_("mapping: name → {value}").format(lang, value=value)
    if hasattr(validate, "options"):
        options = LIST_SEPARATOR[lang].join(f"`{o}`" for o in validate.options)
        return N_("one of {options}").format(lang, options=options)
    if hasattr(validate, "low"):
        low, high = validate.low, validate.high
        if high is None:
            return N_("whole number ≥ {low}").format(lang, low=low)
        return N_("whole number from {low} to {high}").format(lang, low=low, high=high)
    if hasattr(validate, "fields"):
        keys = ", ".join(f"`{k}`" for k in validate.fields)
        return N_("mapping with keys {keys}").format(lang, keys=keys)
    msg = f"no readable type for the validator {validate!r}: add it to sciedu.schema_doc._LEAVES"
    raise LookupError(msg)


def validator_at(path: str) -> Validator:
    """The validator of one key path (KeyError for a path the schema does not have)."""
    for field in fields():
        if field.path == path:
            return field.validate
    raise KeyError(path)


# --- the documentation ------------------------------------------------------------------------------

_BI = "{zh: ..., en: ...}"

DOCS: dict[str, Doc] = {
    "id": Doc(N_("The activity's id; must equal its folder's name. Used in addresses and file names."),
              "stopping-distance", ("catalogue", "student", "teacher", "notebook")),
    "title": Doc(N_("The activity's title."),
                 "{zh: 学校门口为什么限速30？, en: 'Why 30 km/h near schools?'}", ("catalogue", "student", "teacher", "guide", "session", "notebook")),
    "summary": Doc(N_("One or two sentences, shown in the catalogue and the guide's overview."),
                   "{zh: 用反应距离和制动距离解释学校门口的限速。, en: Reaction and braking distance explain the speed limit outside schools.}",
                   ("catalogue", "student", "teacher", "guide")),
    "subject": Doc(N_("The subject; must equal the parent folder's name."),
                   "physics", ("catalogue", "student", "teacher", "guide", "notebook")),
    "grade_band": Doc(N_("The grade band the activity is written for."),
                      '"7-9"', ("catalogue", "student", "teacher", "guide", "session", "notebook")),
    "duration": Doc(N_("Class time in minutes; the minutes of `phases` must add up to it."),
                    "45", ("catalogue", "student", "teacher", "guide", "notebook")),
    "standards": Doc(N_("The standards the activity teaches, as `framework:code`; each code must exist in a framework under curriculum/."),
                     "[cn-compulsory-science-2022:4, ngss-2013:MS-PS3-1]", ("student", "teacher", "guide", "session", "notebook")),
    "keywords": Doc(N_("Search words in each language, shown on the activity page so that the site search finds them."),
                    "{zh: [停车距离, 反应时间], en: [stopping distance, reaction time]}", ("student", "teacher")),
    "keywords.zh": Doc(N_("The Chinese keywords."), "[停车距离, 反应时间]", ("student", "teacher")),
    "keywords.en": Doc(N_("The English keywords."), "[stopping distance, reaction time]", ("student", "teacher")),
    "objectives": Doc(N_("Learning objectives: what students can do afterwards (\"Students can ...\")."),
                      "- {zh: 能把 km/h 换算成 m/s。, en: Students can convert km/h to m/s.}", ("student", "teacher", "guide")),
    "prior_knowledge": Doc(N_("What students should know before they start."),
                           "- {zh: 会用“路程 = 速度 × 时间”。, en: Can use distance = speed × time.}", ("teacher", "guide")),
    "materials": Doc(N_("Materials per group; `[]` for a computer-only activity."),
                     "- {zh: 30 cm 直尺 1 把, en: a 30 cm ruler}", ("teacher", "guide", "session")),
    "safety": Doc(N_("Safety notes; required when there are physical materials, `[]` when nothing physical is handled."),
                  "- {zh: 不要在真实道路上测试刹车。, en: Never test braking on a real road.}", ("teacher", "guide", "session")),
    "misconceptions": Doc(N_("Common misconceptions and how the activity addresses each."),
                          "- misconception: {zh: 速度加倍，停车距离也加倍。, en: Twice the speed means twice the stopping distance.}\n"
                          "  addressed_by: {zh: 用 sympy 比较 2v 和 v 时的制动距离。, en: Sympy compares the braking distance at 2v and at v.}",
                          ("teacher", "guide")),
    "misconceptions.misconception": Doc(N_("The misconception, in words a student would use."),
                                        "{zh: 速度加倍，停车距离也加倍。, en: Twice the speed means twice the stopping distance.}", ("teacher", "guide")),
    "misconceptions.addressed_by": Doc(N_("Where and how the activity challenges it."),
                                       "{zh: 用 sympy 比较 2v 和 v 时的制动距离。, en: Sympy compares the braking distance at 2v and at v.}", ("teacher", "guide")),
    "licence": Doc(N_("The content's licence, as an SPDX id."), "CC-BY-4.0", ("student", "teacher", "notebook")),
    "authors": Doc(N_("Who wrote the activity."), "[Li Hua, Jane Smith]", ("student", "teacher")),
    "review": Doc(N_("The science review: who checked what (as roles), when, against which sources, and what still awaits an expert."),
                  "reviewer: sciedu content review\ndate: 2026-11-30\nchecked:\n  - {role: {zh: 撰写者, en: author}, what: {zh: 所有数值已在 notebook 中重算, en: every number recomputed in the notebook}}\n"
                  "awaiting:\n  - {zh: 学科专家核对教学难度, en: a subject expert to check the level}\nsources:\n"
                  "  - {title: SI Brochure, url: https://www.bipm.org/en/publications/si-brochure}", ("student", "teacher", "session")),
    "review.reviewer": Doc(N_("Who is responsible for the review (a role or team); say so plainly when not yet reviewed. Never name someone who did not review it."),
                           "sciedu content review", ("student", "teacher", "session")),
    "review.checked": Doc(N_("The checks made, each with a role (never an invented name) and what was checked. `sciedu check` warns when it is missing."),
                          "- {role: {zh: 撰写者（AI 辅助起草）, en: author (AI-assisted draft)}, what: {zh: 所有数值已重算, en: every number recomputed}}", ("student", "teacher")),
    "review.checked.role": Doc(N_("The checker's role, such as \"subject teacher\" or \"second reader\"."),
                               "{zh: 第二审读者, en: second reader}", ("student", "teacher")),
    "review.checked.what": Doc(N_("What was checked, and how."),
                               "{zh: 对照两个来源核对了关键事实, en: key facts checked against two sources}", ("student", "teacher")),
    "review.awaiting": Doc(N_("What still awaits an expert's review; `[]` when nothing does. `sciedu check` warns when it is missing."),
                           "- {zh: 有经验的教师试教并核对时间安排, en: an experienced teacher to trial the timing}", ("student", "teacher")),
    "review.date": Doc(N_("The date of the review."), "2024-03-01", ("student", "teacher", "session")),
    "review.sources": Doc(N_("The sources checked against; at least one."),
                          "- {title: SI Brochure, url: https://www.bipm.org/en/publications/si-brochure}", ("student", "teacher", "session")),
    "review.sources.title": Doc(N_("The source's title."), "The International System of Units (SI Brochure)", ("student", "teacher", "session")),
    "review.sources.url": Doc(N_("The source's address."), "https://www.bipm.org/en/publications/si-brochure", ("student", "teacher", "session")),
    "execution": Doc(N_("Settings for running the notebooks."), "{timeout: 120}", ("build",)),
    "execution.timeout": Doc(N_("The longest a code cell may run, in seconds (default 60)."), "120", ("build",)),
    "model": Doc(N_("The instructional model: `5e` (engage, explore, explain, elaborate, evaluate) or `poe` (predict–observe–explain); it decides the phase names `phases` may use."),
                 "poe", ("guide",)),
    "phases": Doc(N_("The lesson's phases with their minutes, which must add up to `duration`."),
                  "- {phase: predict, minutes: 5, what: {zh: 学生写下预测。, en: Students write down predictions.}}", ("guide", "session")),
    "phases.phase": Doc(N_("The phase's name, from the model chosen by `model`."), "predict", ("guide",)),
    "phases.minutes": Doc(N_("The phase's minutes."), "5", ("guide",)),
    "phases.what": Doc(N_("What the class does in this phase."),
                       "{zh: 学生写下预测。, en: Students write down predictions.}", ("guide", "session")),
    "phases.min_minutes": Doc(N_("The shortest this phase still works when a scientist's visit is short (default: its `minutes`); hands-on and outdoor phases are never shortened."),
                              "3", ("session",)),
    "phases.core": Doc(N_("`true` makes the phase part of the core that every session plan keeps (default `false`; when no phase is marked, all of them are the core)."),
                       "true", ("session",)),
    "phases.kind": Doc(N_("What kind of work the phase is, which decides who leads it in the session plan; hands-on and outdoor phases keep their minutes in every plan and need an in-person visit (default `discussion`)."),
                       "computer", ("session",)),
    "phases.intent": Doc(N_("Why the phase is there and what it prepares (设计意图); printed in the lesson plan's process table."),
                         "{zh: 先让学生暴露原有想法，为后面的对比做准备。, en: \"Students' own ideas come out first, to compare with later.\"}", ("guide",)),
    "session_core": Doc(N_("For a visit too short for the core phases: one demonstration and two questions, with their minutes."),
                        "minutes: 12\ndemonstration: {zh: 在投影上运行第3部分的图。, en: Run the graph of section 3 on the projector.}\n"
                        "questions:\n  - {zh: 车速加倍时，制动距离变为几倍？, en: 'When the speed doubles, how many times longer is the braking distance?'}\n"
                        "  - {zh: 学校附近为什么限速30 km/h？, en: 'Why is the limit near schools 30 km/h?'}",
                        ("session",)),
    "session_core.minutes": Doc(N_("The minutes the demonstration and the two questions need together."),
                                "12", ("session",)),
    "session_core.demonstration": Doc(N_("The scientist's demonstration: what to do and what the class will see."),
                                      "{zh: 在投影上运行第3部分的图。, en: Run the graph of section 3 on the projector.}", ("session",)),
    "session_core.questions": Doc(N_("The two questions to discuss with the class after the demonstration."),
                                  "- {zh: 车速加倍时，制动距离变为几倍？, en: 'When the speed doubles, how many times longer is the braking distance?'}\n"
                                  "- {zh: 学校附近为什么限速30 km/h？, en: 'Why is the limit near schools 30 km/h?'}", ("session",)),
    "vocabulary": Doc(N_("Key terms with age-appropriate definitions."),
                      "- term: {zh: 制动距离, en: braking distance}\n  definition: {zh: 从踩下刹车到车停下所走的距离。, en: The distance from pressing the brake to stopping.}",
                      ("guide", "session")),
    "vocabulary.term": Doc(N_("The term."), "{zh: 制动距离, en: braking distance}", ("guide", "session")),
    "vocabulary.definition": Doc(N_("A definition for this age."),
                                 "{zh: 从踩下刹车到车停下所走的距离。, en: The distance from pressing the brake to stopping.}", ("guide", "session")),
    "vocabulary.avoid": Doc(N_("An inaccurate way of saying it to avoid (optional)."),
                            "{zh: 刹车距离就是停车距离, en: the braking distance is the stopping distance}", ("guide", "session")),
    "analogies": Doc(N_("Analogies for explaining at this age."),
                     "- {zh: 反应时间里汽车就像在“盲开”。, en: During the reaction time the car is driving blind.}", ("guide", "session")),
    "differentiation": Doc(N_("Differentiation: ideas for students who need support and for those ready for more."),
                           "support:\n  - {zh: 发一张换算卡。, en: Hand out a conversion card.}\nextension:\n  - {zh: 推导制动距离公式。, en: Derive the braking-distance formula.}",
                           ("guide", "session")),
    "differentiation.support": Doc(N_("Ideas for students who need support."),
                                   "- {zh: 发一张换算卡。, en: Hand out a conversion card.}", ("guide",)),
    "differentiation.extension": Doc(N_("Ideas for students ready for more; also the session plan's follow-up."),
                                     "- {zh: 推导制动距离公式。, en: Derive the braking-distance formula.}", ("guide", "session")),
    "discussion": Doc(N_("Discussion prompts with the answers to listen for."),
                      "- prompt: {zh: 为什么雨天要开得更慢？, en: 'Why drive slower in the rain?'}\n  expected: {zh: 摩擦变小，制动距离变长。, en: 'Less friction, so a longer braking distance.'}",
                      ("guide",)),
    "discussion.prompt": Doc(N_("The question for the class."), "{zh: 为什么雨天要开得更慢？, en: 'Why drive slower in the rain?'}", ("guide",)),
    "discussion.expected": Doc(N_("What to listen for in the answers."),
                               "{zh: 摩擦变小，制动距离变长。, en: 'Less friction, so a longer braking distance.'}", ("guide",)),
    "assessment": Doc(N_("Multiple-choice items for a pre/post quiz; each wrong option can name the misconception behind it."),
                      "- question: {zh: 车速加倍，制动距离变为几倍？, en: 'Twice the speed gives how many times the braking distance?'}\n"
                      "  options:\n    - {zh: 2倍, en: 2 times, misconception: {zh: 距离与速度成正比。, en: Distance is proportional to speed.}}\n"
                      "    - {zh: 4倍, en: 4 times}\n  answer: 1\n  explanation: {zh: 制动距离与 v² 成正比。, en: The braking distance is proportional to v².}",
                      ("guide", "session")),
    "assessment.question": Doc(N_("The question."), "{zh: 车速加倍，制动距离变为几倍？, en: 'Twice the speed gives how many times the braking distance?'}", ("guide", "session")),
    "assessment.options": Doc(N_("The options; a wrong option may add `misconception`."),
                              "- {zh: 2倍, en: 2 times, misconception: {zh: 距离与速度成正比。, en: Distance is proportional to speed.}}\n- {zh: 4倍, en: 4 times}",
                              ("guide", "session")),
    "assessment.options.zh": Doc(N_("The option in Chinese."), "4倍", ("guide", "session")),
    "assessment.options.en": Doc(N_("The option in English."), "4 times", ("guide", "session")),
    "assessment.options.misconception": Doc(N_("The misconception that makes a student choose this wrong option."),
                                            "{zh: 距离与速度成正比。, en: Distance is proportional to speed.}", ("guide", "session")),
    "assessment.answer": Doc(N_("The correct option's index, from 0 (0 is A)."), "1", ("guide", "session")),
    "assessment.explanation": Doc(N_("Why the correct option is right."),
                                  "{zh: 制动距离与 v² 成正比。, en: The braking distance is proportional to v².}", ("guide", "session")),
    "assessment.misconception": Doc(N_("The misconception the item as a whole tests (optional when the options name theirs)."),
                                    "{zh: 认为停车距离与速度成正比。, en: Stopping distance is thought to be proportional to speed.}", ("guide", "session")),
    "rubric": Doc(N_("An assessment rubric (claim–evidence–reasoning or similar), one row per criterion."),
                  "- criterion: {zh: 证据, en: Evidence}\n  levels:\n    - {zh: 没有数据, en: No data}\n    - {zh: 有一个数据, en: One number}\n    - {zh: 用数据比较, en: Compares with data}",
                  ("guide",)),
    "rubric.criterion": Doc(N_("The criterion."), "{zh: 证据, en: Evidence}", ("guide",)),
    "rubric.levels": Doc(N_("The levels from lowest to highest (usually three: beginning, developing, proficient)."),
                         "- {zh: 没有数据, en: No data}\n- {zh: 有一个数据, en: One number}\n- {zh: 用数据比较, en: Compares with data}", ("guide",)),
    "myth": Doc(N_("A popular myth to test with the class."),
                "claim: {zh: 人的反应是一瞬间的。, en: Human reactions are instant.}\ntruth: {zh: 接尺子实验测得约 0.2 s。, en: A ruler-drop test gives about 0.2 s.}",
                ("guide", "session")),
    "myth.claim": Doc(N_("The popular claim."), "{zh: 人的反应是一瞬间的。, en: Human reactions are instant.}", ("guide", "session")),
    "myth.truth": Doc(N_("The science, and how the class can test it."),
                      "{zh: 接尺子实验测得约 0.2 s。, en: A ruler-drop test gives about 0.2 s.}", ("guide", "session")),
    "careers": Doc(N_("Careers that use this science."),
                   "- {zh: 交通工程师：根据停车距离确定限速。, en: 'Traffic engineers, who set speed limits from stopping distances.'}", ("guide", "session")),
    "answers": Doc(N_("Answer keys with their formula and given quantities; `sciedu check` recomputes each with units and reports a key that disagrees."),
                   "- id: reaction-50\n  label: {zh: 解释题1, en: Explain question 1}\n  formula: v*t_r\n  given: {v: 50 km/h, t_r: 1.5 s}\n  key: 20.8 m",
                   ("guide", "check")),
    "answers.id": Doc(N_("The answer's name, used in check messages."), "reaction-50", ("check",)),
    "answers.label": Doc(N_("How the teacher guide names it."), "{zh: 解释题1, en: Explain question 1}", ("guide",)),
    "answers.formula": Doc(N_("The formula in the names of `given` (read as an expression, never run as code)."),
                           "v*t_r", ("guide", "check")),
    "answers.given": Doc(N_("Each name's value: a quantity with its unit, or a number."), "{v: 50 km/h, t_r: 1.5 s}", ("guide", "check")),
    "answers.key": Doc(N_("The answer as stated, with its unit; any unit of the same kind will do."), "20.8 m", ("guide", "check")),
    "answers.tolerance": Doc(N_("The relative tolerance (default 0.01, i.e. 1%)."), "0.02", ("guide", "check")),
    "variants": Doc(N_("Seeded exercises: each student gets numbers from their student number; the teacher guide lists numbers and answers for 1 to 40."),
                    "- id: braking-distance\n  label: {zh: 练习3, en: Exercise 3}\n  parameters:\n    v: {range: [30, 60, 5], unit: km/h}\n"
                    "    mu: {choices: [0.7, 0.4]}\n  constants: {g: 9.81 m/s^2}\n  formula: v**2/(2*mu*g)\n  unit: m\n  digits: 1",
                    ("guide", "check")),
    "variants.id": Doc(N_("The same text as `key=` in the notebooks' `variants(...)` call."),
                       "braking-distance", ("check",)),
    "variants.label": Doc(N_("The heading of its table in the teacher guide."), "{zh: 练习3, en: Exercise 3}", ("guide",)),
    "variants.parameters": Doc(N_("Each parameter's range or choices."),
                               "{v: {range: [30, 60, 5], unit: km/h}, mu: {choices: [0.7, 0.4]}}", ("guide",)),
    "variants.parameters.<name>.range": Doc(N_("`[low, high, step]` or `[low, high]` (step 1), both ends included."),
                                            "[30, 60, 5]", ("guide",)),
    "variants.parameters.<name>.choices": Doc(N_("The values to choose from (instead of `range`)."), "[0.7, 0.4]", ("guide",)),
    "variants.parameters.<name>.unit": Doc(N_("The parameter's unit."), "km/h", ("guide",)),
    "variants.constants": Doc(N_("Fixed quantities."), "{g: 9.81 m/s^2}", ("guide", "check")),
    "variants.formula": Doc(N_("The answer in the names of the parameters and constants."), "v**2/(2*mu*g)", ("guide", "check")),
    "variants.unit": Doc(N_("The unit of the answer column (`\"\"` for a plain number)."), "m", ("guide",)),
    "variants.digits": Doc(N_("Decimals in the answer column (default 2)."), "1", ("guide",)),
    "prerequisites": Doc(N_("The mathematics and other prerequisites students need, as ids from curriculum/prerequisites.yaml; the teacher guide lists each with the grade band that teaches it. For one taught above the activity's band, write `{id: ..., acknowledged: {zh: ..., en: ...}}` to say why it is used anyway: the reason is shown in the teacher guide, and `sciedu check` reports it as a note that `--strict` does not fail."),
                         "- ratio\n- id: trigonometry\n  acknowledged: {zh: 只用计算器求 sin 值，不要求学生推导。, en: Students only read sin values off a calculator; no derivation is expected.}",
                         ("guide", "check")),
    "prerequisites.id": Doc(N_("An id from curriculum/prerequisites.yaml."), "trigonometry", ("guide", "check")),
    "prerequisites.acknowledged": Doc(N_("Why this prerequisite, taught above the activity's band, is used anyway, and how to handle it in class."),
                                      "{zh: 只用计算器求 sin 值，不要求学生推导。, en: Students only read sin values off a calculator; no derivation is expected.}",
                                      ("guide", "check")),
    "lesson_plan": Doc(N_("The parts of a Chinese lesson plan (教学设计) beyond the rest of the teacher guide: textbook unit, learners, key and difficult points, objectives by competency, board plan, homework, and a path for one computer and a projector."),
                       "learners: {zh: ……, en: ……}\nkey_points: [{zh: ……, en: ……}]", ("guide",)),
    "lesson_plan.textbook": Doc(N_("The textbook units this activity fits (only those the author has checked)."),
                                "- {zh: 教科版《科学》六年级上册“地球的运动”单元, en: \"Jiaoke edition Science, grade 6 volume 1, unit 'The Earth's motion'\"}", ("guide",)),
    "lesson_plan.learners": Doc(N_("The learners: what they bring, their usual ideas and likely difficulties."),
                                "{zh: 学生知道影子由光沿直线传播形成……, en: Students know shadows form because light travels in straight lines…}", ("guide",)),
    "lesson_plan.key_points": Doc(N_("The lesson's key points (教学重点)."), "- {zh: 用实验数据说明……, en: Use the data to show…}", ("guide",)),
    "lesson_plan.difficult_points": Doc(N_("The lesson's difficult points (教学难点)."), "- {zh: 区分溶解快慢和溶解多少, en: Telling how fast from how much dissolves}", ("guide",)),
    "lesson_plan.objectives": Doc(N_("Objectives written by competency; each names a competency item of the curriculum data (`framework:code`), whose name the guide prints."),
                                  "- {competency: cn-compulsory-science-2022:competency-3, objective: {zh: 能设计对比实验……, en: Plan a fair test…}}", ("guide",)),
    "lesson_plan.objectives.competency": Doc(N_("The competency's id in the curriculum data; its type must be competency."),
                                             "cn-compulsory-science-2022:competency-1", ("guide",)),
    "lesson_plan.objectives.objective": Doc(N_("The objective itself."), "{zh: 能说出……, en: Can say…}", ("guide",)),
    "lesson_plan.board_plan": Doc(N_("The board plan, laid out line by line as on the board (a multi-line text), printed as written."),
                                  "{zh: \"正午影子\\n太阳高 → 影子短\", en: \"Noon shadow\\nSun high → shadow short\"}", ("guide",)),
    "lesson_plan.homework": Doc(N_("Homework: each task with its expected minutes; no written homework in grades 1–2, and never more than the daily limit of the 2021 homework rules."),
                                "- {task: {zh: 连续三天记录月亮的样子, en: Draw the Moon on three evenings}, minutes: 10, kind: observation}", ("guide",)),
    "lesson_plan.homework.task": Doc(N_("The task."), "{zh: 完成学习单第2题, en: Question 2 of the worksheet}", ("guide",)),
    "lesson_plan.homework.minutes": Doc(N_("The expected time in minutes."), "10", ("guide",)),
    "lesson_plan.homework.kind": Doc(N_("The kind: `written`, `practical`, `observation` or `reading` (default `written`)."), "practical", ("guide",)),
    "lesson_plan.projector_path": Doc(N_("How to teach the lesson with one computer and a projector: what the teacher runs, what students do on paper."),
                                      "{zh: 教师投影运行滑块……, en: The teacher projects the slider…}", ("guide",)),
    "audience": Doc(N_("Who the activity is for: `students` (the default: school and university classes), or the public: `older-adults`, `rural` (rural residents and farmers), `workers` (industrial and other workers), `general-public`. For a public audience the teacher guide becomes a facilitator's guide, the worksheet a large-print handout, and the activity should align to the citizens' scientific literacy benchmarks."),
                    "[older-adults, general-public]", ("catalogue", "student", "guide")),
    "facilitation": Doc(N_("How a public session runs when participants have no computers."),
                        "without_computers: {zh: 主持人用一台手机投屏……, en: The facilitator shows one phone on a TV…}", ("guide",)),
    "facilitation.without_computers": Doc(N_("The session without computers: how the paper handout, the hands-on demonstration and one optional screen take the notebook's place."),
                                          "{zh: 主持人用一台手机投屏展示交互图，参与者在讲义上记录。, en: The facilitator shows the interactive chart from one phone on a TV; participants record on the handout.}",
                                          ("guide",)),
    "facilitation.accessibility": Doc(N_("Accessibility: large print, seating, hearing and sight, taking part with limited mobility."),
                                      "- {zh: 讲义用大字打印；请坐在前排的参与者先选座位。, en: Print the handout in large type; let those who need the front rows choose seats first.}",
                                      ("guide",)),
    "worksheet": Doc(N_("What the printable student worksheet adds to the notebook's predictions and exercises: a table for the data of the hands-on part, and self-check statements."),
                     "table:\n  title: {zh: 用滑块探索停车距离, en: Exploring stopping distances with the sliders}\n"
                     "  columns:\n    - {zh: 车速（km/h）, en: Speed (km/h)}\n    - {zh: 停车距离（m）, en: Stopping distance (m)}\n  rows: 5\n"
                     "self_check:\n  - {zh: 我能说出停车距离由哪两段组成。, en: I can name the two parts of a stopping distance.}",
                     ("worksheet",)),
    "worksheet.table": Doc(N_("The table students fill in: its title, the column headings and the number of empty rows."),
                           "title: {zh: 用滑块探索停车距离, en: Exploring stopping distances with the sliders}\n"
                           "columns:\n  - {zh: 车速（km/h）, en: Speed (km/h)}\n  - {zh: 停车距离（m）, en: Stopping distance (m)}\nrows: 5",
                           ("worksheet",)),
    "worksheet.table.title": Doc(N_("The table's title."), "{zh: 用滑块探索停车距离, en: Exploring stopping distances with the sliders}", ("worksheet",)),
    "worksheet.table.columns": Doc(N_("The column headings, with the unit of each quantity."),
                                   "- {zh: 车速（km/h）, en: Speed (km/h)}\n- {zh: 停车距离（m）, en: Stopping distance (m)}", ("worksheet",)),
    "worksheet.table.rows": Doc(N_("The number of empty rows students fill in (1 to 30)."), "5", ("worksheet",)),
    "worksheet.self_check": Doc(N_("Self-check statements in the student's words (\"I can ...\"), ticked when done."),
                                "- {zh: 我能说出停车距离由哪两段组成。, en: I can name the two parts of a stopping distance.}", ("worksheet",)),
}
