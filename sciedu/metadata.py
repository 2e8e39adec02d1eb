"""The ``activity.yaml`` schema: each key, what it must hold, and how it becomes a ``Metadata``.

Like mkdocs' config schema, each option is one row (name, required, validator, help), so the table is
both the code and the documentation. Every problem is a finding naming the file, the line and the key.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sciedu.errors import Finding, did_you_mean, error
from sciedu.answers import Answer, Parameter, VariantSpec
from sciedu.languages import join_and, languages
from sciedu.model import (
    AUDIENCES,
    GRADE_BANDS,
    FIXED_KINDS,
    PHASE_KINDS,
    PHASES,
    SUBJECTS,
    CompetencyObjective,
    DeclaredPrerequisite,
    HOMEWORK_KINDS,
    Homework,
    LessonPlan,
    Differentiation,
    Facilitation,
    Metadata,
    Misconception,
    Myth,
    Phase,
    Prompt,
    QuizItem,
    QuizOption,
    Review,
    ReviewCheck,
    RubricRow,
    SessionCore,
    Source,
    Term,
    Text,
    Worksheet,
    WorksheetTable,
)
from sciedu.yamlfile import KeyPath, LocatedYAML

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STANDARD_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9.\-_]*$")
SPDX_PATTERN = re.compile(r"^[A-Za-z0-9.\-+]+$")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a value: what, where (the key path below the value) and which rule."""

    message: str
    key_path: KeyPath = ()
    rule: str = "metadata-invalid"


class Invalid(Exception):
    """Raised by a validator with every problem it found; ``key_path`` extends the path of the option.

    ``Invalid(message, key_path)`` is one problem; ``Invalid.of(problems)`` several. ``message`` and
    ``key_path`` are the first problem's, for callers that report one.
    """

    def __init__(self, message: str, key_path: KeyPath = (), rule: str = "metadata-invalid") -> None:
        self.problems: tuple[Problem, ...] = (Problem(message, key_path, rule),)
        super().__init__(message)
        self.message = message
        self.key_path = key_path

    @classmethod
    def of(cls, problems: list[Problem] | tuple[Problem, ...]) -> Invalid:
        first = problems[0]
        exc = cls(first.message, first.key_path, first.rule)
        exc.problems = tuple(problems)
        return exc

    def under(self, *prefix: str | int) -> Invalid:
        """The same problems, located below ``prefix`` (a key or list index of the enclosing value)."""
        return Invalid.of([Problem(p.message, (*prefix, *p.key_path), p.rule) for p in self.problems])


_FAILED = object()


def _attempt(problems: list[Problem], prefix: KeyPath, validator: Callable[[Any], Any], value: Any) -> Any:
    """``validator(value)``, or ``_FAILED`` with its problems (located below ``prefix``) added to ``problems``."""
    try:
        return validator(value)
    except Invalid as exc:
        problems.extend(exc.under(*prefix).problems)
        return _FAILED


Validator = Callable[[Any], Any]


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"expected a non-empty string, found {_describe(value)}")
    return value.strip()


def _each_language(langs: tuple[str, ...]) -> str:
    """``{zh: ..., en: ...}``: the shape of a text in each of ``langs``."""
    return "{" + ", ".join(f"{lang}: ..." for lang in langs) + "}"


def bilingual(value: Any) -> Text:
    """A text in every language of the project."""
    return texts_in(languages(), value)


#: Curriculum data names every item in Chinese and English, whatever languages a project publishes in.
CURRICULUM_LANGUAGES = ("zh", "en")


def curriculum_text(value: Any) -> Text:
    """A text of the curriculum data: Chinese and English."""
    return texts_in(CURRICULUM_LANGUAGES, value)


def texts_in(langs: tuple[str, ...], value: Any) -> Text:
    """A text in each of ``langs``: a mapping from language code to a non-empty string."""
    if not isinstance(value, dict):
        raise Invalid(f"expected {_each_language(langs)}, found {_describe(value)}")
    unknown = [key for key in value if key not in langs]
    if len(value) == 1 and unknown and _colon_text_hint(unknown[0], value[unknown[0]]):
        # `- Note: wear goggles` is text that YAML read as a mapping: one problem, with the quoted fix.
        key = unknown[0]
        raise Invalid(f"expected {_each_language(langs)}{_colon_text_hint(key, value[key])}", (key,))
    problems = [Problem(f"unknown language {key!r}{did_you_mean(str(key), set(langs))}; expected {join_and(langs)}", (key,))
                for key in unknown]
    for lang in langs:
        if lang not in value:
            problems.append(Problem(f"missing the {lang!r} text"))
        else:
            _attempt(problems, (lang,), text, value[lang])
    if problems:
        raise Invalid.of(problems)
    return Text({lang: value[lang].strip() for lang in langs})


def _colon_text_hint(key: Any, value: Any) -> str:
    """``- Note: wear goggles`` is valid YAML, but a mapping: say how to write it as text."""
    if isinstance(key, str) and isinstance(value, str) and not re.fullmatch(r"[a-z]{2,3}(-[A-Za-z]{2,4})?", key):
        return (f" (YAML read '{key}: {value}' as a key and a value because of ': '; write the text in double "
                f"quotes inside {{zh: ..., en: ...}}, e.g. {{zh: \"...\", en: \"{key}: {value}\"}})")
    return ""


def list_of(item: Validator, allow_empty: bool = True) -> Validator:
    def validate(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list, found {_describe(value)}")
        if not value and not allow_empty:
            raise Invalid("expected at least one entry, found an empty list")
        problems: list[Problem] = []
        out = [_attempt(problems, (index,), item, entry) for index, entry in enumerate(value)]
        if problems:
            raise Invalid.of(problems)
        return tuple(out)

    validate.item, validate.allow_empty = item, allow_empty  # type: ignore[attr-defined]  # for schema_doc
    return validate


def record(fields: dict[str, tuple[bool, Validator]], build: Callable[..., Any]) -> Validator:
    """A mapping with known keys: every unknown key, missing required key and invalid value is a problem."""

    def validate(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Invalid(f"expected a mapping with keys {', '.join(fields)}, found {_describe(value)}")
        problems = [Problem(f"unknown key {key!r}{did_you_mean(str(key), set(fields))}", (key,), "metadata-unknown-key")
                    for key in value if key not in fields]
        out = {}
        for key, (required, validator) in fields.items():
            if key not in value:
                if required:
                    problems.append(Problem(f"missing required key {key!r}", (), "metadata-missing-key"))
                continue
            out[key] = _attempt(problems, (key,), validator, value[key])
        if problems:
            raise Invalid.of(problems)
        return build(**out)

    validate.fields = fields  # type: ignore[attr-defined]  # for schema_doc
    return validate


def choice(options: tuple[str, ...]) -> Validator:
    def validate(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            found = _describe(value)
            hint = did_you_mean(str(value), set(options)) if isinstance(value, str) else ""
            raise Invalid(f"expected one of {', '.join(options)}, found {found}{hint}")
        return value

    validate.options = options  # type: ignore[attr-defined]  # for schema_doc
    return validate


def whole_number(low: int, high: int | None, expected: str) -> Validator:
    """A validator for an int from ``low`` to ``high`` (no upper bound when None); ``expected`` names it."""

    def validate(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
            raise Invalid(f"expected {expected}, found {_describe(value)}")
        return value

    validate.low, validate.high = low, high  # type: ignore[attr-defined]  # for schema_doc
    return validate


positive_int = whole_number(1, None, "a whole number greater than 0")
#: Class time: a double lesson is 90 minutes, a project day at most 10 hours.
class_minutes = whole_number(1, 600, "a whole number of minutes, at most 600 and greater than 0")
#: A cell that needs more than an hour does not belong in a lesson notebook.
timeout_seconds = whole_number(1, 3600, "a whole number of seconds, at most 3600 and greater than 0")


def slug(value: Any) -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise Invalid(f"expected lower-case letters, digits and '-', found {_describe(value)}")
    return value


def standard_code(value: Any) -> str:
    # The code's form is checked here; whether it exists in a framework is the curriculum checks' job.
    if not isinstance(value, str) or not STANDARD_PATTERN.match(value):
        raise Invalid(f"expected 'framework:code' such as 'ngss-2013:MS-PS3-1', found {_describe(value)}")
    return value


def iso_date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            pass
    raise Invalid(f"expected a date YYYY-MM-DD, found {_describe(value)}")


def spdx(value: Any) -> str:
    if not isinstance(value, str) or not SPDX_PATTERN.match(value):
        raise Invalid(f"expected an SPDX licence id such as 'CC-BY-4.0', found {_describe(value)}")
    return value


def regex(value: Any) -> str:
    """A regular expression, compiled once here so that a broken one is a finding, not a crash later."""
    pattern = text(value)
    try:
        re.compile(pattern)
    except re.error as exc:
        raise Invalid(f"not a valid regular expression: {exc}") from None
    return pattern


def url(value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^https?://\S+$", value):
        raise Invalid(f"expected an http(s) address, found {_describe(value)}")
    return value


class _PerLanguage:
    """A mapping with one entry per configured language; the set is known once a project is open."""

    def __init__(self, each: Validator) -> None:
        self.each = each

    @property
    def fields(self) -> dict[str, tuple[bool, Validator]]:  # for schema_doc, like record's
        return {lang: (True, self.each) for lang in languages()}

    def __call__(self, value: Any) -> Any:
        return record(self.fields, lambda **kw: kw)(value)


keywords = _PerLanguage(list_of(text))


SOURCE = record({"title": (True, text), "url": (True, url)}, Source)
REVIEW_CHECK = record({"role": (True, bilingual), "what": (True, bilingual)}, ReviewCheck)
REVIEW = record(
    {"reviewer": (True, text), "date": (True, iso_date), "sources": (True, list_of(SOURCE, allow_empty=False)),
     "checked": (False, list_of(REVIEW_CHECK)), "awaiting": (False, list_of(bilingual))},
    Review,
)
MISCONCEPTION = record({"misconception": (True, bilingual), "addressed_by": (True, bilingual)}, Misconception)
EXECUTION = record({"timeout": (False, timeout_seconds)}, lambda **kw: kw)


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, found {_describe(value)}")
    return value


def _phase(**fields: Any) -> Phase:
    phase = Phase(**fields)
    if phase.min_minutes is not None and phase.min_minutes > phase.minutes:
        raise Invalid(f"min_minutes is {phase.min_minutes} but the phase takes only {phase.minutes} minutes", ("min_minutes",))
    if phase.kind in FIXED_KINDS and phase.min_minutes not in (None, phase.minutes):
        raise Invalid(f"a {phase.kind} phase is never shortened: leave out min_minutes or make it {phase.minutes}, "
                      f"found {phase.min_minutes}", ("min_minutes",))
    return phase


PHASE = record({"phase": (True, choice(tuple(dict.fromkeys(p for ps in PHASES.values() for p in ps)))),
                "minutes": (True, class_minutes), "what": (True, bilingual),
                "min_minutes": (False, class_minutes), "core": (False, boolean), "kind": (False, choice(PHASE_KINDS)),
                "intent": (False, bilingual)}, _phase)

HOMEWORK = record({"task": (True, bilingual), "minutes": (True, class_minutes), "kind": (False, choice(HOMEWORK_KINDS))}, Homework)
COMPETENCY_OBJECTIVE = record({"competency": (True, text), "objective": (True, bilingual)}, CompetencyObjective)
LESSON_PLAN = record({
    "textbook": (False, list_of(bilingual)), "learners": (False, bilingual),
    "key_points": (False, list_of(bilingual)), "difficult_points": (False, list_of(bilingual)),
    "objectives": (False, list_of(COMPETENCY_OBJECTIVE)), "board_plan": (False, bilingual),
    "homework": (False, list_of(HOMEWORK)), "projector_path": (False, bilingual),
}, LessonPlan)


def two_questions(value: Any) -> tuple[Text, ...]:
    questions = list_of(bilingual)(value)
    if len(questions) != 2:
        raise Invalid(f"a session core has exactly two questions, found {len(questions)}")
    return questions


SESSION_CORE = record({"minutes": (True, class_minutes), "demonstration": (True, bilingual),
                       "questions": (True, two_questions)}, SessionCore)
WORKSHEET_TABLE = record({"title": (True, bilingual), "columns": (True, list_of(bilingual, allow_empty=False)),
                          "rows": (True, whole_number(1, 30, "a number of rows from 1 to 30"))}, WorksheetTable)
FACILITATION = record({"without_computers": (True, bilingual), "accessibility": (False, list_of(bilingual))}, Facilitation)
WORKSHEET = record({"table": (False, WORKSHEET_TABLE), "self_check": (False, list_of(bilingual))}, Worksheet)
TERM = record({"term": (True, bilingual), "definition": (True, bilingual), "avoid": (False, bilingual)}, Term)
PROMPT = record({"prompt": (True, bilingual), "expected": (True, bilingual)}, Prompt)


index = whole_number(0, None, "the 0-based index of the correct option")


def _quiz_item(**fields: Any) -> QuizItem:
    item = QuizItem(**fields)
    if item.answer >= len(item.options):
        raise Invalid(f"answer is option {item.answer} (0-based) but there are only {len(item.options)} options", ("answer",))
    return item


#: An option's text; a wrong option may add the misconception behind choosing it.
class _QuizOption(_PerLanguage):
    """``{zh: ..., en: ..., misconception: {zh: ..., en: ...}}``: an option in every language, and what makes it tempting."""

    @property
    def fields(self) -> dict[str, tuple[bool, Validator]]:
        return {**super().fields, "misconception": (False, bilingual)}

    def __call__(self, value: Any) -> Any:
        return record(self.fields, lambda misconception=None, **texts: QuizOption(texts, misconception=misconception))(value)


QUIZ_OPTION = _QuizOption(text)
QUIZ_ITEM = record({"question": (True, bilingual), "options": (True, list_of(QUIZ_OPTION, allow_empty=False)),
                    "answer": (True, index), "explanation": (True, bilingual), "misconception": (False, bilingual)}, _quiz_item)
RUBRIC_ROW = record({"criterion": (True, bilingual), "levels": (True, list_of(bilingual, allow_empty=False))}, RubricRow)
MYTH = record({"claim": (True, bilingual), "truth": (True, bilingual)}, Myth)
def quantity_text(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(quantity_number(value))
    return text(value)


def relative(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value < 1:
        raise Invalid(f"expected a relative tolerance between 0 and 1 such as 0.01, found {_describe(value)}")
    return float(value)


def mapping_of(validate_value: Validator) -> Validator:
    def validate(value: Any) -> dict[str, Any]:
        if not isinstance(value, dict) or not value:
            raise Invalid(f"expected a mapping of names to values, found {_describe(value)}")
        problems: list[Problem] = []
        out = {str(name): _attempt(problems, (str(name),), validate_value, entry) for name, entry in value.items()}
        if problems:
            raise Invalid.of(problems)
        return out

    validate.value = validate_value  # type: ignore[attr-defined]  # for schema_doc
    return validate


def parameter_spec(value: Any) -> tuple[tuple | list, str]:
    spec = PARAMETER(value)
    if ("range" in spec) == ("choices" in spec):
        raise Invalid("give either range: [low, high, step] or choices: [...]")
    if "range" in spec:
        _check_range(spec["range"])
    return (tuple(spec["range"]) if "range" in spec else list(spec["choices"])), spec.get("unit", "")


def quantity_number(value: Any) -> float | int:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise Invalid(f"expected a finite number, found {_describe(value)}")
    return value


#: A variant table lists every value of a range: more rows than this is a mistake (a tiny step).
MAX_RANGE_VALUES = 1000


def _check_range(numbers: tuple[float | int, ...]) -> None:
    if len(numbers) not in (2, 3):
        raise Invalid(f"range is [low, high] or [low, high, step], found {len(numbers)} numbers", ("range",))
    low, high, step = numbers if len(numbers) == 3 else (*numbers, 1)
    if high < low or step <= 0:
        raise Invalid(f"range needs low <= high and a step greater than 0, found {list(numbers)}", ("range",))
    if (high - low) / step + 1 > MAX_RANGE_VALUES:
        raise Invalid(f"range [{low}, {high}, {step}] has more than {MAX_RANGE_VALUES} values; use a larger step", ("range",))


digits = whole_number(0, 6, "a number of decimals from 0 to 6")
PARAMETER = record({"range": (False, list_of(quantity_number)), "choices": (False, list_of(quantity_number, allow_empty=False)),
                    "unit": (False, text)}, lambda **kw: kw)
parameter_spec.fields = PARAMETER.fields  # type: ignore[attr-defined]  # for schema_doc


def unit_text(value: Any) -> str:
    """A unit such as "m/s", or "" for a plain number."""
    return "" if value == "" else text(value)


def _variant(**fields: Any) -> VariantSpec:
    parameters = tuple(Parameter(name, spec, unit) for name, (spec, unit) in fields.pop("parameters").items())
    return VariantSpec(parameters=parameters, constants=fields.pop("constants", {}), **fields)


ANSWER = record({"id": (True, slug), "label": (True, bilingual), "formula": (True, text),
                 "given": (True, mapping_of(quantity_text)), "key": (True, quantity_text),
                 "tolerance": (False, relative)}, Answer)
VARIANT = record({"id": (True, slug), "label": (True, bilingual), "parameters": (True, mapping_of(parameter_spec)),
                  "constants": (False, mapping_of(quantity_text)), "formula": (True, text), "unit": (True, unit_text),
                  "digits": (False, digits)},
                 _variant)
DIFFERENTIATION = record({"support": (False, list_of(bilingual)), "extension": (False, list_of(bilingual))}, Differentiation)


DECLARED_PREREQUISITE = record({"id": (True, slug), "acknowledged": (False, bilingual)}, DeclaredPrerequisite)


def declared_prerequisite(value: Any) -> DeclaredPrerequisite:
    """``ratio`` or ``{id: trigonometry, acknowledged: {zh: ..., en: ...}}``."""
    if isinstance(value, str):
        return DeclaredPrerequisite(slug(value))
    return DECLARED_PREREQUISITE(value)


declared_prerequisite.fields = DECLARED_PREREQUISITE.fields  # type: ignore[attr-defined]  # for schema_doc


@dataclass(frozen=True)
class Option:
    required: bool
    validate: Validator
    help: str


SCHEMA: dict[str, Option] = {
    "id": Option(True, slug, "the folder name: lower-case letters, digits and '-'"),
    "title": Option(True, bilingual, "the title in both languages"),
    "summary": Option(True, bilingual, "one or two sentences for the catalog"),
    "subject": Option(True, choice(SUBJECTS), "the parent folder name"),
    "grade_band": Option(True, choice(GRADE_BANDS), "who the activity is for"),
    "duration": Option(True, class_minutes, "class time in minutes"),
    "standards": Option(True, list_of(standard_code, allow_empty=False), "framework:code items taught"),
    "keywords": Option(False, keywords, "search words per language"),
    "objectives": Option(True, list_of(bilingual, allow_empty=False), "what students can do afterwards"),
    "prior_knowledge": Option(False, list_of(bilingual), "what students should know before"),
    "materials": Option(True, list_of(bilingual), "per group; [] for computer-only activities"),
    "safety": Option(True, list_of(bilingual), "safety notes; [] when nothing physical is handled"),
    "misconceptions": Option(True, list_of(MISCONCEPTION), "common misconceptions and how they are addressed"),
    "licence": Option(True, spdx, "an SPDX licence id"),
    "authors": Option(True, list_of(text, allow_empty=False), "who wrote it"),
    "review": Option(True, REVIEW, "who checked the science, when, against which sources"),
    "execution": Option(False, EXECUTION, "execution settings such as the per-cell timeout in seconds"),
    "model": Option(False, choice(tuple(PHASES)), "the instructional model: 5e or poe (predict-observe-explain)"),
    "phases": Option(False, list_of(PHASE), "the lesson's phases with minutes that add up to the duration"),
    "session_core": Option(False, SESSION_CORE, "one demonstration and two questions with their minutes, for visits too short for the core phases"),
    "vocabulary": Option(False, list_of(TERM), "key terms with age-appropriate definitions"),
    "analogies": Option(False, list_of(bilingual), "analogies for explaining at this age"),
    "differentiation": Option(False, DIFFERENTIATION, "support and extension ideas"),
    "discussion": Option(False, list_of(PROMPT), "discussion prompts with the expected answers"),
    "assessment": Option(False, list_of(QUIZ_ITEM), "multiple-choice items for a pre/post quiz"),
    "rubric": Option(False, list_of(RUBRIC_ROW), "a claim-evidence-reasoning (or similar) rubric"),
    "myth": Option(False, MYTH, "a popular myth to check with the class"),
    "careers": Option(False, list_of(bilingual), "careers that use this science"),
    "answers": Option(False, list_of(ANSWER), "answer keys with their formulas, recomputed with units by sciedu check"),
    "variants": Option(False, list_of(VARIANT), "seeded variant exercises: parameters, formula, unit"),
    "prerequisites": Option(False, list_of(declared_prerequisite),
                            "the mathematics and reading students need, as ids from curriculum/prerequisites.yaml "
                            "(e.g. ratio, trigonometry); write {id: ..., acknowledged: {zh: ..., en: ...}} to say why one "
                            "taught above the activity's band is used anyway: the reason is shown to teachers and its "
                            "math-above-band findings become notes that --strict does not fail"),
    "lesson_plan": Option(False, LESSON_PLAN, "the parts of a Chinese lesson plan (教学设计): textbook unit, learners, key and difficult points, objectives by competency, board plan, homework, a one-projector path"),
    "audience": Option(False, list_of(choice(AUDIENCES), allow_empty=False),
                       "who the activity is for: students (the default) or the public audiences older-adults, rural, "
                       "workers, general-public"),
    "facilitation": Option(False, FACILITATION, "for a public session without student computers: how the facilitator runs "
                           "it with paper and one screen (without_computers), and accessibility notes"),
    "worksheet": Option(False, WORKSHEET, "the student worksheet: table {title, columns, rows} for the hands-on data, self_check statements"),
}


def validate(located: LocatedYAML) -> tuple[Metadata | None, list[Finding]]:
    """All schema problems of one ``activity.yaml`` in one pass; ``Metadata`` when there are none."""
    data = located.data
    path = located.path
    if not isinstance(data, dict):
        found = "an empty file" if data is None else f"a {type(data).__name__}"
        return None, [error(path, 1, "metadata-type", f"expected a mapping of metadata keys, found {found}")]
    findings: list[Finding] = []
    for key in data:
        if key not in SCHEMA:
            hint = did_you_mean(str(key), set(SCHEMA))
            findings.append(error(path, located.line_of((key,)), "metadata-unknown-key", f"unknown key {key!r}{hint}"))
    values: dict[str, Any] = {}
    for key, option in SCHEMA.items():
        if key not in data:
            if option.required:
                findings.append(error(path, 1, "metadata-missing-key", f"missing required key {key!r} ({option.help})"))
            continue
        try:
            values[key] = option.validate(data[key])
        except Invalid as exc:
            findings += [_problem_finding(located, problem) for problem in exc.under(key).problems]
    if findings:
        return None, sorted(findings)
    execution = values.pop("execution", {})
    if "audience" in values:
        values["audience"] = tuple(dict.fromkeys(values["audience"]))  # each audience once, in the author's order
    return Metadata(**values, timeout=execution.get("timeout", 60)), []


def _problem_finding(located: LocatedYAML, problem: Problem) -> Finding:
    """``where: message`` at the line of the key; an unknown key is named by the mapping that holds it."""
    where_path = problem.key_path[:-1] if problem.rule == "metadata-unknown-key" else problem.key_path
    where = "".join(f"[{k}]" if isinstance(k, int) else f".{k}" for k in where_path).lstrip(".")
    message = f"{where}: {problem.message}" if where else problem.message
    return error(located.path, located.line_of(problem.key_path), problem.rule, message)
