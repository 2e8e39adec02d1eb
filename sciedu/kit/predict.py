"""Predict, observe, explain: a prediction is written down before the result is shown."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Union

from sciedu.kit.feedback import Feedback
from sciedu.kit.lang import BiText, check_bitext, pick, resolve_lang
from sciedu.kit.messages import message

if TYPE_CHECKING:
    from sciedu.kit.widgets import PredictionWidget

log = logging.getLogger(__name__)

MAX_LENGTH = 5000
Reveal = Union[str, Mapping[str, str], Callable[[], object]]


@dataclass(frozen=True)
class Entry:
    """One recorded step: a prediction or an explanation."""

    step: str  # "prediction" or "explanation"
    text: str
    lang: str


class Prediction:
    """A predict → observe → explain prompt.

    ``reveal`` is the observation: a bilingual text, or a callable (run the simulation, draw the plot) whose
    result, if it is a string or a bilingual mapping, is shown as text. :meth:`reveal` refuses until a
    prediction has been recorded with :meth:`predict`. With ``log_path``, every prediction and explanation
    is also appended to that JSON-lines file, tagged with ``prompt_id``.
    """

    def __init__(self, prompt: BiText, reveal: Reveal, *, explain: BiText | None = None,
                 log_path: str | Path | None = None, prompt_id: str = "") -> None:
        check_bitext(prompt, "Prediction prompt")
        if not callable(reveal):
            check_bitext(reveal, "Prediction reveal")
        self.prompt = prompt
        self._reveal = reveal
        self.explain_prompt = explain
        self.log_path = Path(log_path) if log_path is not None else None
        self.prompt_id = prompt_id
        self.entries: list[Entry] = []
        self.revealed = False

    @property
    def prediction(self) -> str | None:
        """The latest recorded prediction, or None."""
        return next((e.text for e in reversed(self.entries) if e.step == "prediction"), None)

    def predict(self, text: str, lang: str = "zh") -> Feedback:
        """Record a prediction (in memory, and in the log file if there is one)."""
        return self._save("prediction", text, resolve_lang(lang), "r_empty_prediction", "recorded", "r_recorded")

    def reveal(self, lang: str = "zh") -> Feedback:
        """The observation, with the prediction beside it and a request to explain; refused before a prediction."""
        lang = resolve_lang(lang)
        if self.prediction is None:
            return Feedback(False, "no_prediction", message("r_no_prediction", lang))
        observation = self._observe(lang)
        self.revealed = True
        explain = pick(self.explain_prompt, lang) or message("r_explain", lang)
        text = message("r_reveal", lang, prediction=self.prediction, observation=observation, explain=explain)
        return Feedback(True, "revealed", text)

    def explain(self, text: str, lang: str = "zh") -> Feedback:
        """Record the student's explanation, once the observation has been shown."""
        lang = resolve_lang(lang)
        if not self.revealed:
            return Feedback(False, "no_prediction", message("r_explain_first", lang))
        return self._save("explanation", text, lang, "r_empty_explanation", "explained", "r_explained")

    def widget(self, lang: str = "zh") -> PredictionWidget:
        """A Textarea and buttons to record the prediction, show the result and explain (needs ipywidgets)."""
        from sciedu.kit.widgets import prediction_widget

        return prediction_widget(self, lang)

    def _observe(self, lang: str) -> str:
        result = self._reveal() if callable(self._reveal) else self._reveal
        if result is None:
            return ""
        if isinstance(result, (str, Mapping)):
            return pick(result, lang)
        return str(result)

    def _save(self, step: str, text: str, lang: str, empty_key: str, kind: str, done_key: str) -> Feedback:
        """Validate and record one step's text; the feedback says whether it could also be logged."""
        text = _clean(text)
        if not text:
            return Feedback(False, "empty", message(empty_key, lang))
        if len(text) > MAX_LENGTH:
            return Feedback(False, "unparseable", message("too_long", lang, limit=MAX_LENGTH))
        saved = self._record(Entry(step, text, lang))
        note = "" if saved else " " + message("r_not_saved", lang)
        return Feedback(True, kind, message(done_key, lang) + note)

    def _record(self, entry: Entry) -> bool:
        """Keep the entry; append it to the log file if there is one. False if the file could not be written."""
        self.entries.append(entry)
        if self.log_path is None:
            return True
        line = {"prompt_id": self.prompt_id, "step": entry.step, "text": entry.text, "lang": entry.lang}
        try:
            with self.log_path.open("a", encoding="utf-8") as handle:
                handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        except OSError as err:
            log.warning("could not append to %s: %s", self.log_path, err)
            return False
        return True


def _clean(text: object) -> str:
    return "" if text is None else str(text).strip()
