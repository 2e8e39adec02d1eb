"""The one result type of every check in the kit."""

from __future__ import annotations

import re
from dataclasses import dataclass

# What a ``Feedback.kind`` can be. ``correct`` is the only kind with ``correct=True`` among answer checks;
# the predict-observe-explain steps use ``recorded``, ``revealed`` and ``explained`` with ``correct=True``
# to mean "this step is done".
KINDS = (
    "correct",
    "empty",            # nothing typed
    "unparseable",      # could not be read: unknown unit or name, stray character, too long, too large, ...
    "wrong_number",     # quantity: right kind, value outside the tolerance
    "wrong_dimension",  # quantity: e.g. a speed where an acceleration was asked for
    "wrong_unit",       # quantity: right kind, value off by a unit conversion (10^3, 3.6, 60, ...)
    "missing_unit",     # quantity: a bare number where a unit was expected
    "not_equivalent",   # expression: parsed, but not equal to the expected one
    "incorrect",        # multiple choice: a wrong option
    "invalid_choice",   # multiple choice: no option chosen, or no such option
    "recorded",         # prediction recorded
    "no_prediction",    # reveal asked for before a prediction
    "revealed",         # observation shown
    "explained",        # explanation recorded
)
_DONE = frozenset({"recorded", "revealed", "explained"})
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~])")


@dataclass(frozen=True)
class Feedback:
    """What the student sees after a check: whether it was right, which kind of answer it was, and why.

    ``misconception`` names the misconception behind a wrong multiple-choice option, for teachers' tallies.
    """

    correct: bool
    kind: str
    message: str
    misconception: str | None = None

    def __str__(self) -> str:
        return self.message

    def _repr_markdown_(self) -> str:
        return f"{self.icon} {_escape_markdown(self.message)}"

    @property
    def icon(self) -> str:
        """✅ for a right answer, 📝 for a finished predict/observe/explain step, ❌ otherwise."""
        if self.kind in _DONE:
            return "📝"
        return "✅" if self.correct else "❌"


def _escape_markdown(text: str) -> str:
    """Backslash-escape Markdown syntax: messages quote what the student typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)
