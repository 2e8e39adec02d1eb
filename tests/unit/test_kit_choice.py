"""MultipleChoice: per-option feedback tied to misconceptions, and choices in every form a student gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciedu.kit import KINDS, Feedback, MultipleChoice, Option

FAST = settings(max_examples=50, deadline=None)


def falling() -> MultipleChoice:
    return MultipleChoice(
        {"zh": "从同一高度同时释放一个铁球和一个木球（忽略空气阻力），哪个先落地？",
         "en": "An iron ball and a wooden ball are dropped together from the same height (no air resistance). "
               "Which lands first?"},
        [
            Option({"zh": "铁球", "en": "The iron ball"}, False,
                   {"zh": "不对。下落快慢与质量无关。", "en": "No. How fast things fall does not depend on mass."},
                   {"zh": "越重的物体下落越快。", "en": "heavier objects fall faster."}),
            Option({"zh": "木球", "en": "The wooden ball"}, False,
                   {"zh": "不对。", "en": "No."}, "lighter-falls-faster"),
            Option({"zh": "同时落地", "en": "They land together"}, True,
                   {"zh": "对！两个球的加速度都是 g。", "en": "Right! Both accelerate at g."}),
            Option("42", False),
        ],
    )


def test_correct_option_gets_its_own_feedback() -> None:
    assert falling().check(2) == Feedback(True, "correct", "对！两个球的加速度都是 g。")
    assert falling().check("C", lang="en") == Feedback(True, "correct", "Right! Both accelerate at g.")


def test_wrong_option_names_its_misconception() -> None:
    feedback = falling().check("A")
    assert feedback == Feedback(False, "incorrect", "不对。下落快慢与质量无关。这是一个常见的误解：越重的物体下落越快。",
                                misconception="越重的物体下落越快。")
    english = falling().check(0, lang="en")
    assert english.message == ("No. How fast things fall does not depend on mass. "
                               "This is a common misconception: heavier objects fall faster.")
    assert falling().check("b").misconception == "lighter-falls-faster"


def test_option_without_feedback_gets_a_default() -> None:
    assert falling().check("D", lang="en") == Feedback(False, "incorrect", "Not quite. Think again.")


@pytest.mark.parametrize("choice", [2, "C", "c", "Ｃ", " c ", "C.", "同时落地", "They land together"])
def test_a_choice_may_be_an_index_a_letter_or_the_text(choice: object) -> None:
    assert falling().check(choice).correct


@pytest.mark.parametrize(("choice", "kind"), [
    (None, "invalid_choice"), ("", "invalid_choice"), (" ", "invalid_choice"), (4, "invalid_choice"),
    (-1, "invalid_choice"), ("E", "invalid_choice"), (True, "invalid_choice"), (2.0, "invalid_choice"),
    ("__import__('os')", "invalid_choice"), (object(), "invalid_choice"), ("A" * 10_000, "invalid_choice"),
])
def test_invalid_choices_get_a_message(choice: object, kind: str) -> None:
    feedback = falling().check(choice, lang="en")
    assert feedback.kind == kind and not feedback.correct and feedback.message


def test_invalid_choice_message_names_the_range() -> None:
    assert falling().check("Z").message == "没有这个选项：请选择 A 到 D 中的一个。"


def test_markdown_for_a_notebook_without_widgets() -> None:
    assert falling().to_markdown("en").splitlines()[2:] == [
        "- A. The iron ball", "- B. The wooden ball", "- C. They land together", "- D. 42"]
    assert falling().labels("zh")[0] == "A. 铁球"


@pytest.mark.parametrize(("question", "options"), [
    ("Q", [Option("a", True)]),                                  # one option
    ("Q", [Option("a"), Option("b")]),                           # nothing correct
    ("Q", ["a", "b"]),                                           # not Options
    ({"fr": "Q"}, [Option("a", True), Option("b")]),             # no zh or en
    ({"zh": "问", "de": "Q"}, [Option("a", True), Option("b")]),  # unknown language key
    ("Q", [Option(3, True), Option("b")]),                       # text not a string
])
def test_badly_written_questions_raise(question: object, options: list) -> None:
    with pytest.raises((ValueError, TypeError)):
        MultipleChoice(question, options)  # type: ignore[arg-type]


def test_missing_language_falls_back_to_the_other() -> None:
    question = MultipleChoice({"zh": "问题"}, [Option({"zh": "对"}, True), Option({"zh": "错"})])
    assert question.check(0, lang="en").message == "Correct!"
    assert question.labels("en") == ["A. 对", "B. 错"]


@FAST
@given(st.one_of(st.text(max_size=30), st.integers(), st.none(), st.floats()))
def test_any_choice_gives_feedback(choice: object) -> None:
    assert falling().check(choice).kind in KINDS
