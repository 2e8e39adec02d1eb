"""ipywidgets front-ends for the kit's checks. Everything here is optional: without ipywidgets the plain
functions (``check_quantity``, ``MultipleChoice.check``, ``Prediction.predict``, …) still work, and only
building a widget raises ImportError.

Keyboard use: the answer box's Text has ``continuous_update=False``, so its value reaches the kernel when the
student presses Enter (or leaves the box), and the box checks every new value: Enter submits. (ipywidgets 8
deprecates ``Text.on_submit`` in favour of exactly this.) RadioButtons and buttons are reachable with Tab.
Labels are plain text (``description_allow_html=False``); feedback goes to the Output as text and escaped
Markdown, so nothing a student types is rendered as HTML.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from sciedu.kit.feedback import Feedback
from sciedu.kit.lang import pick, resolve_lang
from sciedu.kit.messages import message

if TYPE_CHECKING:
    import ipywidgets

    from sciedu.kit.choice import MultipleChoice
    from sciedu.kit.predict import Prediction

Checker = Callable[..., Feedback]  # called as checker(answer, lang=lang)


def load_ipywidgets() -> Any:
    """The ipywidgets module, or an ImportError that says the plain functions still work."""
    try:
        import ipywidgets
    except ImportError as err:
        msg = ("sciedu.kit widgets need ipywidgets (pip install ipywidgets); "
               "the check functions work without it")
        raise ImportError(msg) from err
    return ipywidgets


def feedback_output(feedback: Feedback) -> dict[str, Any]:
    """A notebook ``display_data`` output for ``feedback``: plain text and escaped Markdown."""
    return {
        "output_type": "display_data",
        "data": {"text/plain": f"{feedback.icon} {feedback.message}", "text/markdown": feedback._repr_markdown_()},
        "metadata": {},
    }


class _Shown:
    """Shared by the widgets: the latest feedback, written to an Output, and notebook display of ``box``.

    The display bundle also carries the widget's live spec (:mod:`sciedu.kit.live`) under its own MIME type:
    Jupyter ignores it, the site converter turns it into a control that works in the browser.
    """

    box: ipywidgets.Box
    output: ipywidgets.Output
    feedback: Feedback | None = None

    def show(self, feedback: Feedback) -> Feedback:
        self.feedback = feedback
        self.output.outputs = (feedback_output(feedback),)
        return feedback

    def live_spec(self) -> dict[str, Any] | None:
        """What a web page needs to run this widget without a kernel; None if it cannot."""
        return None

    def _repr_mimebundle_(self, **kwargs: Any) -> Any:
        bundle = self.box._repr_mimebundle_(**kwargs)
        if "_live" not in self.__dict__:  # made once, when first shown: a seeded box links to its variant then
            try:
                self._live = self.live_spec()
            except Exception:  # noqa: BLE001 -- the notebook widget must work even if its web spec cannot be made
                self._live = None
        spec = self._live
        if spec is None or not isinstance(bundle, dict):
            return bundle
        from sciedu.kit.live import LIVE_MIME

        return {**bundle, LIVE_MIME: spec}


class AnswerBox(_Shown):
    """A Text input, a Check button and an Output for the feedback, around any checker."""

    def __init__(self, checker: Checker, lang: str = "zh", *, description: str | None = None,
                 placeholder: str | None = None) -> None:
        widgets = load_ipywidgets()
        self.checker = checker
        self.lang = resolve_lang(lang)
        self.text = widgets.Text(
            value="", description=description if description is not None else message("w_answer", self.lang),
            placeholder=placeholder if placeholder is not None else message("w_placeholder", self.lang),
            continuous_update=False, description_allow_html=False, layout=widgets.Layout(width="28em"))
        self.button = widgets.Button(description=message("w_check", self.lang),
                                     tooltip=message("w_check_tooltip", self.lang), icon="check")
        self.output = widgets.Output()
        self.text.observe(self.on_submit, names="value")
        self.button.on_click(self.on_click)
        self.box = widgets.VBox([widgets.HBox([self.text, self.button]), self.output])

    def check(self, answer: str | None = None) -> Feedback:
        """Check ``answer`` (default: the Text's value) and show the feedback."""
        text = self.text.value if answer is None else answer
        return self.show(self.checker(text, lang=self.lang))

    def on_submit(self, change: dict[str, Any]) -> None:
        """Enter pressed: with ``continuous_update=False`` the new value arrives only then (or on leaving)."""
        self.check(change["new"])

    def on_click(self, _button: object = None) -> None:
        self.check()

    def live_spec(self) -> dict[str, Any] | None:
        from sciedu.kit.live import answer_spec

        return answer_spec(self.checker, self.lang)


class ChoiceWidget(_Shown):
    """A multiple-choice question as RadioButtons, a Check button and an Output."""

    def __init__(self, question: MultipleChoice, lang: str = "zh") -> None:
        widgets = load_ipywidgets()
        self.question = question
        self.lang = resolve_lang(lang)
        self.prompt = widgets.HTML(value=html.escape(pick(question.question, self.lang)))
        self.radio = widgets.RadioButtons(
            options=[(label, i) for i, label in enumerate(question.labels(self.lang))], value=None,
            description=message("w_choice", self.lang), description_allow_html=False,
            layout=widgets.Layout(width="auto"))
        self.button = widgets.Button(description=message("w_check", self.lang), icon="check")
        self.output = widgets.Output()
        self.button.on_click(self.on_click)
        self.box = widgets.VBox([self.prompt, self.radio, self.button, self.output])

    def check(self, choice: object = None) -> Feedback:
        """Check ``choice`` (default: the selected option) and show the feedback."""
        selected = self.radio.value if choice is None else choice
        return self.show(self.question.check(selected, lang=self.lang))

    def on_click(self, _button: object = None) -> None:
        self.check()

    def live_spec(self) -> dict[str, Any] | None:
        from sciedu.kit.live import choice_spec

        return choice_spec(self.question, self.lang)


class PredictionWidget(_Shown):
    """Predict (Textarea + button), then show the result (button, enabled once predicted), then explain."""

    def __init__(self, prediction: Prediction, lang: str = "zh") -> None:
        widgets = load_ipywidgets()
        self.prediction = prediction
        self.lang = resolve_lang(lang)
        self.prompt = widgets.HTML(value=html.escape(pick(prediction.prompt, self.lang)))
        self.text = self._textarea(widgets, "w_prediction", "w_prediction_placeholder")
        self.record_button = widgets.Button(description=message("w_record", self.lang), icon="pencil")
        self.reveal_button = widgets.Button(description=message("w_reveal", self.lang), icon="eye",
                                            disabled=prediction.prediction is None)
        self.explanation = self._textarea(widgets, "w_explanation", "w_explanation_placeholder")
        self.explain_button = widgets.Button(description=message("w_explain", self.lang), icon="comment",
                                             disabled=not prediction.revealed)
        self.observation = widgets.Output()  # whatever a reveal callable displays (a plot, an animation)
        self.output = widgets.Output()
        self.record_button.on_click(self.on_record)
        self.reveal_button.on_click(self.on_reveal)
        self.explain_button.on_click(self.on_explain)
        self.box = widgets.VBox([
            self.prompt, self.text, widgets.HBox([self.record_button, self.reveal_button]),
            self.observation, self.output, self.explanation, self.explain_button])

    def record(self, text: str | None = None) -> Feedback:
        feedback = self.prediction.predict(self.text.value if text is None else text, lang=self.lang)
        self.reveal_button.disabled = self.prediction.prediction is None
        return self.show(feedback)

    def reveal(self) -> Feedback:
        self.observation.outputs = ()
        with self.observation:  # in a kernel, captures what the reveal callable displays
            feedback = self.prediction.reveal(lang=self.lang)
        self.explain_button.disabled = not self.prediction.revealed
        return self.show(feedback)

    def explain(self, text: str | None = None) -> Feedback:
        return self.show(self.prediction.explain(self.explanation.value if text is None else text, lang=self.lang))

    def live_spec(self) -> dict[str, Any] | None:
        from sciedu.kit.live import prediction_spec

        return prediction_spec(self.prediction, self.lang)

    def on_record(self, _button: object = None) -> None:
        self.record()

    def on_reveal(self, _button: object = None) -> None:
        self.reveal()

    def on_explain(self, _button: object = None) -> None:
        self.explain()

    def _textarea(self, widgets: Any, description: str, placeholder: str) -> Any:
        return widgets.Textarea(
            value="", description=message(description, self.lang), placeholder=message(placeholder, self.lang),
            continuous_update=False, description_allow_html=False, layout=widgets.Layout(width="36em", height="5em"))


def answer_box(checker: Checker, lang: str = "zh", *, description: str | None = None,
               placeholder: str | None = None) -> AnswerBox:
    """An answer box around ``checker``, e.g. ``answer_box(partial(check_quantity, expected="9.8 m/s^2"))``."""
    return AnswerBox(checker, lang, description=description, placeholder=placeholder)


def choice_widget(question: MultipleChoice, lang: str = "zh") -> ChoiceWidget:
    return ChoiceWidget(question, lang)


def prediction_widget(prediction: Prediction, lang: str = "zh") -> PredictionWidget:
    return PredictionWidget(prediction, lang)
