"""Checking an algebraic answer: :func:`check_expression` and the equivalence test behind it."""

from __future__ import annotations

import logging
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Real

import sympy

from sciedu.kit.feedback import Feedback
from sciedu.kit.lang import resolve_lang
from sciedu.kit.messages import message
from sciedu.kit.normalize import normalize
from sciedu.kit.parser import CONSTANTS, FUNCTIONS, ExpressionError, parse_expression, tokenize

log = logging.getLogger(__name__)

POINTS = 8                # random points tried
MIN_VALID_POINTS = 3      # points where both sides are defined, needed to trust agreement
# simplify can take minutes on small inputs such as sin(x)**100*cos(x)**100 - (sin(2*x)/2)**100, so it is
# tried only on differences this small; for larger ones agreement at the random points decides.
SIMPLIFY_MAX_OPS = 60
SIMPLIFY_MAX_POWER = 12
RELATIVE_TOLERANCE = 1e-9
SymbolsLike = Iterable["str | sympy.Symbol"]


@dataclass(frozen=True)
class Comparison:
    """How two expressions compare. ``how``: identical, simplify, numeric, counterexample or undecided."""

    equivalent: bool
    how: str
    ratio: complex | None = None  # a/b, when it is the same constant at every point


def check_expression(answer: str, expected: object, *, symbols: SymbolsLike | None = None, lang: str = "zh",
                     seed: int = 0) -> Feedback:
    """Check a student's expression against ``expected`` by mathematical equivalence, not by spelling.

    ``expected`` is a SymPy expression, a number or an expression string (read by the same safe parser).
    The student may use the symbols of ``expected`` and any extra ``symbols`` (names or SymPy Symbols);
    when ``expected`` is a string and ``symbols`` is None, every name in it is a symbol. ``seed`` fixes the
    random points of the numeric test, so a verdict never changes between runs. A mistake in ``expected``
    raises ValueError; the student's answer never raises.
    """
    lang = resolve_lang(lang)
    names = declared_symbols(expected, symbols)
    target = expected_expression(expected, names)
    names = _with_free_symbols(names, target)
    try:
        return _judge(answer, target, names, lang, seed)
    except Exception:  # noqa: BLE001 -- whatever a student types, the notebook cell must not fail
        log.debug("check_expression could not judge %r", answer, exc_info=True)
        return Feedback(False, "unparseable", message("internal", lang))


def equivalent(a: sympy.Expr, b: sympy.Expr, *, seed: int = 0) -> bool:
    """True when ``a`` and ``b`` are the same expression mathematically (see :func:`compare`)."""
    return compare(a, b, seed=seed).equivalent


def compare(a: sympy.Expr, b: sympy.Expr, *, seed: int = 0) -> Comparison:
    """Compare two expressions, cheapest test first.

    A difference at one of the seeded random points settles "not equivalent" at once (and avoids a slow
    simplify). Otherwise ``simplify(a - b) == 0`` decides; when simplify cannot prove it, or the expressions
    are too large to try, agreement at every random point where both sides are defined does.
    """
    difference = a - b
    if difference == 0:
        return Comparison(True, "identical")
    values = sample(a, b, seed=seed)
    if any(not _close(x, y) for x, y in values):
        return Comparison(False, "counterexample", _constant_ratio(values))
    if _simplifies_to_zero(difference):
        return Comparison(True, "simplify")
    if len(values) >= MIN_VALID_POINTS:
        return Comparison(True, "numeric")
    return Comparison(False, "undecided")


def sample(a: sympy.Expr, b: sympy.Expr, *, seed: int = 0) -> list[tuple[complex, complex]]:
    """``(a, b)`` evaluated at seeded random points (each symbol in 0.5–2.5), where both are defined."""
    symbols = sorted(a.free_symbols | b.free_symbols, key=lambda s: s.name)
    rng = random.Random(seed)
    values = []
    for _ in range(POINTS):
        point = {s: sympy.Float(rng.uniform(0.5, 2.5), 30) for s in symbols}
        pair = _evaluate(a, point), _evaluate(b, point)
        if pair[0] is not None and pair[1] is not None:
            values.append(pair)
    return values


def declared_symbols(expected: object, symbols: SymbolsLike | None) -> list[sympy.Symbol]:
    """The symbols a student may use: ``symbols``, or the names in ``expected``, or else ``x``."""
    if symbols is not None:
        return [s if isinstance(s, sympy.Symbol) else sympy.Symbol(str(s)) for s in symbols]
    if isinstance(expected, str) and _names_in(expected):
        return [sympy.Symbol(name) for name in _names_in(expected)]
    if isinstance(expected, sympy.Basic) and expected.free_symbols:
        return []  # the expected expression's own symbols are added by _with_free_symbols
    return [sympy.Symbol("x")]


def expected_expression(expected: object, names: Sequence[sympy.Symbol]) -> sympy.Expr:
    """The teacher's expected answer as a SymPy expression; ValueError or TypeError if it cannot be one."""
    if isinstance(expected, sympy.Expr):
        return expected
    if isinstance(expected, (int, Fraction)) and not isinstance(expected, bool):
        return sympy.Rational(expected)
    if isinstance(expected, Real):
        return sympy.Rational(str(float(expected)))
    if isinstance(expected, str):
        try:
            return parse_expression(expected, names)
        except ExpressionError as err:
            msg = f"expected answer {expected!r} is not an expression the kit can read: {err.describe('en', [])}"
            raise ValueError(msg) from None
    msg = f"expected answer must be a SymPy expression, a number or a string, not {expected!r}"
    raise TypeError(msg)


def _with_free_symbols(names: list[sympy.Symbol], target: sympy.Expr) -> list[sympy.Symbol]:
    """Add the target's own symbols, and use its Symbol objects (with their assumptions) for shared names."""
    own = {s.name: s for s in target.free_symbols if isinstance(s, sympy.Symbol)}
    merged = {s.name: own.get(s.name, s) for s in names}
    merged.update(own)
    return [merged[name] for name in sorted(merged)]


def _names_in(text: str) -> list[str]:
    try:
        tokens = tokenize(normalize(text))
    except ExpressionError:
        return []
    reserved = {*FUNCTIONS, *CONSTANTS, "e"}
    return sorted({t.text for t in tokens if t.kind == "name" and t.text not in reserved})


def _judge(answer: object, target: sympy.Expr, names: list[sympy.Symbol], lang: str, seed: int) -> Feedback:
    text = "" if answer is None else str(answer)
    if not text.strip():
        return Feedback(False, "empty", message("empty", lang))
    try:
        given = parse_expression(text, names)
    except ExpressionError as err:
        return Feedback(False, "unparseable", err.describe(lang, [s.name for s in names]))
    result = compare(given, target, seed=seed)
    if result.equivalent:
        return Feedback(True, "correct", message("correct", lang))
    return Feedback(False, "not_equivalent", message(_hint(result), lang))


def _hint(result: Comparison) -> str:
    if result.ratio is None:
        return "e_not_equivalent"
    return "e_sign" if abs(result.ratio + 1) < 1e-9 else "e_factor"


def _evaluate(expr: sympy.Expr, point: dict[sympy.Symbol, sympy.Float]) -> complex | None:
    try:
        value = complex(expr.evalf(30, subs=point))
    except (TypeError, ValueError, ZeroDivisionError, OverflowError, ArithmeticError):
        return None
    if value != value or abs(value) == float("inf"):  # NaN or infinite
        return None
    return value


def _close(x: complex, y: complex) -> bool:
    return abs(x - y) <= RELATIVE_TOLERANCE * max(1.0, abs(x), abs(y))


def _constant_ratio(values: list[tuple[complex, complex]]) -> complex | None:
    """a/b when it is the same constant (other than 1) at every point, else None."""
    ratios = [x / y for x, y in values if x != 0 and y != 0]
    if len(ratios) < MIN_VALID_POINTS:
        return None
    first = ratios[0]
    if any(abs(r - first) > RELATIVE_TOLERANCE * abs(first) for r in ratios) or _close(first, 1):
        return None
    return first


def _simplifies_to_zero(difference: sympy.Expr) -> bool:
    if sympy.count_ops(difference) > SIMPLIFY_MAX_OPS or _largest_power(difference) > SIMPLIFY_MAX_POWER:
        return False
    return sympy.expand(difference) == 0 or sympy.simplify(difference) == 0  # expand: fast for polynomials


def _largest_power(expr: sympy.Expr) -> float:
    exponents = [abs(p.exp) for p in expr.atoms(sympy.Pow) if p.exp.is_Rational]
    return float(max(exponents, default=0))
