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
from sciedu.model import (
    GRADE_BANDS,
    LANGUAGES,
    PHASES,
    SUBJECTS,
    Differentiation,
    Metadata,
    Misconception,
    Myth,
    Phase,
    Prompt,
    QuizItem,
    Review,
    RubricRow,
    Source,
    Term,
    Text,
)
from sciedu.yamlfile import KeyPath, LocatedYAML

ID_PATTERN = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
STANDARD_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*:[A-Za-z0-9][A-Za-z0-9.\-_]*$")
SPDX_PATTERN = re.compile(r"^[A-Za-z0-9.\-+]+$")


class Invalid(Exception):
    """Raised by a validator; ``key_path`` extends the path of the option being validated."""

    def __init__(self, message: str, key_path: KeyPath = ()) -> None:
        super().__init__(message)
        self.message = message
        self.key_path = key_path


Validator = Callable[[Any], Any]


def _describe(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise Invalid(f"expected a non-empty string, found {_describe(value)}")
    return value.strip()


def bilingual(value: Any) -> Text:
    if not isinstance(value, dict):
        raise Invalid(f"expected {{zh: ..., en: ...}}, found {_describe(value)}")
    for key in value:
        if key not in LANGUAGES:
            hint = did_you_mean(str(key), set(LANGUAGES)) or _colon_text_hint(key, value[key])
            raise Invalid(f"unknown language {key!r}{hint}; expected zh and en", (key,))
    for lang in LANGUAGES:
        if lang not in value:
            raise Invalid(f"missing the {lang!r} text")
        try:
            text(value[lang])
        except Invalid as exc:
            raise Invalid(exc.message, (lang,)) from None
    return Text(zh=value["zh"].strip(), en=value["en"].strip())


def _colon_text_hint(key: Any, value: Any) -> str:
    """``- Note: wear goggles`` is valid YAML, but a mapping: say how to write it as text."""
    if isinstance(key, str) and isinstance(value, str):
        return (f" (YAML read '{key}: {value}' as a key and a value because of ': '; write the text in double "
                f"quotes inside {{zh: ..., en: ...}}, e.g. {{zh: \"...\", en: \"{key}: {value}\"}})")
    return ""


def list_of(item: Validator, allow_empty: bool = True) -> Validator:
    def validate(value: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise Invalid(f"expected a list, found {_describe(value)}")
        if not value and not allow_empty:
            raise Invalid("expected at least one entry, found an empty list")
        out = []
        for index, entry in enumerate(value):
            try:
                out.append(item(entry))
            except Invalid as exc:
                raise Invalid(exc.message, (index, *exc.key_path)) from None
        return tuple(out)

    return validate


def record(fields: dict[str, tuple[bool, Validator]], build: Callable[..., Any]) -> Validator:
    """A mapping with known keys: unknown keys and missing required keys are errors."""

    def validate(value: Any) -> Any:
        if not isinstance(value, dict):
            raise Invalid(f"expected a mapping with keys {', '.join(fields)}, found {_describe(value)}")
        for key in value:
            if key not in fields:
                raise Invalid(f"unknown key {key!r}{did_you_mean(str(key), set(fields))}", (key,))
        out = {}
        for key, (required, validator) in fields.items():
            if key not in value:
                if required:
                    raise Invalid(f"missing required key {key!r}")
                continue
            try:
                out[key] = validator(value[key])
            except Invalid as exc:
                raise Invalid(exc.message, (key, *exc.key_path)) from None
        return build(**out)

    return validate


def choice(options: tuple[str, ...]) -> Validator:
    def validate(value: Any) -> str:
        if not isinstance(value, str) or value not in options:
            found = _describe(value)
            hint = did_you_mean(str(value), set(options)) if isinstance(value, str) else ""
            raise Invalid(f"expected one of {', '.join(options)}, found {found}{hint}")
        return value

    return validate


def whole_number(low: int, high: int | None, expected: str) -> Validator:
    """A validator for an int from ``low`` to ``high`` (no upper bound when None); ``expected`` names it."""

    def validate(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or value < low or (high is not None and value > high):
            raise Invalid(f"expected {expected}, found {_describe(value)}")
        return value

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


def url(value: Any) -> str:
    if not isinstance(value, str) or not re.match(r"^https?://\S+$", value):
        raise Invalid(f"expected an http(s) address, found {_describe(value)}")
    return value


def keywords(value: Any) -> dict[str, tuple[str, ...]]:
    return record({lang: (True, list_of(text)) for lang in LANGUAGES}, lambda **kw: kw)(value)


SOURCE = record({"title": (True, text), "url": (True, url)}, Source)
REVIEW = record(
    {"reviewer": (True, text), "date": (True, iso_date), "sources": (True, list_of(SOURCE, allow_empty=False))},
    Review,
)
MISCONCEPTION = record({"misconception": (True, bilingual), "addressed_by": (True, bilingual)}, Misconception)
EXECUTION = record({"timeout": (False, timeout_seconds)}, lambda **kw: kw)
PHASE = record({"phase": (True, choice(tuple(dict.fromkeys(p for ps in PHASES.values() for p in ps)))),
                "minutes": (True, class_minutes), "what": (True, bilingual)}, Phase)
TERM = record({"term": (True, bilingual), "definition": (True, bilingual), "avoid": (False, bilingual)}, Term)
PROMPT = record({"prompt": (True, bilingual), "expected": (True, bilingual)}, Prompt)


index = whole_number(0, None, "the 0-based index of the correct option")


def _quiz_item(**fields: Any) -> QuizItem:
    item = QuizItem(**fields)
    if item.answer >= len(item.options):
        raise Invalid(f"answer is option {item.answer} (0-based) but there are only {len(item.options)} options", ("answer",))
    return item


QUIZ_ITEM = record({"question": (True, bilingual), "options": (True, list_of(bilingual, allow_empty=False)),
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
        out = {}
        for name, entry in value.items():
            try:
                out[str(name)] = validate_value(entry)
            except Invalid as exc:
                raise Invalid(exc.message, (str(name), *exc.key_path)) from None
        return out

    return validate


def parameter_spec(value: Any) -> tuple[tuple | list, str]:
    spec = record({"range": (False, list_of(quantity_number)), "choices": (False, list_of(quantity_number, allow_empty=False)),
                   "unit": (False, text)}, lambda **kw: kw)(value)
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


def _variant(**fields: Any) -> VariantSpec:
    parameters = tuple(Parameter(name, spec, unit) for name, (spec, unit) in fields.pop("parameters").items())
    return VariantSpec(parameters=parameters, constants=fields.pop("constants", {}), **fields)


ANSWER = record({"id": (True, slug), "label": (True, bilingual), "formula": (True, text),
                 "given": (True, mapping_of(quantity_text)), "key": (True, quantity_text),
                 "tolerance": (False, relative)}, Answer)
VARIANT = record({"id": (True, slug), "label": (True, bilingual), "parameters": (True, mapping_of(parameter_spec)),
                  "constants": (False, mapping_of(quantity_text)), "formula": (True, text), "unit": (True, lambda v: "" if v == "" else text(v)),
                  "digits": (False, digits)},
                 _variant)
DIFFERENTIATION = record({"support": (False, list_of(bilingual)), "extension": (False, list_of(bilingual))}, Differentiation)


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
            key_path = (key, *exc.key_path)
            where = ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in key_path).replace(".[", "[")
            findings.append(error(path, located.line_of(key_path), "metadata-invalid", f"{where}: {exc.message}"))
    if findings:
        return None, findings
    execution = values.pop("execution", {})
    return Metadata(**values, timeout=execution.get("timeout", 60)), []
