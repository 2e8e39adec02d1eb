"""Declared answers and variants, recomputed with units: the machine behind "no wrong answer key".

A formula is parsed with the kit's restricted parser (no ``eval``) and evaluated with pint quantities,
so adding a length to a time is a dimension error, and the result is compared with the stated key.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sympy

FUNCTIONS = {"sqrt": None, "exp": math.exp, "log": math.log, "sin": math.sin, "cos": math.cos, "tan": math.tan}


class FormulaError(Exception):
    """A formula that cannot be evaluated: the message says why (dimensions, syntax, unknown names)."""


@dataclass(frozen=True)
class Answer:
    id: str
    label: Any
    formula: str
    given: dict[str, str]
    key: str
    tolerance: float = 0.01


@dataclass(frozen=True)
class Parameter:
    name: str
    spec: tuple | list
    unit: str = ""


@dataclass(frozen=True)
class VariantSpec:
    id: str
    label: Any
    parameters: tuple[Parameter, ...]
    constants: dict[str, str]
    formula: str
    unit: str
    digits: int = 2

    @property
    def kit_params(self) -> dict[str, tuple | list]:
        """The spec in the form the notebooks pass to ``sciedu.kit.variants``."""
        return {p.name: p.spec for p in self.parameters}

    def compute(self, **values: Any) -> float:
        quantities = {p.name: quantity(f"{values[p.name]} {p.unit}".strip()) for p in self.parameters}
        quantities.update({name: quantity(text) for name, text in self.constants.items()})
        result = evaluate(self.formula, quantities)
        try:
            magnitude = result.to(self.unit).magnitude if self.unit else result.to("dimensionless").magnitude
        except Exception as exc:  # pint's DimensionalityError
            msg = f"the formula gives {describe(result)}, not {self.unit or 'a pure number'}: {exc}"
            raise FormulaError(msg) from None
        return round(float(magnitude), self.digits)


def quantity(text: str) -> Any:
    from sciedu.kit.units import unit_registry  # pint loads only when an answer is checked

    ureg = unit_registry()
    try:
        return ureg.Quantity(text) if isinstance(text, str) else ureg.Quantity(text)
    except Exception as exc:
        msg = f"cannot read {text!r} as a quantity ({exc})"
        raise FormulaError(msg) from None


def describe(value: Any) -> str:
    return f"{value.magnitude:.4g} {value.units:~P}" if hasattr(value, "units") else str(value)


def evaluate(formula: str, values: dict[str, Any]) -> Any:
    """The formula with every name replaced by its quantity, computed with pint."""
    from sciedu.kit.parser import ExpressionError, parse_expression

    try:
        expr = parse_expression(formula, symbols=tuple(values))
    except ExpressionError as exc:
        raise FormulaError(f"cannot read the formula {formula!r}: {exc.describe('en', values)}") from None
    missing = sorted(str(s) for s in expr.free_symbols if str(s) not in values)
    if missing:
        raise FormulaError(f"the formula uses {', '.join(missing)} but 'given' does not define it")
    try:
        return _eval(expr, values)
    except FormulaError:
        raise
    except Exception as exc:  # pint's DimensionalityError and friends
        raise FormulaError(f"the formula is dimensionally inconsistent: {exc}") from None


def _eval(expr: sympy.Expr, values: dict[str, Any]) -> Any:
    import sympy

    if expr.is_Symbol:
        return values[str(expr)]
    if expr.is_Number or expr in (sympy.pi, sympy.E):
        return float(expr)
    args = [_eval(arg, values) for arg in expr.args]
    if expr.is_Add:
        total = args[0]
        for arg in args[1:]:
            total = total + arg
        return total
    if expr.is_Mul:
        product = args[0]
        for arg in args[1:]:
            product = product * arg
        return product
    if expr.is_Pow:
        base, exponent = args
        exponent = _number(exponent, "an exponent")
        return base ** exponent
    name = type(expr).__name__.lower()
    if name in FUNCTIONS and len(args) == 1:
        value = _number(args[0], f"the argument of {name}")
        return FUNCTIONS[name](value)
    if name == "abs":
        return abs(args[0])
    raise FormulaError(f"unsupported operation {type(expr).__name__} in the formula")


def _number(value: Any, what: str) -> float:
    if hasattr(value, "to"):
        try:
            return float(value.to("dimensionless").magnitude)
        except Exception:
            raise FormulaError(f"{what} must be a pure number, but it is {describe(value)}") from None
    return float(value)


def recompute(answer: Answer) -> tuple[Any, Any]:
    """(computed, stated): both pint quantities. Computed once per build for the check, the zh guide and the en
    guide (parsing a formula with SymPy is most of a guide's cost)."""
    return _recompute(answer.formula, tuple(sorted(answer.given.items())), answer.key)


@functools.lru_cache(maxsize=4096)
def _recompute(formula: str, given: tuple[tuple[str, str], ...], key: str) -> tuple[Any, Any]:
    values = {name: quantity(text) for name, text in given}
    return evaluate(formula, values), quantity(key)


def compare(computed: Any, stated: Any, tolerance: float) -> str | None:
    """None when the stated key agrees with the computed value; else what is wrong."""
    try:
        converted = computed.to(stated.units) if hasattr(computed, "to") else quantity(str(computed)).to(stated.units)
    except Exception:
        return f"the key {describe(stated)} is not the same kind of quantity as the formula's result {describe(computed)}"
    reference = float(converted.magnitude)
    value = float(stated.magnitude)
    if math.isclose(value, reference, rel_tol=tolerance, abs_tol=1e-12):
        return None
    return f"the key says {describe(stated)} but the formula gives {reference:.4g} {stated.units:~P} (tolerance {tolerance:.0%})"
