"""Exact numbers in, rounded text out: class means as fractions, shown with two decimals at most."""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction


def fixed(value: Fraction, digits: int = 2) -> str:
    """``value`` with ``digits`` decimals, rounded half away from zero (exact: no float on the way)."""
    scaled = int(abs(value) * 10**digits + Fraction(1, 2))
    sign = "-" if value < 0 and scaled else ""
    whole, part = divmod(scaled, 10**digits)
    return f"{sign}{whole}.{part:0{digits}d}" if digits else f"{sign}{whole}"


def plain(value: Fraction) -> str:
    """A maximum or a score as written: 5, 7.5, 2.25."""
    return str(value.numerator) if value.denominator == 1 else fixed(value).rstrip("0").rstrip(".")


def mean(values: Sequence[Fraction]) -> Fraction | None:
    """The exact mean; None for no values."""
    return Fraction(sum(values)) / len(values) if values else None
