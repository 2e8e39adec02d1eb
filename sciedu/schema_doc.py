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
from sciedu.metadata import SCHEMA, Validator

#: Where an author's value can be seen: the key, then its name in each language.
PLACES: dict[str, dict[str, str]] = {
    "catalogue": {"zh": "活动目录", "en": "catalogue"},
    "student": {"zh": "学生页面", "en": "student page"},
    "teacher": {"zh": "教师页面", "en": "teacher page"},
    "guide": {"zh": "教师指南", "en": "teacher guide"},
    "session": {"zh": "科学家进校园活动方案", "en": "session plan"},
    "worksheet": {"zh": "学习单", "en": "student worksheet"},
    "notebook": {"zh": "notebook 元数据", "en": "notebook metadata"},
    "check": {"zh": "只用于检查", "en": "checks only"},
    "build": {"zh": "只用于运行 notebook", "en": "running the notebooks only"},
}

#: The segment a name-to-value mapping contributes to a key path, e.g. ``variants.parameters.<name>.range``.
ANY_NAME = "<name>"


@dataclass(frozen=True)
class Doc:
    """What a key is for (``zh``, ``en``), an ``example`` value in YAML, and the ``places`` it reaches."""

    zh: str
    en: str
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

_LEAVES: dict[Any, dict[str, str]] = {
    md.text: {"zh": "文本", "en": "text"},
    md.bilingual: {"zh": "中英文文本 `{zh, en}`", "en": "text in both languages `{zh, en}`"},
    md.slug: {"zh": "小写字母、数字和 `-`", "en": "lower-case letters, digits and `-`"},
    md.standard_code: {"zh": "`框架:编码`", "en": "`framework:code`"},
    md.iso_date: {"zh": "日期 `YYYY-MM-DD`", "en": "date `YYYY-MM-DD`"},
    md.spdx: {"zh": "SPDX 许可协议编号", "en": "SPDX licence id"},
    md.url: {"zh": "http(s) 网址", "en": "http(s) address"},
    md.quantity_text: {"zh": "带单位的量（如 `\"9.81 m/s^2\"`）或数", "en": "a quantity such as `\"9.81 m/s^2\"`, or a number"},
    md.quantity_number: {"zh": "数", "en": "number"},
    md.relative: {"zh": "0 与 1 之间的数", "en": "number between 0 and 1"},
    md.unit_text: {"zh": "单位（如 `m/s`），无单位时写 `\"\"`", "en": "a unit such as `m/s`, or `\"\"` for a plain number"},
    md.parameter_spec: {"zh": "映射：`range` 或 `choices`，可加 `unit`", "en": "mapping: `range` or `choices`, optional `unit`"},
    md.boolean: {"zh": "`true` 或 `false`", "en": "`true` or `false`"},
    md.two_questions: {"zh": "恰好两项的列表，每项：中英文文本 `{zh, en}`", "en": "list of exactly two: text in both languages `{zh, en}`"},
    md.declared_prerequisite: {"zh": "curriculum/prerequisites.yaml 中的编号，或映射，键：`id`, `acknowledged`",
                               "en": "an id from curriculum/prerequisites.yaml, or a mapping with keys `id`, `acknowledged`"},
}


def type_of(validate: Validator, lang: str) -> str:
    """A human-readable type, in ``lang``, of what ``validate`` accepts (LookupError for an unknown one)."""
    if validate in _LEAVES:
        return _LEAVES[validate][lang]
    if hasattr(validate, "item"):
        item = type_of(validate.item, lang)
        if lang == "zh":
            return f"列表，每项：{item}" + ("" if validate.allow_empty else "（至少一项）")
        return ("list" if validate.allow_empty else "non-empty list") + f" of: {item}"
    if hasattr(validate, "value"):
        value = type_of(validate.value, lang)
        return f"映射：名称 → {value}" if lang == "zh" else f"mapping: name → {value}"
    if hasattr(validate, "options"):
        options = ("、" if lang == "zh" else ", ").join(f"`{o}`" for o in validate.options)
        return f"取值之一：{options}" if lang == "zh" else f"one of {options}"
    if hasattr(validate, "low"):
        low, high = validate.low, validate.high
        if high is None:
            return f"整数，≥ {low}" if lang == "zh" else f"whole number ≥ {low}"
        return f"整数，{low} 到 {high}" if lang == "zh" else f"whole number from {low} to {high}"
    if hasattr(validate, "fields"):
        keys = ", ".join(f"`{k}`" for k in validate.fields)
        return f"映射，键：{keys}" if lang == "zh" else f"mapping with keys {keys}"
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
    "id": Doc("活动编号，必须与文件夹同名；出现在网址和文件名中。", "The activity's id; must equal its folder's name. Used in addresses and file names.",
              "stopping-distance", ("catalogue", "student", "teacher", "notebook")),
    "title": Doc("活动标题。", "The activity's title.",
                 "{zh: 学校门口为什么限速30？, en: 'Why 30 km/h near schools?'}", ("catalogue", "student", "teacher", "guide", "session", "notebook")),
    "summary": Doc("一两句话的简介，显示在活动目录和教师指南的概览中。", "One or two sentences, shown in the catalogue and the guide's overview.",
                   "{zh: 用反应距离和制动距离解释学校门口的限速。, en: Reaction and braking distance explain the speed limit outside schools.}",
                   ("catalogue", "student", "teacher", "guide")),
    "subject": Doc("学科，必须与上一级文件夹同名。", "The subject; must equal the parent folder's name.",
                   "physics", ("catalogue", "student", "teacher", "guide", "notebook")),
    "grade_band": Doc("适用学段（依据课程标准的学段划分）。", "The grade band the activity is written for.",
                      '"7-9"', ("catalogue", "student", "teacher", "guide", "session", "notebook")),
    "duration": Doc("课堂用时（分钟）；`phases` 的分钟数之和必须等于它。", "Class time in minutes; the minutes of `phases` must add up to it.",
                    "45", ("catalogue", "student", "teacher", "guide", "notebook")),
    "standards": Doc("本活动落实的课程标准条目，`框架:编码` 形式；编码必须在 curriculum/ 的框架中存在。",
                     "The standards the activity teaches, as `framework:code`; each code must exist in a framework under curriculum/.",
                     "[cn-compulsory-science-2022:4, ngss-2013:MS-PS3-1]", ("student", "teacher", "guide", "session", "notebook")),
    "keywords": Doc("每种语言的搜索关键词，显示在活动页面上，便于站内搜索。", "Search words in each language, shown on the activity page so that the site search finds them.",
                    "{zh: [停车距离, 反应时间], en: [stopping distance, reaction time]}", ("student", "teacher")),
    "keywords.zh": Doc("中文关键词。", "The Chinese keywords.", "[停车距离, 反应时间]", ("student", "teacher")),
    "keywords.en": Doc("英文关键词。", "The English keywords.", "[stopping distance, reaction time]", ("student", "teacher")),
    "objectives": Doc("学习目标：学完后学生能够做什么（“能……”）。", "Learning objectives: what students can do afterwards (\"Students can ...\").",
                      "- {zh: 能把 km/h 换算成 m/s。, en: Students can convert km/h to m/s.}", ("student", "teacher", "guide")),
    "prior_knowledge": Doc("学生开始前应当已经知道的内容。", "What students should know before they start.",
                           "- {zh: 会用“路程 = 速度 × 时间”。, en: Can use distance = speed × time.}", ("teacher", "guide")),
    "materials": Doc("每组需要的材料；只用电脑的活动写 `[]`。", "Materials per group; `[]` for a computer-only activity.",
                     "- {zh: 30 cm 直尺 1 把, en: a 30 cm ruler}", ("teacher", "guide", "session")),
    "safety": Doc("安全提示；有实物材料时必须填写，不涉及实物操作时写 `[]`。", "Safety notes; required when there are physical materials, `[]` when nothing physical is handled.",
                  "- {zh: 不要在真实道路上测试刹车。, en: Never test braking on a real road.}", ("teacher", "guide", "session")),
    "misconceptions": Doc("学生常见的错误想法，以及本活动如何应对。", "Common misconceptions and how the activity addresses each.",
                          "- misconception: {zh: 速度加倍，停车距离也加倍。, en: Twice the speed means twice the stopping distance.}\n"
                          "  addressed_by: {zh: 用 sympy 比较 2v 和 v 时的制动距离。, en: Sympy compares the braking distance at 2v and at v.}",
                          ("teacher", "guide")),
    "misconceptions.misconception": Doc("错误想法，用学生会说的话写。", "The misconception, in words a student would use.",
                                        "{zh: 速度加倍，停车距离也加倍。, en: Twice the speed means twice the stopping distance.}", ("teacher", "guide")),
    "misconceptions.addressed_by": Doc("活动中哪一部分、怎样纠正它。", "Where and how the activity challenges it.",
                                       "{zh: 用 sympy 比较 2v 和 v 时的制动距离。, en: Sympy compares the braking distance at 2v and at v.}", ("teacher", "guide")),
    "licence": Doc("内容的许可协议（SPDX 编号）。", "The content's licence, as an SPDX id.", "CC-BY-4.0", ("student", "teacher", "notebook")),
    "authors": Doc("作者姓名。", "Who wrote the activity.", "[Li Hua, Jane Smith]", ("student", "teacher")),
    "review": Doc("科学审核记录：谁（以角色写明）核对了什么、何时、依据哪些资料，以及还有什么尚待专家审核。",
                  "The science review: who checked what (as roles), when, against which sources, and what still awaits an expert.",
                  "reviewer: sciedu content review\ndate: 2026-11-30\nchecked:\n  - {role: {zh: 撰写者, en: author}, what: {zh: 所有数值已在 notebook 中重算, en: every number recomputed in the notebook}}\n"
                  "awaiting:\n  - {zh: 学科专家核对教学难度, en: a subject expert to check the level}\nsources:\n"
                  "  - {title: SI Brochure, url: https://www.bipm.org/en/publications/si-brochure}", ("student", "teacher", "session")),
    "review.reviewer": Doc("负责审核的一方（角色或团队）；尚未审核时如实写明。不要写未参与审核的人。",
                           "Who is responsible for the review (a role or team); say so plainly when not yet reviewed. Never name someone who did not review it.",
                           "sciedu content review", ("student", "teacher", "session")),
    "review.checked": Doc("已做的核对，每条写明角色（不写虚构的人名）和核对了什么。缺少时 `sciedu check` 给出警告。",
                          "The checks made, each with a role (never an invented name) and what was checked. `sciedu check` warns when it is missing.",
                          "- {role: {zh: 撰写者（AI 辅助起草）, en: author (AI-assisted draft)}, what: {zh: 所有数值已重算, en: every number recomputed}}", ("student", "teacher")),
    "review.checked.role": Doc("核对者的角色，如“学科教师”“第二审读者”。", "The checker's role, such as \"subject teacher\" or \"second reader\".",
                               "{zh: 第二审读者, en: second reader}", ("student", "teacher")),
    "review.checked.what": Doc("核对了什么、怎样核对。", "What was checked, and how.",
                               "{zh: 对照两个来源核对了关键事实, en: key facts checked against two sources}", ("student", "teacher")),
    "review.awaiting": Doc("还有什么尚待专家审核；全部审核过时写 `[]`。缺少时 `sciedu check` 给出警告。",
                           "What still awaits an expert's review; `[]` when nothing does. `sciedu check` warns when it is missing.",
                           "- {zh: 有经验的教师试教并核对时间安排, en: an experienced teacher to trial the timing}", ("student", "teacher")),
    "review.date": Doc("审核日期。", "The date of the review.", "2024-03-01", ("student", "teacher", "session")),
    "review.sources": Doc("核对所依据的资料，至少一条。", "The sources checked against; at least one.",
                          "- {title: SI Brochure, url: https://www.bipm.org/en/publications/si-brochure}", ("student", "teacher", "session")),
    "review.sources.title": Doc("资料名称。", "The source's title.", "The International System of Units (SI Brochure)", ("student", "teacher", "session")),
    "review.sources.url": Doc("资料的网址。", "The source's address.", "https://www.bipm.org/en/publications/si-brochure", ("student", "teacher", "session")),
    "execution": Doc("运行 notebook 的设置。", "Settings for running the notebooks.", "{timeout: 120}", ("build",)),
    "execution.timeout": Doc("每个代码单元格最多运行多少秒（默认 60）。", "The longest a code cell may run, in seconds (default 60).", "120", ("build",)),
    "model": Doc("教学模式：`5e`（引入、探究、解释、拓展、评价）或 `poe`（预测—观察—解释）；决定 `phases` 可用的环节名。",
                 "The instructional model: `5e` (engage, explore, explain, elaborate, evaluate) or `poe` (predict–observe–explain); it decides the phase names `phases` may use.",
                 "poe", ("guide",)),
    "phases": Doc("教学流程的各个环节及分钟数，分钟数之和必须等于 `duration`。", "The lesson's phases with their minutes, which must add up to `duration`.",
                  "- {phase: predict, minutes: 5, what: {zh: 学生写下预测。, en: Students write down predictions.}}", ("guide", "session")),
    "phases.phase": Doc("环节名，必须属于 `model` 所选的模式。", "The phase's name, from the model chosen by `model`.", "predict", ("guide",)),
    "phases.minutes": Doc("这个环节的分钟数。", "The phase's minutes.", "5", ("guide",)),
    "phases.what": Doc("这个环节里师生做什么。", "What the class does in this phase.",
                       "{zh: 学生写下预测。, en: Students write down predictions.}", ("guide", "session")),
    "phases.min_minutes": Doc("科学家进校园活动时间紧时，这个环节最短可以压缩到几分钟（默认不压缩，即 `minutes`）；动手和室外环节不压缩。",
                              "The shortest this phase still works when a scientist's visit is short (default: its `minutes`); hands-on and outdoor phases are never shortened.",
                              "3", ("session",)),
    "phases.core": Doc("`true` 表示这是核心环节：任何时长的活动方案都保留它（默认 `false`；一个都没标时，所有环节都是核心）。",
                       "`true` makes the phase part of the core that every session plan keeps (default `false`; when no phase is marked, all of them are the core).",
                       "true", ("session",)),
    "phases.kind": Doc("环节的形式，决定活动方案里由谁负责；动手（`hands-on`）和室外（`outdoor`）环节在任何方案中都保持原时长，并且只能到校面授（默认 `discussion`）。",
                       "What kind of work the phase is, which decides who leads it in the session plan; hands-on and outdoor phases keep their minutes in every plan and need an in-person visit (default `discussion`).",
                       "computer", ("session",)),
    "phases.intent": Doc("设计意图：这个环节为什么这样安排、为后面做了什么准备。印在教学设计的“教学过程”表中。",
                         "Why the phase is there and what it prepares (设计意图); printed in the lesson plan's process table.",
                         "{zh: 先让学生暴露原有想法，为后面的对比做准备。, en: \"Students' own ideas come out first, to compare with later.\"}", ("guide",)),
    "session_core": Doc("时间太短、放不下核心环节时的替代方案：一个演示和两个问题，及其分钟数。",
                        "For a visit too short for the core phases: one demonstration and two questions, with their minutes.",
                        "minutes: 12\ndemonstration: {zh: 在投影上运行第3部分的图。, en: Run the graph of section 3 on the projector.}\n"
                        "questions:\n  - {zh: 车速加倍时，制动距离变为几倍？, en: 'When the speed doubles, how many times longer is the braking distance?'}\n"
                        "  - {zh: 学校附近为什么限速30 km/h？, en: 'Why is the limit near schools 30 km/h?'}",
                        ("session",)),
    "session_core.minutes": Doc("演示和两个问题一共需要的分钟数。", "The minutes the demonstration and the two questions need together.",
                                "12", ("session",)),
    "session_core.demonstration": Doc("科学家做的演示：做什么，学生会看到什么。", "The scientist's demonstration: what to do and what the class will see.",
                                      "{zh: 在投影上运行第3部分的图。, en: Run the graph of section 3 on the projector.}", ("session",)),
    "session_core.questions": Doc("演示之后和学生讨论的两个问题。", "The two questions to discuss with the class after the demonstration.",
                                  "- {zh: 车速加倍时，制动距离变为几倍？, en: 'When the speed doubles, how many times longer is the braking distance?'}\n"
                                  "- {zh: 学校附近为什么限速30 km/h？, en: 'Why is the limit near schools 30 km/h?'}", ("session",)),
    "vocabulary": Doc("关键词及适合该学段的解释。", "Key terms with age-appropriate definitions.",
                      "- term: {zh: 制动距离, en: braking distance}\n  definition: {zh: 从踩下刹车到车停下所走的距离。, en: The distance from pressing the brake to stopping.}",
                      ("guide", "session")),
    "vocabulary.term": Doc("词语。", "The term.", "{zh: 制动距离, en: braking distance}", ("guide", "session")),
    "vocabulary.definition": Doc("适合学生年龄的解释。", "A definition for this age.",
                                 "{zh: 从踩下刹车到车停下所走的距离。, en: The distance from pressing the brake to stopping.}", ("guide", "session")),
    "vocabulary.avoid": Doc("应避免的不准确说法（可选）。", "An inaccurate way of saying it to avoid (optional).",
                            "{zh: 刹车距离就是停车距离, en: the braking distance is the stopping distance}", ("guide", "session")),
    "analogies": Doc("适合这个年龄讲解的类比。", "Analogies for explaining at this age.",
                     "- {zh: 反应时间里汽车就像在“盲开”。, en: During the reaction time the car is driving blind.}", ("guide", "session")),
    "differentiation": Doc("分层教学：给需要支持的学生和学有余力的学生的建议。", "Differentiation: ideas for students who need support and for those ready for more.",
                           "support:\n  - {zh: 发一张换算卡。, en: Hand out a conversion card.}\nextension:\n  - {zh: 推导制动距离公式。, en: Derive the braking-distance formula.}",
                           ("guide", "session")),
    "differentiation.support": Doc("给需要支持的学生的建议。", "Ideas for students who need support.",
                                   "- {zh: 发一张换算卡。, en: Hand out a conversion card.}", ("guide",)),
    "differentiation.extension": Doc("给学有余力的学生的建议；也列在活动方案的后续跟进中。", "Ideas for students ready for more; also the session plan's follow-up.",
                                     "- {zh: 推导制动距离公式。, en: Derive the braking-distance formula.}", ("guide", "session")),
    "discussion": Doc("讨论问题和期待听到的回答。", "Discussion prompts with the answers to listen for.",
                      "- prompt: {zh: 为什么雨天要开得更慢？, en: 'Why drive slower in the rain?'}\n  expected: {zh: 摩擦变小，制动距离变长。, en: 'Less friction, so a longer braking distance.'}",
                      ("guide",)),
    "discussion.prompt": Doc("提给全班的问题。", "The question for the class.", "{zh: 为什么雨天要开得更慢？, en: 'Why drive slower in the rain?'}", ("guide",)),
    "discussion.expected": Doc("期待听到的回答要点。", "What to listen for in the answers.",
                               "{zh: 摩擦变小，制动距离变长。, en: 'Less friction, so a longer braking distance.'}", ("guide",)),
    "assessment": Doc("前测/后测用的选择题；每个错误选项可以写出它背后的错误想法。", "Multiple-choice items for a pre/post quiz; each wrong option can name the misconception behind it.",
                      "- question: {zh: 车速加倍，制动距离变为几倍？, en: 'Twice the speed gives how many times the braking distance?'}\n"
                      "  options:\n    - {zh: 2倍, en: 2 times, misconception: {zh: 距离与速度成正比。, en: Distance is proportional to speed.}}\n"
                      "    - {zh: 4倍, en: 4 times}\n  answer: 1\n  explanation: {zh: 制动距离与 v² 成正比。, en: The braking distance is proportional to v².}",
                      ("guide", "session")),
    "assessment.question": Doc("题干。", "The question.", "{zh: 车速加倍，制动距离变为几倍？, en: 'Twice the speed gives how many times the braking distance?'}", ("guide", "session")),
    "assessment.options": Doc("选项，每行一个；错误选项可加 `misconception`。", "The options; a wrong option may add `misconception`.",
                              "- {zh: 2倍, en: 2 times, misconception: {zh: 距离与速度成正比。, en: Distance is proportional to speed.}}\n- {zh: 4倍, en: 4 times}",
                              ("guide", "session")),
    "assessment.options.zh": Doc("选项的中文。", "The option in Chinese.", "4倍", ("guide", "session")),
    "assessment.options.en": Doc("选项的英文。", "The option in English.", "4 times", ("guide", "session")),
    "assessment.options.misconception": Doc("学生选这个错误选项时，背后的错误想法。", "The misconception that makes a student choose this wrong option.",
                                            "{zh: 距离与速度成正比。, en: Distance is proportional to speed.}", ("guide", "session")),
    "assessment.answer": Doc("正确选项的序号，从 0 开始（0 是 A）。", "The correct option's index, from 0 (0 is A).", "1", ("guide", "session")),
    "assessment.explanation": Doc("为什么正确选项是对的。", "Why the correct option is right.",
                                  "{zh: 制动距离与 v² 成正比。, en: The braking distance is proportional to v².}", ("guide", "session")),
    "assessment.misconception": Doc("整道题针对的错误想法（各选项的 `misconception` 逐一说明时可不写）。",
                                    "The misconception the item as a whole tests (optional when the options name theirs).",
                                    "{zh: 认为停车距离与速度成正比。, en: Stopping distance is thought to be proportional to speed.}", ("guide", "session")),
    "rubric": Doc("评价量规（如“主张—证据—推理”），每行一个维度。", "An assessment rubric (claim–evidence–reasoning or similar), one row per criterion.",
                  "- criterion: {zh: 证据, en: Evidence}\n  levels:\n    - {zh: 没有数据, en: No data}\n    - {zh: 有一个数据, en: One number}\n    - {zh: 用数据比较, en: Compares with data}",
                  ("guide",)),
    "rubric.criterion": Doc("评价的维度。", "The criterion.", "{zh: 证据, en: Evidence}", ("guide",)),
    "rubric.levels": Doc("由低到高的各个水平（通常三个：起步、发展、熟练）。", "The levels from lowest to highest (usually three: beginning, developing, proficient).",
                         "- {zh: 没有数据, en: No data}\n- {zh: 有一个数据, en: One number}\n- {zh: 用数据比较, en: Compares with data}", ("guide",)),
    "myth": Doc("一个可以和全班一起核查的流行说法。", "A popular myth to test with the class.",
                "claim: {zh: 人的反应是一瞬间的。, en: Human reactions are instant.}\ntruth: {zh: 接尺子实验测得约 0.2 s。, en: A ruler-drop test gives about 0.2 s.}",
                ("guide", "session")),
    "myth.claim": Doc("流行的说法。", "The popular claim.", "{zh: 人的反应是一瞬间的。, en: Human reactions are instant.}", ("guide", "session")),
    "myth.truth": Doc("科学事实，以及课堂上怎样检验。", "The science, and how the class can test it.",
                      "{zh: 接尺子实验测得约 0.2 s。, en: A ruler-drop test gives about 0.2 s.}", ("guide", "session")),
    "careers": Doc("用到这部分科学的职业。", "Careers that use this science.",
                   "- {zh: 交通工程师：根据停车距离确定限速。, en: 'Traffic engineers, who set speed limits from stopping distances.'}", ("guide", "session")),
    "answers": Doc("答案及其公式和已知量；`sciedu check` 带单位重新计算，与 `key` 不符即报错。",
                   "Answer keys with their formula and given quantities; `sciedu check` recomputes each with units and reports a key that disagrees.",
                   "- id: reaction-50\n  label: {zh: 解释题1, en: Explain question 1}\n  formula: v*t_r\n  given: {v: 50 km/h, t_r: 1.5 s}\n  key: 20.8 m",
                   ("guide", "check")),
    "answers.id": Doc("答案的名称，用于检查报告。", "The answer's name, used in check messages.", "reaction-50", ("check",)),
    "answers.label": Doc("教师指南中这道题的名称。", "How the teacher guide names it.", "{zh: 解释题1, en: Explain question 1}", ("guide",)),
    "answers.formula": Doc("用 `given` 中的名称写的公式（按表达式语法读取，不执行代码）。", "The formula in the names of `given` (read as an expression, never run as code).",
                           "v*t_r", ("guide", "check")),
    "answers.given": Doc("每个名称的值：带单位的量或数。", "Each name's value: a quantity with its unit, or a number.", "{v: 50 km/h, t_r: 1.5 s}", ("guide", "check")),
    "answers.key": Doc("写出的答案及单位；同类的任何单位都可以。", "The answer as stated, with its unit; any unit of the same kind will do.", "20.8 m", ("guide", "check")),
    "answers.tolerance": Doc("允许的相对误差（默认 0.01，即 1%）。", "The relative tolerance (default 0.01, i.e. 1%).", "0.02", ("guide", "check")),
    "variants": Doc("个性化题目：每个学生按学号得到自己的数据；教师指南列出 1–40 号的数据和答案。",
                    "Seeded exercises: each student gets numbers from their student number; the teacher guide lists numbers and answers for 1 to 40.",
                    "- id: braking-distance\n  label: {zh: 练习3, en: Exercise 3}\n  parameters:\n    v: {range: [30, 60, 5], unit: km/h}\n"
                    "    mu: {choices: [0.7, 0.4]}\n  constants: {g: 9.81 m/s^2}\n  formula: v**2/(2*mu*g)\n  unit: m\n  digits: 1",
                    ("guide", "check")),
    "variants.id": Doc("与 notebook 中 `variants(..., key=...)` 的 `key` 相同。", "The same text as `key=` in the notebooks' `variants(...)` call.",
                       "braking-distance", ("check",)),
    "variants.label": Doc("教师指南中这张表的标题。", "The heading of its table in the teacher guide.", "{zh: 练习3, en: Exercise 3}", ("guide",)),
    "variants.parameters": Doc("每个参数的取值范围或可选值。", "Each parameter's range or choices.",
                               "{v: {range: [30, 60, 5], unit: km/h}, mu: {choices: [0.7, 0.4]}}", ("guide",)),
    "variants.parameters.<name>.range": Doc("`[最小, 最大, 步长]` 或 `[最小, 最大]`（步长 1），两端都包含。", "`[low, high, step]` or `[low, high]` (step 1), both ends included.",
                                            "[30, 60, 5]", ("guide",)),
    "variants.parameters.<name>.choices": Doc("可选的值（与 `range` 二选一）。", "The values to choose from (instead of `range`).", "[0.7, 0.4]", ("guide",)),
    "variants.parameters.<name>.unit": Doc("参数的单位。", "The parameter's unit.", "km/h", ("guide",)),
    "variants.constants": Doc("固定的量。", "Fixed quantities.", "{g: 9.81 m/s^2}", ("guide", "check")),
    "variants.formula": Doc("用参数和常量写的答案公式。", "The answer in the names of the parameters and constants.", "v**2/(2*mu*g)", ("guide", "check")),
    "variants.unit": Doc("答案列的单位（无单位时写 `\"\"`）。", "The unit of the answer column (`\"\"` for a plain number).", "m", ("guide",)),
    "variants.digits": Doc("答案列保留的小数位数（默认 2）。", "Decimals in the answer column (default 2).", "1", ("guide",)),
    "prerequisites": Doc("学生需要的数学等前置基础，写 curriculum/prerequisites.yaml 中的编号；教师指南逐条列出它们从哪个学段开始学。"
                         "超出本活动学段的，可以写成 `{id: ..., acknowledged: {zh: ..., en: ...}}` 说明仍然使用的理由：理由显示在教师指南中，"
                         "`sciedu check` 对它的提示降为不会使 `--strict` 失败的说明。",
                         "The mathematics and other prerequisites students need, as ids from curriculum/prerequisites.yaml; the teacher guide lists each "
                         "with the grade band that teaches it. For one taught above the activity's band, write `{id: ..., acknowledged: {zh: ..., en: ...}}` "
                         "to say why it is used anyway: the reason is shown in the teacher guide, and `sciedu check` reports it as a note that `--strict` does not fail.",
                         "- ratio\n- id: trigonometry\n  acknowledged: {zh: 只用计算器求 sin 值，不要求学生推导。, en: Students only read sin values off a calculator; no derivation is expected.}",
                         ("guide", "check")),
    "prerequisites.id": Doc("curriculum/prerequisites.yaml 中的编号。", "An id from curriculum/prerequisites.yaml.", "trigonometry", ("guide", "check")),
    "prerequisites.acknowledged": Doc("这项基础超出本活动学段，却仍然使用的理由，以及课上如何处理。",
                                      "Why this prerequisite, taught above the activity's band, is used anyway, and how to handle it in class.",
                                      "{zh: 只用计算器求 sin 值，不要求学生推导。, en: Students only read sin values off a calculator; no derivation is expected.}",
                                      ("guide", "check")),
    "lesson_plan": Doc("教学设计中教师指南其他部分之外的内容：教材与单元、学情分析、重点难点、按核心素养写的目标、板书设计、作业设计、单机加投影的上课路径。",
                       "The parts of a Chinese lesson plan (教学设计) beyond the rest of the teacher guide: textbook unit, learners, key and difficult points, objectives by competency, board plan, homework, and a path for one computer and a projector.",
                       "learners: {zh: ……, en: ……}\nkey_points: [{zh: ……, en: ……}]", ("guide",)),
    "lesson_plan.textbook": Doc("本活动适合的教材单元（作者确认过才写）。", "The textbook units this activity fits (only those the author has checked).",
                                "- {zh: 教科版《科学》六年级上册“地球的运动”单元, en: \"Jiaoke edition Science, grade 6 volume 1, unit 'The Earth's motion'\"}", ("guide",)),
    "lesson_plan.learners": Doc("学情分析：学生已有的经验、常见想法和可能的困难。", "The learners: what they bring, their usual ideas and likely difficulties.",
                                "{zh: 学生知道影子由光沿直线传播形成……, en: Students know shadows form because light travels in straight lines…}", ("guide",)),
    "lesson_plan.key_points": Doc("教学重点。", "The lesson's key points (教学重点).", "- {zh: 用实验数据说明……, en: Use the data to show…}", ("guide",)),
    "lesson_plan.difficult_points": Doc("教学难点。", "The lesson's difficult points (教学难点).", "- {zh: 区分溶解快慢和溶解多少, en: Telling how fast from how much dissolves}", ("guide",)),
    "lesson_plan.objectives": Doc("按核心素养写的教学目标；每条指明课程数据中的一项核心素养（`框架:代码`），指南中印出它的名称。",
                                  "Objectives written by competency; each names a competency item of the curriculum data (`framework:code`), whose name the guide prints.",
                                  "- {competency: cn-compulsory-science-2022:competency-3, objective: {zh: 能设计对比实验……, en: Plan a fair test…}}", ("guide",)),
    "lesson_plan.objectives.competency": Doc("核心素养在课程数据中的编号，类型必须是 competency。", "The competency's id in the curriculum data; its type must be competency.",
                                             "cn-compulsory-science-2022:competency-1", ("guide",)),
    "lesson_plan.objectives.objective": Doc("这条目标的内容。", "The objective itself.", "{zh: 能说出……, en: Can say…}", ("guide",)),
    "lesson_plan.board_plan": Doc("板书设计，按黑板上的布局逐行写（多行文本），指南中原样印出。", "The board plan, laid out line by line as on the board (a multi-line text), printed as written.",
                                  "{zh: \"正午影子\\n太阳高 → 影子短\", en: \"Noon shadow\\nSun high → shadow short\"}", ("guide",)),
    "lesson_plan.homework": Doc("作业设计：每项作业及预计用时（分钟）；一、二年级不能有书面作业，总时间不能超过“双减”的每日上限。",
                                "Homework: each task with its expected minutes; no written homework in grades 1–2, and never more than the daily limit of the 2021 homework rules.",
                                "- {task: {zh: 连续三天记录月亮的样子, en: Draw the Moon on three evenings}, minutes: 10, kind: observation}", ("guide",)),
    "lesson_plan.homework.task": Doc("作业内容。", "The task.", "{zh: 完成学习单第2题, en: Question 2 of the worksheet}", ("guide",)),
    "lesson_plan.homework.minutes": Doc("预计完成时间（分钟）。", "The expected time in minutes.", "10", ("guide",)),
    "lesson_plan.homework.kind": Doc("作业类型：`written`（书面）、`practical`（实践）、`observation`（观察记录）或 `reading`（阅读）；默认 `written`。",
                                     "The kind: `written`, `practical`, `observation` or `reading` (default `written`).", "practical", ("guide",)),
    "lesson_plan.projector_path": Doc("只有一台电脑和投影仪时怎样上这节课：教师操作哪些部分、学生在纸上做什么。",
                                      "How to teach the lesson with one computer and a projector: what the teacher runs, what students do on paper.",
                                      "{zh: 教师投影运行滑块……, en: The teacher projects the slider…}", ("guide",)),
    "audience": Doc("活动面向的人群：`students`（默认：中小学和大学课堂），或公众：`older-adults`（老年人）、`rural`（农村居民和农民）、"
                    "`workers`（产业工人和职工）、`general-public`（社会公众）。面向公众的活动，教师指南改为主持人指南，学习单改为大字版活动讲义，"
                    "并应对齐《中国公民科学素质基准》。",
                    "Who the activity is for: `students` (the default: school and university classes), or the public: `older-adults`, "
                    "`rural` (rural residents and farmers), `workers` (industrial and other workers), `general-public`. For a public "
                    "audience the teacher guide becomes a facilitator's guide, the worksheet a large-print handout, and the activity "
                    "should align to the citizens' scientific literacy benchmarks.",
                    "[older-adults, general-public]", ("catalogue", "student", "guide")),
    "facilitation": Doc("面向公众、参与者没有电脑时怎样组织活动。", "How a public session runs when participants have no computers.",
                        "without_computers: {zh: 主持人用一台手机投屏……, en: The facilitator shows one phone on a TV…}", ("guide",)),
    "facilitation.without_computers": Doc("不用电脑的组织方式：纸质讲义、实物演示、一块屏幕（可选）怎样替代 notebook。",
                                          "The session without computers: how the paper handout, the hands-on demonstration and one optional screen take the notebook's place.",
                                          "{zh: 主持人用一台手机投屏展示交互图，参与者在讲义上记录。, en: The facilitator shows the interactive chart from one phone on a TV; participants record on the handout.}",
                                          ("guide",)),
    "facilitation.accessibility": Doc("无障碍安排：大字讲义、座位、听力和视力、行动不便者的参与方式。",
                                      "Accessibility: large print, seating, hearing and sight, taking part with limited mobility.",
                                      "- {zh: 讲义用大字打印；请坐在前排的参与者先选座位。, en: Print the handout in large type; let those who need the front rows choose seats first.}",
                                      ("guide",)),
    "worksheet": Doc("可打印学习单的内容（预测和练习取自学生 notebook）：动手环节记录数据的表格，以及自我检查的条目。",
                     "What the printable student worksheet adds to the notebook's predictions and exercises: a table for the data of the hands-on part, and self-check statements.",
                     "table:\n  title: {zh: 用滑块探索停车距离, en: Exploring stopping distances with the sliders}\n"
                     "  columns:\n    - {zh: 车速（km/h）, en: Speed (km/h)}\n    - {zh: 停车距离（m）, en: Stopping distance (m)}\n  rows: 5\n"
                     "self_check:\n  - {zh: 我能说出停车距离由哪两段组成。, en: I can name the two parts of a stopping distance.}",
                     ("worksheet",)),
    "worksheet.table": Doc("学生填写数据的表格：标题、各列的表头和空行数。", "The table students fill in: its title, the column headings and the number of empty rows.",
                           "title: {zh: 用滑块探索停车距离, en: Exploring stopping distances with the sliders}\n"
                           "columns:\n  - {zh: 车速（km/h）, en: Speed (km/h)}\n  - {zh: 停车距离（m）, en: Stopping distance (m)}\nrows: 5",
                           ("worksheet",)),
    "worksheet.table.title": Doc("表格的标题。", "The table's title.", "{zh: 用滑块探索停车距离, en: Exploring stopping distances with the sliders}", ("worksheet",)),
    "worksheet.table.columns": Doc("各列的表头，带单位的量写明单位。", "The column headings, with the unit of each quantity.",
                                   "- {zh: 车速（km/h）, en: Speed (km/h)}\n- {zh: 停车距离（m）, en: Stopping distance (m)}", ("worksheet",)),
    "worksheet.table.rows": Doc("留给学生填写的空行数（1 到 30）。",
                                "The number of empty rows students fill in (1 to 30).", "5", ("worksheet",)),
    "worksheet.self_check": Doc("自我检查的条目，用学生的口吻写（“我能……”），做到了就打勾。",
                                "Self-check statements in the student's words (\"I can ...\"), ticked when done.",
                                "- {zh: 我能说出停车距离由哪两段组成。, en: I can name the two parts of a stopping distance.}", ("worksheet",)),
}
