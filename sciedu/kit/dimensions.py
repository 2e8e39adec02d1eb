"""Naming the kind of a quantity in words: "a speed" / "速度" rather than ``[length] / [time]``."""

from __future__ import annotations

import functools

import pint

from sciedu.kit.lang import Message, N_, resolve_lang
from sciedu.kit.units import unit_registry

# (a unit of that kind, Chinese name, English name with its article). The first row with the same
# dimensionality wins, so energy is named before torque would be.
NAMED_DIMENSIONS: tuple[tuple[str, Message], ...] = (
    ("m", N_("a length")),
    ("s", N_("a time")),
    ("kg", N_("a mass")),
    ("m/s", N_("a speed")),
    ("m/s**2", N_("an acceleration")),
    ("N", N_("a force")),
    ("J", N_("an energy (or work)")),
    ("W", N_("a power")),
    ("Pa", N_("a pressure")),
    ("m**2", N_("an area")),
    ("m**3", N_("a volume")),
    ("kg/m**3", N_("a density")),
    ("Hz", N_("a frequency")),
    ("kg*m/s", N_("a momentum (or impulse)")),
    ("N/m", N_("a spring constant")),
    ("K", N_("a temperature")),
    ("A", N_("an electric current")),
    ("C", N_("an electric charge")),
    ("V", N_("a voltage")),
    ("ohm", N_("a resistance")),
    ("mol", N_("an amount of substance")),
    ("dimensionless", N_("a plain number without a unit")),
)


def describe_dimension(quantity: pint.Quantity, lang: str) -> str:
    """``"速度"`` / ``"a speed"`` for a quantity in m/s; an SI-unit description for kinds without a name."""
    names = _names().get(quantity.dimensionality)
    if names:
        return names[resolve_lang(lang)]
    base = f"{(1 * quantity.units).to_base_units().units:~P}"
    return N_("a quantity measured in {base}").format(resolve_lang(lang), base=base)


@functools.cache
def _names() -> dict[object, Message]:
    registry = unit_registry()
    table: dict[object, Message] = {}
    for unit, name in NAMED_DIMENSIONS:
        table.setdefault(registry.parse_units(unit).dimensionality, name)
    return table
