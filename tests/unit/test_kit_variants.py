"""Seeded variants: deterministic per seed, everywhere; constraints; the teacher's table."""

from __future__ import annotations

import subprocess
import sys

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from sciedu.kit import Variant, variant_table, variants
from sciedu.kit.seeded import range_values, stable_seed

FAST = settings(max_examples=50, deadline=None)
v, t, a = sympy.symbols("v t a")
PARAMS = {"v": (10, 100, 1), "t": (1, 20, 1), "a": [0.5, 1.5, 2.5]}
ANSWER = v * t + a * t**2 / 2


@FAST
@given(st.one_of(st.integers(), st.text(max_size=20)))
def test_same_seed_same_variant(seed: int | str) -> None:
    assert variants(PARAMS, ANSWER, seed) == variants(PARAMS, ANSWER, seed)


def test_same_seed_same_variant_in_another_process() -> None:
    """Python's hash() is salted per process; the variants must not be."""
    code = ("import sympy; from sciedu.kit import variants; v, t, a = sympy.symbols('v t a');"
            f"print(variants({PARAMS!r}, v*t + a*t**2/2, 'S2024-17').params)")
    runs = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"PYTHONHASHSEED": str(salt)}).stdout for salt in (1, 2)}
    assert runs == {str(variants(PARAMS, ANSWER, "S2024-17").params) + "\n"}


def test_int_and_str_seeds_agree() -> None:
    assert variants(PARAMS, ANSWER, 17).params == variants(PARAMS, ANSWER, "17").params


def test_different_seeds_mostly_differ() -> None:
    drawn = {tuple(variants(PARAMS, ANSWER, seed).params.items()) for seed in range(50)}
    assert len(drawn) >= 45


def test_key_separates_questions() -> None:
    first = [variants(PARAMS, ANSWER, s, key="q1").params for s in range(20)]
    second = [variants(PARAMS, ANSWER, s, key="q2").params for s in range(20)]
    assert first != second


def test_constraints_hold_and_redraws_are_deterministic() -> None:
    rules = [lambda p: p["v"] > 5 * p["t"], lambda p: (p["v"] + p["t"]) % 2 == 0]
    table = variant_table(PARAMS, ANSWER, range(100), rules)
    assert all(rule(row.params) for row in table for rule in rules)
    assert table == variant_table(PARAMS, ANSWER, range(100), rules)


def test_unsatisfiable_constraints_raise() -> None:
    with pytest.raises(ValueError, match="constraints"):
        variants({"v": [1, 2]}, v, 1, [lambda p: p["v"] > 5])


def test_table_answers_are_the_expression_at_the_params() -> None:
    table = variant_table(PARAMS, ANSWER, ["A01", "A02", 3, 4])
    assert [row.seed for row in table] == ["A01", "A02", "3", "4"]
    for row in table:
        exact = ANSWER.subs({sympy.Symbol(name): value for name, value in row.params.items()})
        assert row.answer == pytest.approx(float(exact))


def test_callable_answers_receive_the_params() -> None:
    row = variants({"m": (1, 5, 1), "g": [9.8]}, lambda m, g: m * g, 7)
    assert row.answer == pytest.approx(row["m"] * 9.8)


def test_ranges_include_both_ends_and_keep_decimals_exact() -> None:
    assert range_values((0.1, 0.3, 0.1)) == [0.1, 0.2, 0.3]
    assert range_values((10, 30, 5)) == [10, 15, 20, 25, 30]
    assert all(isinstance(value, int) for value in range_values((1, 4)))
    assert range_values((1.5, 2.5, 0.5)) == [1.5, 2.0, 2.5]


def test_values_come_from_their_spec() -> None:
    for row in variant_table(PARAMS, ANSWER, range(30)):
        assert 10 <= row["v"] <= 100 and 1 <= row["t"] <= 20 and row["a"] in PARAMS["a"]


def test_markdown_table_for_the_teacher() -> None:
    table = variant_table({"v": [10, 20], "t": [2]}, v * t, [1, 2])
    lines = table.to_markdown("en").splitlines()
    assert lines[0] == "| Seed | v | t | Answer |"
    assert lines[1] == "| --- | --- | --- | --- |"
    assert len(lines) == 4
    assert table.to_markdown("zh").splitlines()[0] == "| 种子 | v | t | 答案 |"
    row = table[0]
    assert lines[2] == f"| 1 | {row['v']} | 2 | {row.answer} |"


def test_variant_markdown_lists_params() -> None:
    row = Variant("1", {"v": 12, "t": 2.5}, 30.0)
    assert row.to_markdown("en") == "v = 12, t = 2.5"
    assert row.to_markdown("zh") == "v = 12，t = 2.5"


def test_stable_seed_is_a_fixed_function() -> None:
    assert stable_seed("", 1, "v", 0) == stable_seed("", "1", "v", 0)
    assert stable_seed("a") == int.from_bytes(__import__("hashlib").sha256(b"a").digest()[:8], "big")


@pytest.mark.parametrize("params", [{"v": (5, 1, 1)}, {"v": (1, 5, 0)}, {"v": []}, {"v": "abc"}, {"v": (1, "x")}])
def test_bad_specs_raise(params: dict) -> None:
    with pytest.raises(ValueError):
        variants(params, v, 1)


def test_answer_with_unknown_symbols_raises() -> None:
    with pytest.raises(ValueError, match="not parameters"):
        variants({"v": [1]}, v * sympy.Symbol("q"), 1)
