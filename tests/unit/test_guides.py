"""Teacher guides and session plans: phase minutes, safety, run-of-show arithmetic, guide sections."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciedu.checks import guides
from sciedu.checks.context import Context
from sciedu.guides.session import session_plan

DATA = Path(__file__).parents[1] / "data"


def test_phase_minutes_must_add_up_to_the_duration(activity_with) -> None:
    assert list(guides.phases_add_up(activity_with(), Context())) == []
    activity = activity_with("    minutes: 10\n", "    minutes: 12\n")
    findings = list(guides.phases_add_up(activity, Context()))
    assert [f.rule for f in findings] == ["phase-minutes"]
    assert "5 + 12 + 5 = 22 minutes but duration is 20" in findings[0].message
    lines = activity.yaml_path.read_text(encoding="utf-8").splitlines()
    assert lines[findings[0].line - 1] == "phases:"


def test_physical_materials_need_safety_notes(activity_with) -> None:
    activity = activity_with("materials: []", "materials:\n  - {zh: 玩具小车, en: a toy car}")
    findings = list(guides.safety_with_materials(activity, Context()))
    assert [f.rule for f in findings] == ["safety-missing"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_session_plan_has_every_template_section(activity_with, lang: str) -> None:
    title, sections = session_plan(activity_with(), 45, lang)
    assert ("45" in title) and len(sections) == 10
    text = "\n".join(s.markdown() for s in sections)
    assert "2 ÷ 4 = 0.5" in text  # the quiz comes from the activity's assessment items
    assert ("速度" if lang == "zh" else "speed") in text  # the language guide uses its vocabulary
    assert ("**45**" in text) and text.count("|") > 40


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_quiz_lists_options_one_per_line_and_each_wrong_option_with_its_misconception(lang: str) -> None:
    from sciedu import sources
    from sciedu.guides.teacher_guide import quiz

    activity, findings = sources.load_activity(DATA / "every-key" / "physics" / "mkid")
    assert findings == []
    text = quiz(activity, lang, with_answers=True)
    assert f"    - A. mkassessmentoptions{lang}\n    - B. mkcorrect{lang}\n" in text  # a list: one option per line
    answers = text.split("\n\n", 1)[1]
    wrong = next(line for line in answers.splitlines() if f"A. mkassessmentoptions{lang}" in line and "·" in line)
    assert wrong.endswith(f"mkassessmentoptionsmisconception{lang}")
    assert f"B. mkcorrect{lang} ·" not in text  # the right option has no misconception line
    assert f"mkassessmentmisconception{lang}" in answers
    assert quiz(activity, lang, with_answers=False).count("mkassessmentoptionsmisconception") == 0  # not for students


@pytest.mark.parametrize(("unit", "printed"), [
    ("cm^2", "cm²"), ("m/s^2", "m/s²"), ("m**3", "m³"), ("m*s**-1", "m·s⁻¹"), ("s^(-1)", "s⁻¹"), ("km/h", "km/h"), ("", ""),
])
def test_units_are_printed_with_superscripts(unit: str, printed: str) -> None:
    from sciedu.guides.text import printed_unit

    assert printed_unit(unit) == printed
