"""Multiple-choice questions whose wrong options each explain the misconception behind them."""

from __future__ import annotations

import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sciedu.kit.feedback import Feedback
from sciedu.kit.lang import BiText, check_bitext, pick, resolve_lang, side_by_side
from sciedu.kit.messages import message

if TYPE_CHECKING:
    from sciedu.kit.widgets import ChoiceWidget

LETTERS = string.ascii_uppercase


@dataclass(frozen=True)
class Option:
    """One option: its text, whether it is right, what to tell a student who picks it, and the misconception
    (a short label such as ``"heavier falls faster"``, or a bilingual text) that makes it attractive."""

    text: BiText
    correct: bool = False
    feedback: BiText | None = None
    misconception: BiText | None = None


@dataclass(frozen=True)
class MultipleChoice:
    """A question and its options; :meth:`check` answers a choice, :meth:`widget` shows it as RadioButtons.

    A choice is the option's 0-based index, its letter (``"B"``, ``"b"``, ``"Ｂ"``) or its exact text.
    """

    question: BiText
    options: Sequence[Option] = field(default_factory=tuple)

    def __post_init__(self) -> None:
        object.__setattr__(self, "options", tuple(self.options))
        check_bitext(self.question, "MultipleChoice question")
        if not 2 <= len(self.options) <= len(LETTERS):
            msg = f"MultipleChoice needs 2 to {len(LETTERS)} options, got {len(self.options)}"
            raise ValueError(msg)
        for number, option in enumerate(self.options):
            _check_option(option, f"MultipleChoice options[{number}]")
        if not any(option.correct for option in self.options):
            msg = "MultipleChoice needs at least one option with correct=True"
            raise ValueError(msg)

    def labels(self, lang: str = "zh") -> list[str]:
        """``["A. …", "B. …"]``: the options as a student sees them."""
        return [f"{LETTERS[i]}. {pick(option.text, lang)}" for i, option in enumerate(self.options)]

    def index_of(self, choice: object) -> int | None:
        """The 0-based option index a choice means, or None if it means none of them."""
        if isinstance(choice, bool):
            return None
        if isinstance(choice, int):
            return choice if 0 <= choice < len(self.options) else None
        if not isinstance(choice, str):
            return None
        text = unicodedata.normalize("NFKC", choice).strip().rstrip(".)、．")
        if len(text) == 1 and text.upper() in LETTERS[: len(self.options)]:
            return LETTERS.index(text.upper())
        return next((i for i, option in enumerate(self.options) if text in _texts(option.text)), None)

    def check(self, choice: object, lang: str = "zh") -> Feedback:
        """Feedback for one choice: the option's own feedback, and its misconception when it is wrong."""
        lang = resolve_lang(lang)
        if choice is None or (isinstance(choice, str) and not choice.strip()):
            return Feedback(False, "invalid_choice", message("c_none", lang))
        index = self.index_of(choice)
        if index is None:
            last = LETTERS[len(self.options) - 1]
            return Feedback(False, "invalid_choice", message("c_invalid", lang, first="A", last=last))
        return self._feedback(self.options[index], lang)

    def to_markdown(self, lang: str = "zh") -> str:
        """The question and lettered options, for a notebook without widgets."""
        lines = [pick(self.question, lang), ""]
        lines += [f"- {label}" for label in self.labels(lang)]
        return "\n".join(lines)

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def widget(self, lang: str = "zh") -> ChoiceWidget:
        """RadioButtons with a Check button and the feedback below them (needs ipywidgets)."""
        from sciedu.kit.widgets import choice_widget

        return choice_widget(self, lang)

    def _feedback(self, option: Option, lang: str) -> Feedback:
        own = pick(option.feedback, lang)
        if option.correct:
            return Feedback(True, "correct", own or message("correct", lang))
        misconception = pick(option.misconception, lang) or None
        parts = [own or message("c_incorrect", lang)]
        if misconception:
            parts.append(message("c_misconception", lang, misconception=misconception))
        label = option.misconception if isinstance(option.misconception, str) else misconception
        return Feedback(False, "incorrect", side_by_side(resolve_lang(lang), *parts), misconception=label)


def _check_option(option: Any, where: str) -> None:
    if not isinstance(option, Option):
        msg = f"{where}: expected an Option, got {type(option).__name__}"
        raise TypeError(msg)
    check_bitext(option.text, f"{where}.text")
    for name in ("feedback", "misconception"):
        if getattr(option, name) is not None:
            check_bitext(getattr(option, name), f"{where}.{name}")


def _texts(text: BiText) -> set[str]:
    return {text.strip()} if isinstance(text, str) else {v.strip() for v in text.values() if isinstance(v, str)}
