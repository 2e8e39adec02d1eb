"""A small, safe reader for students' algebra: text in, SymPy expression out, nothing ever evaluated as code.

SymPy's own ``parse_expr`` runs Python ``eval`` on its input, so a student could type
``__import__('os').system(...)``. This module instead tokenizes with a regular expression and builds the
expression by precedence climbing, calling SymPy constructors itself. Only numbers, the declared symbols,
``pi`` and ``E`` and a few functions are known; anything else (strings, attribute access, subscripts,
lambdas, commas, ``=``) stops the reader with an :class:`ExpressionError` that says what was unexpected.

Grammar, loosest binding first (implicit multiplication such as ``2x`` or ``2(x+1)`` is a ``*``)::

    sum     := term (("+" | "-") term)*
    term    := unary (("*" | "/") unary | <implicit> power)*
    unary   := ("+" | "-") unary | power
    power   := primary ("**" unary)?          # right-associative: 2**3**2 = 2**9
    primary := number | name | function "(" sum ")" | "(" sum ")" | "√" power

Sizes are bounded before SymPy computes anything: the length of the text, the nesting depth, the digits of a
literal, and every constant power (``9**9**9`` is refused, not computed).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import sympy

from sciedu.kit.messages import message
from sciedu.kit.normalize import normalize

MAX_LENGTH = 500
MAX_DEPTH = 50
MAX_EXPONENT = 100        # |n| in a**n when n is a constant
MAX_DIGITS = 1000         # decimal digits of a constant power
MAX_LITERAL_DIGITS = 50   # digits in one number as typed
MAX_LITERAL_EXPONENT = 300

FUNCTIONS: dict[str, Callable[[sympy.Expr], sympy.Expr]] = {
    "sin": sympy.sin, "cos": sympy.cos, "tan": sympy.tan, "exp": sympy.exp,
    "log": sympy.log, "ln": sympy.log, "sqrt": sympy.sqrt, "abs": sympy.Abs,
}
CONSTANTS: dict[str, sympy.Expr] = {"pi": sympy.pi, "π": sympy.pi, "E": sympy.E}
# A student may type the letter or its name, whichever the teacher declared.
GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "Δ": "Delta", "ε": "epsilon", "θ": "theta",
         "λ": "lambda", "μ": "mu", "ν": "nu", "ρ": "rho", "σ": "sigma", "τ": "tau", "φ": "phi", "ω": "omega"}

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<number>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)
  | (?P<name>[^\W\d]\w*)
  | (?P<op>\*\*|[-+*/()√])
""", re.VERBOSE)
_STARTS_IMPLICIT = frozenset({"name", "(", "√"})


@dataclass(frozen=True)
class Token:
    kind: str       # "number", "name", "op" or "end"
    text: str
    position: int   # 1-based character position in the normalized text


class ExpressionError(ValueError):
    """Text that is not an expression the kit accepts. ``key`` selects the message; see :meth:`describe`."""

    def __init__(self, key: str, token: str = "", position: int = 0, **params: Any) -> None:
        self.key = key
        self.token = token
        self.position = position
        self.params = params
        super().__init__(f"{key} at {position}: {token!r}")

    def describe(self, lang: str, names: Iterable[str] = ()) -> str:
        """The message for a student, in ``lang``; ``names`` are the variables they may use."""
        listed = ", ".join(names) or "—"
        text = message(self.key, lang, token=self.token, position=self.position, names=listed, **self.params)
        if self.key in ("p_unexpected_char", "p_unexpected_token"):
            text += " " + message("p_tip", lang, names=listed)
        return text


def parse_expression(text: str, symbols: Iterable[str | sympy.Symbol] = ("x",)) -> sympy.Expr:
    """The SymPy expression for ``text``, knowing only ``symbols``; raise :class:`ExpressionError` otherwise."""
    if len(text) > MAX_LENGTH:
        raise ExpressionError("too_long", limit=MAX_LENGTH)
    cleaned = normalize(text)
    if not cleaned:
        raise ExpressionError("empty")
    return _Parser(tokenize(cleaned), known_names(symbols)).parse()


def known_names(symbols: Iterable[str | sympy.Symbol]) -> dict[str, sympy.Expr]:
    """Name → object for the declared symbols, Greek-letter aliases, and pi/E (``e`` too unless declared)."""
    names: dict[str, sympy.Expr] = dict(CONSTANTS)
    for item in symbols:
        symbol = item if isinstance(item, sympy.Symbol) else sympy.Symbol(str(item))
        names[symbol.name] = symbol
    names.setdefault("e", sympy.E)
    for letter, word in GREEK.items():
        if word in names and letter not in names:
            names[letter] = names[word]
        elif letter in names and word not in names:
            names[word] = names[letter]
    return names


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text``, ending with an ``end`` token; an unknown character raises ExpressionError."""
    tokens, position = [], 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if not match:
            char = text[position]
            raise ExpressionError("p_equals" if char == "=" else "p_unexpected_char", char, position + 1)
        if match.lastgroup != "space":
            tokens.append(Token(match.lastgroup or "", match.group(), position + 1))
        position = match.end()
    tokens.append(Token("end", "", len(text) + 1))
    return tokens


def split_name(name: str, known: Mapping[str, object]) -> list[str] | None:
    """Read ``vt`` as ``v*t`` when ``v`` and ``t`` are known: the split into the fewest known names, or None."""
    best: dict[int, list[str]] = {0: []}
    for start in range(len(name)):
        if start not in best:
            continue
        for end in range(start + 1, len(name) + 1):
            part = name[start:end]
            if part in known and (end not in best or len(best[start]) + 1 < len(best[end])):
                best[end] = [*best[start], part]
    return best.get(len(name))


class _Parser:
    """Precedence climbing over a token list; one instance per expression."""

    def __init__(self, tokens: list[Token], names: Mapping[str, sympy.Expr]) -> None:
        self.tokens = tokens
        self.index = 0
        self.depth = 0
        self.names = names

    def parse(self) -> sympy.Expr:
        expr = self.sum()
        token = self.peek()
        if token.kind != "end":
            raise self.unexpected(token)
        return expr

    # grammar rules

    def sum(self) -> sympy.Expr:
        left = self.term()
        while self.peek().text in ("+", "-") and self.peek().kind == "op":
            sign = self.advance().text
            right = self.term()
            left = left + right if sign == "+" else left - right
        return left

    def term(self) -> sympy.Expr:
        left = self.unary()
        while True:
            token = self.peek()
            if token.kind == "op" and token.text in ("*", "/"):
                self.advance()
                right = self.unary()
                left = left * right if token.text == "*" else left / right
            elif token.kind in _STARTS_IMPLICIT or token.text in _STARTS_IMPLICIT:
                left = left * self.power()
            else:
                return left

    def unary(self) -> sympy.Expr:
        token = self.peek()
        if token.kind == "op" and token.text in ("+", "-"):
            self.advance()
            with self.nested(token):
                operand = self.unary()
            return -operand if token.text == "-" else operand
        return self.power()

    def power(self) -> sympy.Expr:
        base = self.primary()
        token = self.peek()
        if token.text != "**":
            return base
        self.advance()
        with self.nested(token):
            exponent = self.unary()
        return bounded_power(base, exponent, token)

    def primary(self) -> sympy.Expr:
        token = self.advance()
        if token.kind == "number":
            return read_number(token)
        if token.kind == "name":
            return self.name(token)
        if token.text == "(":
            return self.bracketed(token)
        if token.text == "√":
            with self.nested(token):
                return sympy.sqrt(self.power())
        raise self.unexpected(token)

    def name(self, token: Token) -> sympy.Expr:
        if token.text in FUNCTIONS:
            opening = self.advance()
            if opening.text != "(":
                raise ExpressionError("p_function_call", token.text, token.position)
            return FUNCTIONS[token.text](self.bracketed(opening))
        if token.text in self.names:
            return self.names[token.text]
        parts = split_name(token.text, self.names)
        if parts:
            return sympy.Mul(*(self.names[part] for part in parts))
        function = next((f for f in FUNCTIONS if token.text.startswith(f)), None)
        if function:
            raise ExpressionError("p_function_call", function, token.position)
        raise ExpressionError("p_unknown_name", token.text, token.position)

    def bracketed(self, opening: Token) -> sympy.Expr:
        with self.nested(opening):
            inner = self.sum()
        closing = self.advance()
        if closing.text != ")":
            raise ExpressionError("p_unclosed", "(", opening.position) if closing.kind == "end" \
                else self.unexpected(closing)
        return inner

    # helpers

    def peek(self) -> Token:
        return self.tokens[self.index]

    def advance(self) -> Token:
        token = self.tokens[self.index]
        self.index = min(self.index + 1, len(self.tokens) - 1)
        return token

    @contextmanager
    def nested(self, token: Token) -> Iterator[None]:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise ExpressionError("p_too_deep", token.text, token.position, limit=MAX_DEPTH)
        try:
            yield
        finally:
            self.depth -= 1

    @staticmethod
    def unexpected(token: Token) -> ExpressionError:
        if token.kind == "end":
            return ExpressionError("p_unexpected_end", "", token.position)
        if token.text == ")":
            return ExpressionError("p_unmatched_close", ")", token.position)
        return ExpressionError("p_unexpected_token", token.text, token.position)


def read_number(token: Token) -> sympy.Rational:
    """An exact Rational for ``2``, ``0.5`` or ``6.02e23``, refusing literals with too many digits."""
    mantissa, _, exponent = token.text.lower().partition("e")
    digits = len(mantissa.replace(".", "").lstrip("0"))
    if digits > MAX_LITERAL_DIGITS or (exponent and abs(int(exponent)) > MAX_LITERAL_EXPONENT):
        raise ExpressionError("p_too_large", token.text, token.position)
    value = Fraction(token.text)
    return sympy.Rational(value.numerator, value.denominator)


def bounded_power(base: sympy.Expr, exponent: sympy.Expr, token: Token) -> sympy.Expr:
    """``base**exponent``, refused before SymPy computes it when a constant exponent or result is huge."""
    if exponent.is_number:
        size = _magnitude(exponent)
        if size is None or size > MAX_EXPONENT:
            raise ExpressionError("p_too_large", token.text, token.position)
        base_size = _magnitude(base) if base.is_number else None
        if base_size and base_size > 1 and math.log10(base_size) * size > MAX_DIGITS:
            raise ExpressionError("p_too_large", token.text, token.position)
    return sympy.Pow(base, exponent)


def _magnitude(value: sympy.Expr) -> float | None:
    """|value| as a float, computed in floating point (never as an exact big number); None if undefined."""
    try:
        size = abs(complex(value.evalf(15)))
    except (TypeError, ValueError, OverflowError):
        return None
    return size if math.isfinite(size) else None
