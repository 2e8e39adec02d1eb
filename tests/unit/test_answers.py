"""Declared answer keys are recomputed with units; wrong keys and inconsistent formulas are located errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciedu.answers import FormulaError, evaluate, quantity
from sciedu.checks import answers
from sciedu.checks.context import Context
from sciedu.guides.teacher_guide import variant_tables
from sciedu.kit import variants

DATA = Path(__file__).parents[1] / "data"


def _lines(activity) -> list[str]:
    return activity.yaml_path.read_text(encoding="utf-8").splitlines()


def test_correct_keys_and_variants_pass(activity_with) -> None:
    activity = activity_with()
    assert list(answers.answer_keys_recomputed(activity, Context())) == []
    assert list(answers.variants_computable_and_used(activity, Context())) == []


def test_a_wrong_answer_key_is_caught_at_its_line(activity_with) -> None:
    activity = activity_with('key: "0.4 m/s"', 'key: "0.5 m/s"')
    findings = list(answers.answer_keys_recomputed(activity, Context()))
    assert [f.rule for f in findings] == ["answer-key"]
    assert "the key says 0.5 m/s but the formula gives 0.4 m/s" in findings[0].message
    assert _lines(activity)[findings[0].line - 1].strip() == 'key: "0.5 m/s"'


def test_a_key_in_other_units_is_accepted(activity_with) -> None:
    activity = activity_with('key: "0.4 m/s"', 'key: "1.44 km/h"')
    assert list(answers.answer_keys_recomputed(activity, Context())) == []


def test_a_dimensionally_wrong_formula_is_caught(activity_with) -> None:
    activity = activity_with('formula: "d/t"\n    given', 'formula: "d/t + t"\n    given')
    findings = list(answers.answer_keys_recomputed(activity, Context()))
    assert [f.rule for f in findings] == ["answer-formula"]
    assert "dimensionally inconsistent" in findings[0].message
    assert _lines(activity)[findings[0].line - 1].strip() == 'formula: "d/t + t"'


def test_a_key_of_the_wrong_kind_is_caught(activity_with) -> None:
    activity = activity_with('key: "0.4 m/s"', 'key: "0.4 m/s^2"')
    findings = list(answers.answer_keys_recomputed(activity, Context()))
    assert "not the same kind of quantity" in findings[0].message


def test_variant_with_wrong_unit_and_unused_variant(activity_with) -> None:
    wrong_unit = activity_with("    unit: m/s\n", "    unit: m/s^2\n")
    findings = list(answers.variants_computable_and_used(wrong_unit, Context()))
    assert [f.rule for f in findings] == ["variant-formula"]
    renamed = activity_with("  - id: car-speed", "  - id: car-speeds")
    findings = list(answers.variants_computable_and_used(renamed, Context()))
    assert sorted(f.rule for f in findings) == ["variant-unused", "variant-unused"]


def test_teacher_variant_table_matches_what_students_get(activity_with) -> None:
    activity = activity_with()
    table = variant_tables(activity, "en")
    for seed in (1, 7, 40):
        mine = variants({"d": (1, 4, 1), "t": [2, 4, 5]}, answer=lambda d, t: round(d / t, 2), seed=seed, key="car-speed")
        row = f"| {seed} | {mine['d']} | {mine['t']} | {mine.answer:g} |"
        assert row in table, row


def test_formulas_are_parsed_without_eval() -> None:
    with pytest.raises(FormulaError):
        evaluate("__import__('os').system('true')", {"x": quantity("1 m")})
    assert evaluate("sqrt(2*h/g)", {"h": quantity("4.9 m"), "g": quantity("9.8 m/s^2")}).to("s").magnitude == pytest.approx(1.0)


@pytest.mark.parametrize(("formula", "unit", "warned"), [
    ("100*d/(t*t*d/t)", "%", True),       # a fraction times 100, then shown in % again
    ("d/(t*t*d/t)*100", "percent", True),
    ("d/(t*t*d/t)", "%", False),          # the fraction: pint shows it in %
    ("100*d/t", "m/s", False),            # 100 in a formula of another unit is fine
])
def test_a_percentage_variant_multiplied_by_100_is_flagged(activity_with, formula: str, unit: str, warned: bool) -> None:
    from sciedu.checks import answers as rules
    from sciedu.checks.context import Context
    from sciedu.curriculum import loader

    activity = activity_with('    formula: "d/t"\n    unit: m/s\n', f'    formula: "{formula}"\n    unit: "{unit}"\n')
    context = Context(curriculum=loader.load(Path(__file__).resolve().parents[2] / "curriculum")[0])
    found = [f for f in rules.variants_computable_and_used(activity, context) if f.rule == "variant-percent-twice"]
    assert bool(found) == warned
    if warned:
        assert found[0].line == 98 and "100 times too much" in found[0].message
