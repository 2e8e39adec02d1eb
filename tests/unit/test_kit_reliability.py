"""Whatever a student types, every entry point of the kit answers with Feedback and never raises."""

from __future__ import annotations

import time

import pytest

from sciedu.kit import KINDS, Feedback, MultipleChoice, Option, Prediction, check_expression, check_quantity

NASTY = [
    "", " ", "\t\n", "x" * 100_000, "9" * 5000, "\x00\x1b[31m", "🙂" * 50, "\u202e\u200b", "ﷺ", "𝑥²", "Ⅻ", "٣",
    "__import__('os')", "__import__('os').system('true')", "().__class__", "().__class__.__bases__[0]",
    "lambda: 0", "lambda x: x", "(" * 1000 + ")" * 1000, "(" * 1000, ")" * 1000, "10**10**10", "9**9**9",
    "1e308 * 1e308", "1e-400", "nan", "inf", "-" * 1000, "^" * 100, "√" * 100 + "x", "x" * 499, "1/0", "0/0",
    "{}", "[]", "None", "True", "print('hi')", "\\", "%s%s%s", "{0}", "<script>", "x\ny", "米" * 100,
]


def _choice() -> MultipleChoice:
    return MultipleChoice("Q", [Option("a", True), Option("b")])


@pytest.mark.parametrize("text", NASTY, ids=range(len(NASTY)))
def test_nothing_a_student_types_raises(text: str) -> None:
    start = time.process_time()  # CPU time of this process: a guard against runaway input, not a speed target
    results = [
        check_quantity(text, "9.8 m/s^2"), check_quantity(text, "3", lang="en"),
        check_expression(text, "x**2 + 1"), check_expression(text, "v0*t", lang="en"),
        _choice().check(text), Prediction("Q", "A").predict(text),
    ]
    assert all(isinstance(r, Feedback) and r.kind in KINDS and r.message for r in results)
    assert time.process_time() - start < 10
