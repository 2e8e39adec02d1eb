"""Widgets: built deterministically, keyboard-usable, and giving the same Feedback as the plain calls."""

from __future__ import annotations

import subprocess
import sys
from functools import partial

import ipywidgets
import pytest

from sciedu.kit import Feedback, MultipleChoice, Option, Prediction, answer_box, check_expression, check_quantity
from sciedu.kit.widgets import feedback_output

G = "9.8 m/s^2"


def question() -> MultipleChoice:
    return MultipleChoice({"zh": "哪个是加速度的单位？", "en": "Which is a unit of acceleration?"}, [
        Option("m/s", False, {"zh": "这是速度的单位。", "en": "That is a unit of speed."}, "speed-vs-acceleration"),
        Option("m/s²", True),
    ])


def test_answer_box_is_keyboard_usable() -> None:
    box = answer_box(partial(check_quantity, expected=G), "en")
    assert isinstance(box.text, ipywidgets.Text)
    assert box.text.continuous_update is False
    assert box.text.description_allow_html is False
    assert box.text.description == "Answer"
    assert box.text.placeholder == "Type your answer, press Enter to check"
    box.text.value = "980 cm/s²"  # what the front end sends when Enter is pressed
    assert box.feedback == check_quantity("980 cm/s²", G, lang="en")


@pytest.mark.parametrize("answer", ["9.8 m/s^2", "9800 m/s^2", "9.8", "", "__import__('os')", "9.8 m/s"])
def test_answer_box_handlers_match_the_plain_call(answer: str) -> None:
    box = answer_box(partial(check_quantity, expected=G))
    expected = check_quantity(answer, G)
    box.on_submit({"new": answer, "old": "", "name": "value"})
    assert box.feedback == expected
    box.text.value = answer
    box.feedback = None
    box.button.click()
    assert box.feedback == expected
    assert box.output.outputs == (feedback_output(expected),)


def test_answer_box_works_with_any_checker() -> None:
    box = answer_box(partial(check_expression, expected="v0*t + g*t**2/2"), "zh")
    box.text.value = "t*(v0 + g*t/2)"
    assert box.feedback == check_expression("t*(v0 + g*t/2)", "v0*t + g*t**2/2")
    assert box.check("t").kind == "not_equivalent"


def test_choice_widget_matches_the_plain_call() -> None:
    mc = question()
    widget = mc.widget("en")
    assert isinstance(widget.radio, ipywidgets.RadioButtons)
    assert widget.radio.value is None
    assert widget.radio.description_allow_html is False
    assert [label for label, _ in widget.radio.options] == ["A. m/s", "B. m/s²"]
    widget.button.click()
    assert widget.feedback == mc.check(None, lang="en")
    for index in (0, 1):
        widget.radio.value = index
        widget.button.click()
        assert widget.feedback == mc.check(index, lang="en")
    assert widget.feedback.correct


def test_prediction_widget_steps() -> None:
    prediction = Prediction({"zh": "会发生什么？", "en": "What will happen?"}, {"zh": "它浮起来了。", "en": "It floats."})
    widget = prediction.widget("en")
    assert isinstance(widget.text, ipywidgets.Textarea)
    assert widget.reveal_button.disabled and widget.explain_button.disabled
    widget.record_button.click()
    assert widget.feedback.kind == "empty" and widget.reveal_button.disabled
    widget.text.value = "It sinks"
    widget.record_button.click()
    assert widget.feedback.kind == "recorded" and not widget.reveal_button.disabled
    widget.reveal_button.click()
    assert widget.feedback == prediction.reveal("en")
    assert widget.feedback.message.startswith("Your prediction: It sinks")
    assert not widget.explain_button.disabled
    widget.explanation.value = "Wood is less dense"
    widget.explain_button.click()
    assert widget.feedback.kind == "explained"
    assert [entry.text for entry in prediction.entries] == ["It sinks", "Wood is less dense"]


def _texts(widget: ipywidgets.Widget) -> list[str]:
    found = [getattr(widget, name) for name in ("description", "placeholder", "value", "tooltip")
             if isinstance(getattr(widget, name, None), str)]
    if isinstance(widget, ipywidgets.RadioButtons):
        found += [label for label, _ in widget.options]
    for child in getattr(widget, "children", ()):
        found += _texts(child)
    return found


def test_construction_is_deterministic() -> None:
    builds = [
        lambda: answer_box(partial(check_quantity, expected=G)).box,
        lambda: question().widget("zh").box,
        lambda: Prediction("Q", "A").widget("en").box,
    ]
    for build in builds:
        first, second = build(), build()
        assert _texts(first) == _texts(second)
        assert first.model_id not in " ".join(_texts(first))


def test_feedback_output_escapes_markdown() -> None:
    output = feedback_output(Feedback(False, "unparseable", "<b>x</b>"))
    assert output["data"] == {"text/plain": "❌ <b>x</b>", "text/markdown": "❌ \\<b\\>x\\</b\\>"}


def test_without_ipywidgets_the_functions_still_work() -> None:
    code = """
import sys
sys.modules["ipywidgets"] = None  # makes "import ipywidgets" fail
from functools import partial
import sciedu.kit as kit
print(kit.check_quantity("9.8 m/s^2", "9.8 m/s^2").kind)
print(kit.check_expression("2x", "x+x").kind)
print(kit.MultipleChoice("Q", [kit.Option("a", True), kit.Option("b")]).check("A").kind)
try:
    kit.answer_box(partial(kit.check_quantity, expected="1 m"))
except ImportError as err:
    print("ImportError", "the check functions work without it" in str(err))
"""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split("\n") == ["correct", "correct", "correct", "ImportError True", ""]
