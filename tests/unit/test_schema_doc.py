"""The activity.yaml reference: every schema key documented, every example valid, every value on a page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from sciedu import exporters, sources
from sciedu.curriculum import loader, prerequisites
from sciedu.guides.session import LEADS
from sciedu.guides.text import GUIDE, PHASE_NAMES
from sciedu.metadata import Invalid
from sciedu.schema_doc import ANY_NAME, DOCS, PLACES, fields, type_of, validator_at
from sciedu.site import pages, reference
from sciedu.site.i18n import AUDIENCE_NAMES, BAND_NAMES, SUBJECT_NAMES

REPO = Path(__file__).parents[2]
EVERY_KEY = Path(__file__).parents[1] / "data" / "every-key" / "physics" / "mkid"
LANGS = ("zh", "en")

#: Keys no page shows, and why: the documentation says what they are for.
INTERNAL = {
    "execution": "settings for running the notebooks",
    "execution.timeout": "the per-cell time limit when the notebooks run",
    "answers.id": "names the answer in `sciedu check` messages",
    "variants.id": "links the declared variant to the notebook's variants(..., key=...) call",
}

VOCABULARY = prerequisites.load(REPO / "curriculum")[0]

#: How a value that is not free text is shown on a page (free texts are unique markers in the fixture).
SHOWN_AS = {
    "subject": lambda lang: SUBJECT_NAMES["physics"][lang],
    "grade_band": lambda lang: BAND_NAMES["7-9"][lang],
    "audience": lambda lang: AUDIENCE_NAMES["older-adults"][lang],
    "duration": lambda lang: "47",
    # as written, or as the link to the item in the standards browser
    "standards": lambda lang: ("cn-compulsory-science-2022:3", "cn-compulsory-science-2022/index.md#item-3"),
    "model": lambda lang: GUIDE["model_poe"][lang],
    "phases.phase": lambda lang: PHASE_NAMES["predict"][lang],
    "phases.minutes": lambda lang: "| 13 |",
    # the phase list of the session plan marks the core phase and how short it can be
    "phases.core": lambda lang: "**（核心环节" if lang == "zh" else "** (core phase",
    "phases.min_minutes": lambda lang: "最少 11 分钟）：" if lang == "zh" else "at least 11 min): ",
    "phases.kind": lambda lang: f"| {LEADS['hands-on'][lang]} |",  # who leads the hands-on phase
    "session_core.minutes": lambda lang: "（19 分钟）：" if lang == "zh" else "(19 min):",
    # the guide names the prerequisite, from curriculum/prerequisites.yaml, and marks it above the band
    "prerequisites.id": lambda lang: f"**{VOCABULARY.prerequisites['logarithms'].name[lang]}**",
    "worksheet.table.rows": lambda lang: "<tbody>" + "<tr><td></td></tr>" * 3 + "</tbody>",  # three empty rows of one column
    "assessment.answer": lambda lang: "**B**",
    # the guide prints the competency's name from the curriculum data, the homework's minutes and kind
    "lesson_plan.objectives.competency": lambda lang: "**科学观念**" if lang == "zh" else "**Scientific concepts**",
    "lesson_plan.homework.minutes": lambda lang: "| 7 |",
    "lesson_plan.homework.kind": lambda lang: f"| {GUIDE['homework_practical'][lang]} |",
    "answers.given": lambda lang: "mkanswersformula = 3.25 m",
    "answers.tolerance": lambda lang: "± 3.7%",
    "variants.parameters.<name>.range": lambda lang: "| 1013 |",
    "variants.parameters.<name>.choices": lambda lang: "| 0.25 |",
    "variants.constants": lambda lang: "mkc = 2 fortnight",
    "variants.digits": lambda lang: "126.625",  # 1013 × 0.25 / 2 to 3 decimals
}

#: The generated files of each place, relative to one language's docs folder.
PLACE_FILES = {
    "catalogue": "activities/index.md",
    "student": "activities/physics/mkid/index.md",
    "teacher": "teacher/physics/mkid/index.md",
    "guide": "teacher/physics/mkid/guide.md",
    "session": "sessions/physics/mkid/index.md",
    "worksheet": "activities/physics/mkid/worksheet.html",
}

ALL_FIELDS = fields()


def test_every_schema_key_is_documented_and_nothing_else() -> None:
    paths = [f.path for f in ALL_FIELDS]
    assert len(paths) == len(set(paths))
    assert set(paths) == set(DOCS)
    # the walk reaches nested records, lists of records, name-to-value mappings and per-option misconceptions
    assert {"review.sources.url", "assessment.options.misconception", "variants.parameters.<name>.range", "keywords.zh"} <= set(paths)


@pytest.mark.parametrize("lang", LANGS)
def test_the_generated_reference_has_every_key(lang: str) -> None:
    page = reference.page(lang)
    for field in ALL_FIELDS:
        assert f"`{field.path}` {{ #{reference.anchor(field.path)} }}" in page, field.path
        assert reference.example_yaml(field) in page
    assert page.startswith(f"# {reference.TEXT['title'][lang]}\n")
    assert ("必填" if lang == "zh" else "Required") in page


@pytest.mark.parametrize("field", ALL_FIELDS, ids=lambda f: f.path)
def test_each_documented_example_is_valid(field) -> None:
    doc = DOCS[field.path]
    field.validate(yaml.safe_load(doc.example))  # raises Invalid when the example has rotted
    assert doc.text["zh"].strip() and doc.text["en"].strip() and doc.places
    assert doc.text["zh"] != doc.text["en"]  # translated in the Chinese catalogue
    assert set(doc.places) <= set(PLACES)
    assert type_of(field.validate, "zh") and type_of(field.validate, "en")


def test_a_rotten_example_would_fail() -> None:
    with pytest.raises(Invalid):
        validator_at("assessment")(yaml.safe_load("- {question: {zh: 问, en: Q}, options: [{zh: 甲, en: A}], answer: 3, explanation: {zh: 因为, en: because}}"))


def test_types_are_read_from_the_validators() -> None:
    assert type_of(validator_at("grade_band"), "en").startswith("one of `1-2`, `3-4`")
    assert type_of(validator_at("duration"), "zh") == "整数，1 到 600"
    assert type_of(validator_at("variants.digits"), "en") == "whole number from 0 to 6"
    assert type_of(validator_at("objectives"), "en") == "non-empty list of: text in both languages `{zh, en}`"
    assert type_of(validator_at("answers.given"), "en").startswith("mapping: name → ")


def test_only_documented_internal_keys_reach_no_page() -> None:
    internal = {path for path, doc in DOCS.items() if set(doc.places) <= {"check", "build"}}
    assert internal == set(INTERNAL)


# --- every author-written value reaches the pages its documentation names -------------------------

def _values(data: Any, path: list[str]) -> list[Any]:
    """The fixture's values at a key path (lists are walked through; ``<name>`` is every mapping value)."""
    if isinstance(data, list):
        return [v for item in data for v in _values(item, path)]
    if not path:
        return [data]
    head, rest = path[0], path[1:]
    if head == ANY_NAME:
        return [v for value in data.values() for v in _values(value, rest)]
    return _values(data[head], rest) if isinstance(data, dict) and head in data else []


def _shown(path: str, value: Any, lang: str) -> list[str | tuple[str, ...]]:
    """The strings that must appear on a page in ``lang`` for this value (a tuple: any one of them)."""
    last = path.rsplit(".", 1)[-1]
    if last in LANGS:  # keywords.zh, assessment.options.en: one language's text
        return [str(v) for v in (value if isinstance(value, list) else [value])] if last == lang else []
    if path in SHOWN_AS:
        return [SHOWN_AS[path](lang)]
    if isinstance(value, dict) and set(value) >= set(LANGS):
        return [value[lang]]
    if isinstance(value, list):
        return [x[lang] if isinstance(x, dict) else str(x) for x in value]
    return [str(value)]


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> dict[str, Path]:
    """The real docs tree of each language for the every-key fixture (notebooks exported, not executed)."""
    root = tmp_path_factory.mktemp("every-key")
    activity, findings = sources.load_activity(EVERY_KEY)
    assert findings == [] and activity is not None
    curriculum, problems = loader.load(REPO / "curriculum")
    assert not [p for p in problems if p.severity == "error"]
    katex = root / "katex"
    katex.mkdir()
    out = {}
    for lang in LANGS:
        student_dir = root / "nb" / lang
        student_dir.mkdir(parents=True)
        student = exporters.export(activity, lang, "student")
        (student_dir / "mkid.ipynb").write_text(exporters.dumps(student), encoding="utf-8")
        notebooks = {activity.key: pages.Notebooks(student, exporters.export(activity, lang, "teacher"), student_dir)}
        nav = pages.write_docs(root / lang, lang, REPO / "site", [activity], curriculum, notebooks, katex)
        (root / lang / "nav.json").write_text(json.dumps(nav, ensure_ascii=False), encoding="utf-8")
        out[lang] = root / lang
    return out


def test_the_fixture_fills_every_key() -> None:
    data = yaml.safe_load((EVERY_KEY / "activity.yaml").read_text(encoding="utf-8"))
    missing = [f.path for f in ALL_FIELDS if not _values(data, f.path.split("."))]
    assert missing == []


@pytest.mark.parametrize("lang", LANGS)
def test_every_value_reaches_the_pages_its_documentation_names(docs: dict[str, Path], lang: str) -> None:
    data = yaml.safe_load((EVERY_KEY / "activity.yaml").read_text(encoding="utf-8"))
    texts = {place: (docs[lang] / name).read_text(encoding="utf-8") for place, name in PLACE_FILES.items()}
    texts["notebook"] = json.dumps(json.loads((docs[lang] / "activities/physics/mkid/mkid-{}.ipynb".format(lang)).read_text(encoding="utf-8"))["metadata"],
                                   ensure_ascii=False)
    missing = []
    for field in ALL_FIELDS:
        if field.path in INTERNAL or any(f.path.startswith(field.path + ".") for f in ALL_FIELDS):
            continue  # internal, or a record whose own keys are checked one by one
        for place in DOCS[field.path].places:
            if place in ("check", "build"):
                continue
            for value in _values(data, field.path.split(".")):
                raw = place == "notebook" and not isinstance(value, dict)
                expected = [str(x) for x in (value if isinstance(value, list) else [value])] if raw else _shown(field.path, value, lang)
                missing += [f"{field.path} → {place}: {s!r}" for s in expected
                            if not any(form in texts[place] for form in (s if isinstance(s, tuple) else (s,)))]
    assert missing == []


def test_the_reference_page_is_written_and_in_the_nav(docs: dict[str, Path]) -> None:
    for lang in LANGS:
        assert (docs[lang] / reference.FILE_NAME).read_text(encoding="utf-8") == reference.page(lang)
        nav = (docs[lang] / "nav.json").read_text(encoding="utf-8")
        assert json.dumps({reference.TEXT["title"][lang]: reference.FILE_NAME}, ensure_ascii=False) in nav


def test_a_quiz_option_may_name_its_misconception_and_a_misspelt_key_gets_a_suggestion() -> None:
    from sciedu.metadata import QUIZ_OPTION

    option = QUIZ_OPTION({"zh": "2倍", "en": "2 times", "misconception": {"zh": "成正比", "en": "proportional"}})
    assert (option["en"], option.misconception["zh"]) == ("2 times", "成正比")
    assert QUIZ_OPTION({"zh": "4倍", "en": "4 times"}).misconception is None
    with pytest.raises(Invalid, match="did you mean 'misconception'") as caught:
        QUIZ_OPTION({"zh": "2倍", "en": "2 times", "misconseption": {"zh": "成正比", "en": "proportional"}})
    assert caught.value.key_path == ("misconseption",)
