"""Naming the kind of a quantity in words: "a speed" / "速度" rather than ``[length] / [time]``."""

from __future__ import annotations

import functools

import pint

from sciedu.kit.lang import Lang, resolve_lang
from sciedu.kit.units import unit_registry

# (a unit of that kind, Chinese name, English name with its article). The first row with the same
# dimensionality wins, so energy is named before torque would be.
NAMED_DIMENSIONS: tuple[tuple[str, str, str], ...] = (
    ("m", "长度", "a length"),
    ("s", "时间", "a time"),
    ("kg", "质量", "a mass"),
    ("m/s", "速度", "a speed"),
    ("m/s**2", "加速度", "an acceleration"),
    ("N", "力", "a force"),
    ("J", "能量（或功）", "an energy (or work)"),
    ("W", "功率", "a power"),
    ("Pa", "压强", "a pressure"),
    ("m**2", "面积", "an area"),
    ("m**3", "体积", "a volume"),
    ("kg/m**3", "密度", "a density"),
    ("Hz", "频率", "a frequency"),
    ("kg*m/s", "动量（或冲量）", "a momentum (or impulse)"),
    ("N/m", "劲度系数", "a spring constant"),
    ("K", "温度", "a temperature"),
    ("A", "电流", "an electric current"),
    ("C", "电荷量", "an electric charge"),
    ("V", "电压", "a voltage"),
    ("ohm", "电阻", "a resistance"),
    ("mol", "物质的量", "an amount of substance"),
    ("dimensionless", "没有单位的纯数", "a plain number without a unit"),
)


def describe_dimension(quantity: pint.Quantity, lang: str) -> str:
    """``"速度"`` / ``"a speed"`` for a quantity in m/s; an SI-unit description for kinds without a name."""
    names = _names().get(quantity.dimensionality)
    if names:
        return names[resolve_lang(lang)]
    base = f"{(1 * quantity.units).to_base_units().units:~P}"
    return f"单位为 {base} 的量" if resolve_lang(lang) == "zh" else f"a quantity measured in {base}"


@functools.cache
def _names() -> dict[object, dict[Lang, str]]:
    registry = unit_registry()
    table: dict[object, dict[Lang, str]] = {}
    for unit, zh, en in NAMED_DIMENSIONS:
        table.setdefault(registry.parse_units(unit).dimensionality, {"zh": zh, "en": en})
    return table
