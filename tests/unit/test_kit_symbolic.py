"""check_expression and the safe parser: equivalence, refusals, limits, and fuzzing."""

from __future__ import annotations

import builtins
import time
from pathlib import Path

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from sciedu.kit import KINDS, ExpressionError, Feedback, check_expression, equivalent, parse_expression
from sciedu.kit.parser import MAX_DEPTH, MAX_LENGTH, split_name

FAST = settings(max_examples=50, deadline=None)
x, y, t, g, v0 = sympy.symbols("x y t g v0")
FALL = "v0*t + g*t**2/2"


@pytest.mark.parametrize("answer", [
    "t*(v0 + g*t/2)", "v0*t + g*t**2/2", "v0 t + 1/2 g t^2", "v0·t + ½·g·t²", "t(v0 + gt/2)", "0.5*g*t**2 + v0*t",
    "(2 v0 t + g t²)/2", "v0×t＋g×t²÷2",
])
def test_equivalent_forms_are_correct(answer: str) -> None:
    assert check_expression(answer, FALL) == Feedback(True, "correct", "正确！")


@pytest.mark.parametrize(("answer", "expected"), [
    ("sin(x)^2 + cos(x)^2", "1"), ("(x+1)^2", "x^2 + 2x + 1"), ("exp(x)exp(x)", "exp(2x)"), ("tan(x)", "sin(x)/cos(x)"),
    ("sqrt(x^2)", "x"), ("log(x y)", "log(x) + log(y)"), ("1/2", "0.5"), ("2πx", "2*pi*x"), ("e^x", "exp(x)"),
    ("√(x+1)", "(x+1)**(1/2)"), ("x⁻¹", "1/x"), ("abs(-x)", "x"), ("ln(x)", "log(x)"),
])
def test_equivalence_not_spelling(answer: str, expected: str) -> None:
    assert check_expression(answer, expected).correct


def test_expected_may_be_a_sympy_expression_with_its_own_symbols() -> None:
    v0p, tp = sympy.symbols("v0 t", positive=True)
    assert check_expression("t*(v0 + g*t/2)", v0 * t + g * t**2 / 2).correct
    assert check_expression("sqrt(t^2) v0", v0p * tp).correct
    assert check_expression("42", 42).correct


@pytest.mark.parametrize(("answer", "message"), [
    ("v0*t - g*t**2/2", "这个表达式和正确答案不相等。"),
    ("-v0*t - g*t**2/2", "差一点：正负号不对。"),
    ("2*v0*t + g*t**2", "差一点：和正确答案只差一个常数倍数。检查系数。"),
])
def test_wrong_expressions_get_hints(answer: str, message: str) -> None:
    assert check_expression(answer, FALL) == Feedback(False, "not_equivalent", message)


def test_parse_builds_the_expected_tree() -> None:
    names = ["x", "y"]
    assert parse_expression("2x", names) == 2 * x
    assert parse_expression("2(x+1)", names) == 2 * x + 2
    assert parse_expression("xy", names) == x * y
    assert parse_expression("2**3**2", names) == 512
    assert parse_expression("-x**2", names) == -(x**2)
    assert parse_expression("2^-1", names) == sympy.Rational(1, 2)
    assert parse_expression("1/2x", names) == x / 2
    assert parse_expression("0.1", names) == sympy.Rational(1, 10)
    assert parse_expression("x²y³", names) == x**2 * y**3
    assert parse_expression("ｘ＋１", names) == x + 1


def test_greek_letters_and_their_names_are_the_same_symbol() -> None:
    theta = sympy.Symbol("theta")
    assert parse_expression("θ", ["theta"]) == theta
    assert check_expression("2θ", "2*theta").correct


def test_split_name_prefers_the_fewest_parts() -> None:
    known = {"v": 1, "v0": 1, "t": 1, "0": 1}
    assert split_name("v0t", known) == ["v0", "t"]
    assert split_name("vq", known) is None


@pytest.mark.parametrize(("answer", "lang", "expected"), [
    ("x[0]", "en", "“[” (character 2) can't appear in an expression."),
    ("x[0]", "zh", "第 2 个字符“[”不能出现在表达式里。"),
    ("y + 1", "en", "Unknown name “y”. The variables you can use are: x."),
    ("y + 1", "zh", "不认识“y”。可以使用的变量：x。"),
    ("x = 2", "en", "Write only the expression, without “=”."),
    ("sin x", "en", "Put brackets after sin, for example sin(x)."),
    ("(x + 1", "en", "A bracket is not closed: a “)” is missing."),
    ("x + 1)", "en", "There is an extra “)” at character 6."),
    ("x +", "en", "The expression is incomplete: something is missing at the end."),
    ("2 3", "en", "“3” at character 3 doesn't belong there."),
])
def test_unparseable_input_names_what_was_unexpected(answer: str, lang: str, expected: str) -> None:
    feedback = check_expression(answer, "x", lang=lang)
    assert feedback.kind == "unparseable"
    assert feedback.message.startswith(expected)


@pytest.mark.parametrize("attack", [
    "__import__('os').system('touch {marker}')",
    "__import__(\"os\").system(\"touch {marker}\")",
    "().__class__.__bases__[0].__subclasses__()",
    "x.__class__",
    "open('{marker}', 'w')",
    "lambda: __import__('os').system('touch {marker}')",
    "(lambda q: q)(1)",
    "x[0]",
    "'a string'",
    "\"a string\"",
    "exec('import os')",
    "eval('1')",
    "globals()",
    "x if x else x",
    "[x for x in ()]",
    "{marker}",
    "x; import os",
    "f'{{x}}'",
    "Symbol('y')",
    "sympify('x')",
])
def test_the_parser_never_runs_code(attack: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    marker = tmp_path / "pwned"
    text = attack.format(marker=marker)

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("eval/exec called")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    with pytest.raises(ExpressionError):
        parse_expression(text, ["x"])
    feedback = check_expression(text, "x", lang="en")
    assert feedback.kind == "unparseable"
    assert not marker.exists()


@pytest.mark.parametrize("bomb", ["9**9**9", "10**10**10", "(10**100)**100", "2**(3**50)", "x**1000", "1e999",
                                  "9" * 60, "((2**100)**100)**100"])
def test_huge_numbers_are_refused_before_they_are_computed(bomb: str) -> None:
    start = time.perf_counter()
    feedback = check_expression(bomb, "x", lang="en")
    assert feedback.kind == "unparseable"
    assert "too large" in feedback.message
    assert time.perf_counter() - start < 1


def test_length_and_depth_limits() -> None:
    assert "at most 500 characters" in check_expression("x+" * 300 + "x", "x", lang="en").message
    deep = "(" * (MAX_DEPTH + 1) + "x" + ")" * (MAX_DEPTH + 1)
    assert "nested too deeply" in check_expression(deep, "x", lang="en").message
    assert check_expression("(" * 20 + "x" + ")" * 20, "x").correct
    assert "nested too deeply" in check_expression("-" * 200 + "x", "x", lang="en").message
    assert len("x+" * 300) > MAX_LENGTH


@pytest.mark.parametrize("answer", ["", "   ", "\n\t", None])
def test_empty_answers(answer: str | None) -> None:
    assert check_expression(answer, "x").kind == "empty"  # type: ignore[arg-type]


def test_hard_cases_stay_fast() -> None:
    start = time.perf_counter()
    assert check_expression("sin(x)**100*cos(x)**100", "(sin(2x)/2)**100").correct
    assert check_expression("(x+1)**100*(x-1)**100", "(x**2-1)**100").correct
    assert not check_expression("(x+1)**100 - (x-1)**100", "x").correct
    assert time.perf_counter() - start < 10


def test_teacher_mistakes_raise() -> None:
    with pytest.raises(ValueError):
        check_expression("x", "x +")
    with pytest.raises(ValueError):
        check_expression("x", "x", lang="de")
    with pytest.raises(TypeError):
        check_expression("x", object())


def test_seeded_points_give_the_same_verdict() -> None:
    assert [equivalent(x**2 - 1, (x - 1) * (x + 1), seed=s) for s in range(5)] == [True] * 5


# property-based: polynomials in factored and expanded form

linear = st.tuples(st.integers(-5, 5).filter(bool), st.integers(-5, 5))


def _factored(factors: list[tuple[int, int]]) -> str:
    return "*".join(f"({a}*x + ({b}))" for a, b in factors)


@FAST
@given(st.lists(linear, min_size=1, max_size=4))
def test_factored_and_expanded_polynomials_are_equivalent(factors: list[tuple[int, int]]) -> None:
    expanded = sympy.expand(sympy.Mul(*(a * x + b for a, b in factors)))
    assert check_expression(_factored(factors), expanded).correct
    assert check_expression(str(expanded), _factored(factors)).correct


@FAST
@given(st.lists(linear, min_size=1, max_size=4), st.integers(1, 9), st.sampled_from(["+", "*", "x+"]))
def test_a_perturbed_polynomial_is_not_equivalent(factors: list[tuple[int, int]], k: int, how: str) -> None:
    expanded = sympy.expand(sympy.Mul(*(a * x + b for a, b in factors)))
    perturbed = {"+": f"{_factored(factors)} + {k}", "*": f"{k + 1}*{_factored(factors)}",
                 "x+": f"{_factored(factors)} + {k}*x**5"}[how]
    feedback = check_expression(perturbed, expanded)
    assert feedback.kind == "not_equivalent"


def _expressions() -> st.SearchStrategy[str]:
    """Sums, differences and products of small powers of x, y and numbers (degree stays small)."""
    atoms = st.sampled_from(["x", "y", "1", "2", "3", "(1/2)", "(x + y)", "(x - 2)"])
    leaves = st.one_of(atoms, st.tuples(atoms, st.integers(0, 3)).map(lambda p: f"{p[0]}^{p[1]}"))
    return st.recursive(leaves, lambda inner: st.tuples(inner, st.sampled_from(["+", "-", "*", ""]), inner).map(
        _join), max_leaves=8)


def _join(parts: tuple[str, str, str]) -> str:
    left, operator, right = parts
    return f"({left})({right})" if operator == "" else f"({left} {operator} {right})"  # "" is implicit *


@FAST
@given(_expressions())
def test_random_expressions_equal_their_expansion(text: str) -> None:
    parsed = parse_expression(text, ["x", "y"])
    expanded = sympy.expand(parsed)
    assert check_expression(text, expanded, symbols=["x", "y"]).correct
    assert check_expression(f"{text} + x*y^7", expanded, symbols=["x", "y"]).kind == "not_equivalent"


@FAST
@given(st.text(max_size=100))
def test_any_text_gives_feedback(answer: str) -> None:
    feedback = check_expression(answer, FALL, lang="en")
    assert isinstance(feedback, Feedback) and feedback.kind in KINDS and feedback.message


@FAST
@given(st.text(alphabet="xyt0123456789.+-*/^()²³⁻√ eπ", max_size=60))
def test_expression_like_text_gives_feedback(answer: str) -> None:
    feedback = check_expression(answer, "x*y + t", lang="zh")
    assert feedback.kind in KINDS and feedback.message
