"""Reading a student's quantity (``"9.8 m/s²"``, ``"36 千米每小时"``) into a pint Quantity, safely.

The text is first normalized (:mod:`sciedu.kit.normalize`), Chinese unit names are rewritten to pint symbols,
the leading number is split off and read by a regular expression, and only the unit part goes to pint, after a
check that it holds nothing but unit names, ``* /``, brackets and small exponents. Pint's own parser does not
use ``eval``, but it does compute numbers, so ``m**9**9**9`` must never reach it.

The kit keeps its own :class:`pint.UnitRegistry`, created on first use, so it never changes (or depends on) the
application registry a notebook might set up.
"""

from __future__ import annotations

import functools
import math
import re
import tokenize
from dataclasses import dataclass
from typing import Any

import pint

from sciedu.kit.normalize import normalize

MAX_LENGTH = 200
MAX_UNIT_EXPONENT = 6
MAX_DECIMAL_EXPONENT = 300

# Longer names first, so that 千米 wins over 米 and 摄氏度 over 度 (the pattern below sorts by length).
CHINESE_UNITS: dict[str, str] = {
    # length
    "米": "m", "千米": "km", "公里": "km", "分米": "dm", "厘米": "cm", "毫米": "mm", "微米": "um", "纳米": "nm",
    "光年": "light_year", "天文单位": "au",
    # time
    "秒": "s", "秒钟": "s", "毫秒": "ms", "分": "min", "分钟": "min", "时": "h", "小时": "h", "天": "day",
    "周": "week", "年": "year",
    # mass
    "千克": "kg", "公斤": "kg", "克": "g", "毫克": "mg", "吨": "t",
    # force, energy, power, pressure
    "牛": "N", "牛顿": "N", "千牛": "kN", "千牛顿": "kN",
    "焦": "J", "焦耳": "J", "千焦": "kJ", "千焦耳": "kJ", "电子伏": "eV", "电子伏特": "eV",
    "卡": "cal", "卡路里": "cal", "千卡": "kcal",
    "瓦": "W", "瓦特": "W", "千瓦": "kW", "千瓦时": "kWh",
    "帕": "Pa", "帕斯卡": "Pa", "千帕": "kPa", "标准大气压": "atm", "大气压": "atm",
    # electricity
    "安": "A", "安培": "A", "毫安": "mA", "伏": "V", "伏特": "V", "欧": "ohm", "欧姆": "ohm", "千欧": "kohm",
    "库": "C", "库仑": "C", "赫": "Hz", "赫兹": "Hz", "千赫": "kHz", "兆赫": "MHz",
    # temperature, angle, volume, amount, area
    "摄氏度": "degC", "开": "K", "开尔文": "K", "度": "degree", "弧度": "rad", "度电": "kWh",  # 1 度电 = 1 kWh
    "升": "L", "毫升": "mL", "摩尔": "mol", "公顷": "hectare",
    # counts per time: a pulse of 72 次/分, 50 次每秒
    "次": "count",
}
#: Chinese unit words whose meaning depends on what is asked: 度 alone is a degree of angle, but the 度 of an
#: electricity bill is 1 kWh and the 度 of a weather report is 1 °C. The expected answer's dimension picks it.
CONTEXTUAL_UNITS: dict[str, dict[str, str]] = {"度": {"kWh": "kWh", "degC": "degC"}}
_POWER_WORDS = {"平方": 2, "二次方": 2, "立方": 3, "三次方": 3}

_CHINESE_UNIT = re.compile(
    "(?P<power>{})?\\s*(?P<unit>{})".format(
        "|".join(_POWER_WORDS), "|".join(sorted(CHINESE_UNITS, key=len, reverse=True))))
_SYMBOL_WORDS = (
    (re.compile(r"°\s*C\b"), " degC "), (re.compile(r"°\s*F\b"), " degF "), (re.compile("°"), " degree "),
    (re.compile("%"), " percent "), (re.compile("‰"), " permille "), (re.compile("每"), " / "),
    (re.compile(r"\bper\b"), " / "),
)

_NUMBER = re.compile(r"""
    (?P<mantissa>[+-]?\s*(?:\d[\d,]*(?:\.\d*)?|\.\d+))
    (?:\s*[eE]\s*(?P<exponent>[+-]?\d+))?
    (?:\s*[*xX]\s*10\s*\*\*\s*(?:\(\s*(?P<power1>[+-]?\d+)\s*\)|(?P<power2>[+-]?\d+)))?
""", re.VERBOSE)
_THOUSANDS = re.compile(r"[+-]?\s*\d{1,3}(?:,\d{3})+(?:\.\d*)?")
_TRAILING_DIGITS = re.compile(r"(?<=[^\W\d_])(-?\d+)(?![\d.])")  # m2 → m**2, s-1 → s**-1
_DOT_PRODUCT = re.compile(r"(?<=[^\W\d])\.(?=[^\W\d])")  # m.s-2, as some textbooks write it
_EXPONENT = re.compile(r"\*\*\s*(?:\(\s*(?P<a>[+-]?\s*\d+(?:\.\d+)?)\s*\)|(?P<b>[+-]?\d+(?:\.\d+)?))")
_UNIT_CHARS = re.compile(r"[^\W\d]|[\s*/()]")


class QuantityError(ValueError):
    """A student's quantity that cannot be read; ``key`` and ``params`` select the message to show."""

    def __init__(self, key: str, **params: Any) -> None:
        self.key = key
        self.params = params
        super().__init__(f"{key}: {params}" if params else key)


@dataclass(frozen=True)
class Reading:
    """A quantity read from text; ``has_unit`` is False for a bare number such as ``"9.8"``."""

    quantity: pint.Quantity
    has_unit: bool
    unit_text: str = ""


@functools.cache
def unit_registry() -> pint.UnitRegistry:
    """The kit's own unit registry, built once on first use (building one takes about half a second)."""
    return pint.UnitRegistry()


def unit_meanings(target: pint.Quantity) -> dict[str, str]:
    """How the contextual unit words read for an answer of ``target``'s dimension (``{"度": "kWh"}`` for an
    energy); empty when each keeps its usual meaning."""
    meanings = {}
    for word, readings in CONTEXTUAL_UNITS.items():
        for unit, symbol in readings.items():
            if target.dimensionality == unit_registry().Unit(unit).dimensionality:
                meanings[word] = symbol
    return meanings


def read_quantity(text: str, meanings: dict[str, str] | None = None) -> Reading:
    """Read ``"9.8 m/s^2"`` and its many spellings; raise :class:`QuantityError` for anything else.
    ``meanings`` overrides how Chinese unit words read (see :func:`unit_meanings`)."""
    if len(text) > MAX_LENGTH:
        raise QuantityError("too_long", limit=MAX_LENGTH)
    cleaned = to_pint_text(normalize(text), meanings)
    match = _NUMBER.match(cleaned)
    if not match:
        raise QuantityError("q_no_number")
    value = _number(match)
    unit_text = cleaned[match.end():].strip().lstrip("*").strip()
    registry = unit_registry()
    if not unit_text:
        return Reading(registry.Quantity(value), has_unit=False)
    units = parse_units(unit_text)
    return Reading(registry.Quantity(value, units), has_unit=True, unit_text=unit_text)


def to_pint_text(text: str, meanings: dict[str, str] | None = None) -> str:
    """Rewrite Chinese unit names and symbols such as ``°C``, ``%`` and ``每`` to names pint knows."""
    text = _CHINESE_UNIT.sub(lambda match: _chinese_unit(match, meanings or {}), text)
    for pattern, replacement in _SYMBOL_WORDS:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def parse_units(unit_text: str) -> pint.Unit:
    """The pint unit for ``unit_text``, after refusing anything but names, ``* /``, brackets and small powers."""
    if unit_text.startswith("/"):
        unit_text = "1" + unit_text
    unit_text = _DOT_PRODUCT.sub("*", unit_text)
    unit_text = _TRAILING_DIGITS.sub(r"**\1", unit_text)
    _check_unit_text(unit_text)
    try:
        return unit_registry().parse_units(unit_text)
    except pint.UndefinedUnitError as err:
        raise QuantityError("q_unknown_unit", unit=_first(err.unit_names, unit_text)) from None
    except (pint.PintError, ValueError, TypeError, AttributeError, KeyError, IndexError, SyntaxError,
            AssertionError, tokenize.TokenError, ArithmeticError, RecursionError):
        # pint's parser fails in many ways on malformed text ("m /" is an AssertionError)
        raise QuantityError("q_bad_unit", unit=unit_text) from None


def _chinese_unit(match: re.Match[str], meanings: dict[str, str]) -> str:
    word = match.group("unit")
    unit = meanings.get(word, CHINESE_UNITS[word])
    power = match.group("power")
    return f" {unit}**{_POWER_WORDS[power]} " if power else f" {unit} "


def _number(match: re.Match[str]) -> float:
    mantissa = match.group("mantissa").replace(" ", "")
    if "," in mantissa:
        if not _THOUSANDS.fullmatch(mantissa):
            raise QuantityError("q_decimal_comma")
        mantissa = mantissa.replace(",", "")
    shift = sum(_small_int(match.group(g)) for g in ("exponent", "power1", "power2"))
    value = float(f"{mantissa}e{shift}")
    if not math.isfinite(value):
        raise QuantityError("q_number_too_large")
    return value


def _small_int(text: str | None) -> int:
    if text is None:
        return 0
    if len(text.lstrip("+-")) > 3 or abs(int(text)) > MAX_DECIMAL_EXPONENT:
        raise QuantityError("q_number_too_large")
    return int(text)


def _check_unit_text(unit_text: str) -> None:
    for match in _EXPONENT.finditer(unit_text):
        exponent = (match.group("a") or match.group("b")).replace(" ", "")
        if abs(float(exponent)) > MAX_UNIT_EXPONENT:
            raise QuantityError("q_bad_exponent", text=match.group().strip())
    rest = _EXPONENT.sub(" ", unit_text)
    rest = re.sub(r"^1\s*/", "/", rest)
    for char in rest:
        if not _UNIT_CHARS.match(char):
            raise QuantityError("q_bad_char", char=char)
    if "**" in rest or rest.count("(") != rest.count(")") or _depth(rest) > 3:
        raise QuantityError("q_bad_unit", unit=unit_text)


def _depth(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def _first(names: object, default: str) -> str:
    if isinstance(names, (tuple, list)) and names:
        return str(names[0])
    return str(names) if isinstance(names, str) and names else default
