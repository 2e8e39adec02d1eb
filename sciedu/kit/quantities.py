"""Checking a numeric answer with a unit: :func:`check_quantity`."""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from numbers import Real

import pint

from sciedu.kit.dimensions import describe_dimension
from sciedu.kit.feedback import Feedback
from sciedu.kit.lang import resolve_lang
from sciedu.kit.messages import message
from sciedu.kit.units import QuantityError, Reading, read_quantity, unit_meanings, unit_registry

log = logging.getLogger(__name__)

DEFAULT_RTOL = 0.01

# Factors by which a value is off after a typical slip in a unit conversion, with the hint to give.
# Each is tried both ways (too large and too small); powers of ten first.
CONVERSION_FACTORS: tuple[tuple[float, str], ...] = (
    *((10.0**k, "q_hint_prefix") for k in range(1, 13)),
    (3.6, "q_hint_speed"),
    (60.0, "q_hint_time"),
    (3600.0, "q_hint_time"),
    (24.0, "q_hint_days"),
    (86400.0, "q_hint_days"),
    (365.0, "q_hint_days"),
    (365.25, "q_hint_days"),
)
TEMPERATURE_SCALES = ("K", "degC", "degF")


@dataclass(frozen=True)
class Tolerance:
    """Accept ``value`` when ``|value - target| <= max(rtol * |target|, atol)``; atol is in the target's unit."""

    rtol: float
    atol: float

    def accepts(self, value: float, target: float) -> bool:
        return abs(value - target) <= max(self.rtol * abs(target), self.atol)

    def describe(self, target: pint.Quantity) -> str:
        """``"1%"``, ``"±0.1 m/s"`` or both, for messages."""
        parts = []
        if self.rtol:
            parts.append(f"{self.rtol * 100:g}%")
        if self.atol:
            parts.append(f"±{self.atol:g} {target.units:~P}".strip())
        return " / ".join(parts) or "0"


def check_quantity(answer: str, expected: object, *, rtol: float | None = None, atol: object = None,
                   lang: str = "zh") -> Feedback:
    """Check a student's number-with-unit against ``expected``.

    ``expected`` is a quantity string (``"9.8 m/s^2"``), a pint Quantity, a ``(value, unit)`` pair or a plain
    number. The answer is right when it is within ``rtol`` (relative, default 1%) or ``atol`` (absolute: a
    number in the expected unit, or a quantity string) of ``expected`` after conversion, so ``"980 cm/s²"``
    is accepted for 9.8 m/s². Otherwise ``Feedback.kind`` says what went wrong: ``wrong_dimension``,
    ``wrong_unit`` (off by a conversion factor such as 1000 or 3.6), ``wrong_number``, ``missing_unit``,
    ``unparseable`` or ``empty``. A mistake in ``expected`` raises ValueError; the student's answer never raises.
    """
    lang = resolve_lang(lang)
    target = expected_quantity(expected)
    tolerance = make_tolerance(target, rtol, atol)
    try:
        return _judge(answer, target, tolerance, lang)
    except Exception:  # noqa: BLE001 -- whatever a student types, the notebook cell must not fail
        log.debug("check_quantity could not judge %r", answer, exc_info=True)
        return Feedback(False, "unparseable", message("internal", lang))


def expected_quantity(expected: object) -> pint.Quantity:
    """The teacher's expected answer as a Quantity of the kit's registry; ValueError if it cannot be read."""
    registry = unit_registry()
    if isinstance(expected, pint.Quantity):
        return registry.Quantity(_finite(expected.magnitude), str(expected.units))
    if isinstance(expected, tuple) and len(expected) == 2:
        return registry.Quantity(_finite(expected[0]), str(expected[1]))
    if isinstance(expected, Real) and not isinstance(expected, bool):
        return registry.Quantity(_finite(expected))
    if isinstance(expected, str):
        try:
            return read_quantity(expected).quantity
        except QuantityError as err:
            msg = f"expected answer {expected!r} is not a quantity the kit can read ({err.key})"
            raise ValueError(msg) from None
    msg = f"expected answer must be a quantity string, a pint Quantity, (value, unit) or a number, not {expected!r}"
    raise TypeError(msg)


def make_tolerance(target: pint.Quantity, rtol: float | None, atol: object) -> Tolerance:
    """Default 1% relative; with only ``atol`` given, absolute only."""
    if rtol is None:
        rtol = DEFAULT_RTOL if atol is None else 0.0
    absolute = 0.0 if atol is None else _atol_magnitude(target, atol)
    if rtol < 0 or absolute < 0:
        msg = f"tolerances must not be negative: rtol={rtol!r}, atol={atol!r}"
        raise ValueError(msg)
    return Tolerance(float(rtol), absolute)


def _atol_magnitude(target: pint.Quantity, atol: object) -> float:
    if isinstance(atol, Real):
        return float(atol)
    if _is_temperature(target):  # 0.5 K converted to °C is -272.65 °C: a difference is not a temperature
        msg = "give atol as a plain number in the expected unit when the answer is a temperature"
        raise ValueError(msg)
    return float(expected_quantity(atol).to(target.units).magnitude)


def _finite(value: object) -> float:
    number = float(value)  # type: ignore[arg-type]
    if not math.isfinite(number):
        msg = f"expected value must be finite, not {value!r}"
        raise ValueError(msg)
    return number


def _judge(answer: object, target: pint.Quantity, tolerance: Tolerance, lang: str) -> Feedback:
    text = "" if answer is None else str(answer)
    if not text.strip():
        return Feedback(False, "empty", message("empty", lang))
    try:
        reading = read_quantity(text, unit_meanings(target))
    except QuantityError as err:
        return Feedback(False, "unparseable", message(err.key, lang, **err.params))
    return _compare(reading, target, tolerance, lang)


def _compare(reading: Reading, target: pint.Quantity, tolerance: Tolerance, lang: str) -> Feedback:
    given = reading.quantity
    if not reading.has_unit and _has_unit(target):
        right = tolerance.accepts(given.magnitude, target.magnitude)
        return Feedback(False, "missing_unit", message("q_missing_unit_number_ok" if right else "q_missing_unit", lang))
    if given.dimensionality != target.dimensionality:
        text = message("q_wrong_dimension", lang, given=describe_dimension(given, lang),
                       expected=describe_dimension(target, lang))
        return Feedback(False, "wrong_dimension", text)
    value = given.to(target.units).magnitude
    if tolerance.accepts(value, target.magnitude):
        return Feedback(True, "correct", message("correct", lang))
    hint = _conversion_hint(reading, target, value, tolerance, lang)
    if hint:
        return Feedback(False, "wrong_unit", hint)
    return Feedback(False, "wrong_number", message("q_wrong_number", lang, tolerance=tolerance.describe(target)))


def _is_temperature(quantity: pint.Quantity) -> bool:
    return quantity.dimensionality == unit_registry().kelvin.dimensionality


def _has_unit(quantity: pint.Quantity) -> bool:
    return bool(dict(quantity.unit_items()))


def _conversion_hint(reading: Reading, target: pint.Quantity, value: float, tolerance: Tolerance,
                     lang: str) -> str | None:
    """A message if the value is right but for a unit slip; None if it is simply wrong."""
    if _is_temperature(target):
        return _temperature_hint(reading, target, tolerance, lang)
    if value == 0 or target.magnitude == 0 or (value > 0) != (target.magnitude > 0):
        return None
    ratio = value / target.magnitude
    slack = max(tolerance.rtol, DEFAULT_RTOL)
    for factor, hint in CONVERSION_FACTORS:
        for candidate, key in ((factor, "q_too_large"), (1 / factor, "q_too_small")):
            if abs(ratio / candidate - 1) <= slack:
                return message(key, lang, factor=_format_factor(factor), hint=message(hint, lang))
    return None


def _temperature_hint(reading: Reading, target: pint.Quantity, tolerance: Tolerance, lang: str) -> str | None:
    registry = unit_registry()
    for scale in TEMPERATURE_SCALES:
        if registry.parse_units(scale) == reading.quantity.units:
            continue
        other = registry.Quantity(reading.quantity.magnitude, scale).to(target.units).magnitude
        if tolerance.accepts(other, target.magnitude):
            return message("q_hint_temperature", lang)
    return None


def _format_factor(factor: float) -> str:
    if factor >= 1e7:
        return f"10^{round(math.log10(factor))}"
    return str(int(factor)) if factor == int(factor) else f"{factor:g}"
