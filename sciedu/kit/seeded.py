"""Seeded variants of a numeric question: each student (seed) gets their own numbers, reproducibly.

``variants({"v": (10, 30, 5), "t": [2, 3, 4]}, v * t, seed=student_number)`` picks ``v`` from 10, 15, …, 30
and ``t`` from the list. The same seed gives the same numbers on every machine and in every run: the random
generator is seeded from a SHA-256 of the seed's text, never from Python's ``hash()``, which changes between
processes. Each parameter has its own stream, so adding a parameter does not change the others.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Union

from sciedu.kit.lang import COMMA, resolve_lang
from sciedu.kit.messages import message

if TYPE_CHECKING:
    import sympy

MAX_ATTEMPTS = 1000
Spec = Union[tuple, Sequence[Any]]          # (low, high, step) or (low, high), or a list of choices
Answer = Union["sympy.Expr", Callable[..., Any]]
Constraint = Callable[[Mapping[str, Any]], bool]


@dataclass(frozen=True)
class Variant:
    """One seed's parameters and the answer computed from them: a row of the teacher's table."""

    seed: str
    params: Mapping[str, Any]
    answer: Any

    def __getitem__(self, name: str) -> Any:
        return self.params[name]

    def to_markdown(self, lang: str = "zh") -> str:
        """``v = 15, t = 3`` (``v = 15，t = 3`` in Chinese) for a question's text."""
        return COMMA[resolve_lang(lang)].join(f"{name} = {format_value(value)}" for name, value in self.params.items())


class VariantTable(list[Variant]):
    """Rows of (seed, params, answer) for the teacher; :meth:`to_markdown` prints them as a table."""

    def to_markdown(self, lang: str = "zh") -> str:
        names = list(self[0].params) if self else []
        header = [message("v_seed", lang), *names, message("v_answer", lang)]
        lines = [_row(header), _row(["---"] * len(header))]
        for variant in self:
            values = [variant.seed, *(variant.params[name] for name in names), variant.answer]
            lines.append(_row([format_value(value) for value in values]))
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()


def variants(params: Mapping[str, Spec], answer: Answer, seed: int | str,
             constraints: Iterable[Constraint] = (), *, key: str = "") -> Variant:
    """The variant for ``seed``: parameters drawn deterministically, redrawn until all ``constraints`` hold.

    ``answer`` is a SymPy expression in symbols named like the parameters, or a callable taking the
    parameters as keyword arguments. ``constraints`` are callables taking the parameter dict. ``key``
    (for example the question id) gives the same student different numbers in different questions.
    """
    checks = list(constraints)
    _check_specs(params)
    for attempt in range(MAX_ATTEMPTS):
        drawn = {name: draw(spec, _rng(seed, key, name, attempt)) for name, spec in params.items()}
        if all(check(drawn) for check in checks):
            variant = Variant(str(seed), drawn, evaluate_answer(answer, drawn))
            from sciedu.kit.live import remember_variant  # an answer box built next may follow this variant

            remember_variant(params, answer, checks, key, variant)
            return variant
    msg = f"no parameters for seed {seed!r} satisfy the constraints after {MAX_ATTEMPTS} draws"
    raise ValueError(msg)


def variant_table(params: Mapping[str, Spec], answer: Answer, seeds: Iterable[int | str],
                  constraints: Iterable[Constraint] = (), *, key: str = "") -> VariantTable:
    """One :class:`Variant` per seed, in the order given."""
    checks = list(constraints)
    return VariantTable(variants(params, answer, seed, checks, key=key) for seed in seeds)


def stable_seed(*parts: object) -> int:
    """A 64-bit integer from ``parts``, the same in every process (unlike ``hash``)."""
    text = "\x1f".join(str(part) for part in parts)
    return int.from_bytes(hashlib.sha256(text.encode("utf-8")).digest()[:8], "big")


def draw(spec: Spec, rng: random.Random) -> Any:
    """One value from a ``(low, high, step)`` range (both ends included) or from a list of choices."""
    if isinstance(spec, tuple):
        values = range_values(spec)
        return values[rng.randrange(len(values))]
    return spec[rng.randrange(len(spec))]


def range_values(spec: tuple) -> list[int | float]:
    """All values of ``(low, high, step)``; exact decimal steps, so (0.1, 0.3, 0.1) gives 0.1, 0.2, 0.3."""
    low, high, step = spec if len(spec) == 3 else (*spec, 1)
    exact = [Fraction(str(v)) for v in (low, high, step)]
    count = int((exact[1] - exact[0]) / exact[2]) + 1
    as_int = all(isinstance(v, int) for v in (low, high, step))
    return [_number(exact[0] + k * exact[2], as_int) for k in range(count)]


def evaluate_answer(answer: Answer, params: Mapping[str, Any]) -> Any:
    """The answer at ``params``: an int or float for a SymPy expression, whatever a callable returns."""
    import sympy  # here, not at the top: a notebook with callable answers need not load SymPy

    if isinstance(answer, sympy.Basic):
        values = {s: params[s.name] for s in answer.free_symbols if getattr(s, "name", None) in params}
        result = answer.subs(values)
        if result.free_symbols:
            missing = ", ".join(sorted(s.name for s in result.free_symbols))
            msg = f"answer uses {missing}, which are not parameters"
            raise ValueError(msg)
        return int(result) if result.is_Integer else float(result)
    if callable(answer):
        return answer(**params)
    msg = f"answer must be a SymPy expression or a callable, not {answer!r}"
    raise TypeError(msg)


def format_value(value: Any) -> str:
    """Numbers to at most 6 significant figures; anything else as ``str``; ``|`` escaped for tables."""
    if isinstance(value, float):
        text = f"{value:.6g}"
    else:
        text = str(value)
    return text.replace("|", "\\|")


def _check_specs(params: Mapping[str, Spec]) -> None:
    for name, spec in params.items():
        if isinstance(spec, tuple):
            _check_range(name, spec)
        elif isinstance(spec, (str, bytes)) or not isinstance(spec, Sequence) or not spec:
            msg = f"parameter {name!r}: expected (low, high, step) or a non-empty list of choices, got {spec!r}"
            raise ValueError(msg)


def _check_range(name: str, spec: tuple) -> None:
    numbers = len(spec) in (2, 3) and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in spec)
    if not numbers or spec[1] < spec[0] or (len(spec) == 3 and spec[2] <= 0):
        msg = f"parameter {name!r}: expected (low, high, step) with low <= high and step > 0, got {spec!r}"
        raise ValueError(msg)


def _rng(seed: int | str, key: str, name: str, attempt: int) -> random.Random:
    return random.Random(stable_seed(key, seed, name, attempt))


def _number(value: Fraction, as_int: bool) -> int | float:
    return int(value) if as_int else float(value)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"
