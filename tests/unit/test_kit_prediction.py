"""Prediction: predict before the reveal, then observe, then explain."""

from __future__ import annotations

import json
from pathlib import Path

from sciedu.kit import Feedback, Prediction

PROMPT = {"zh": "把冰块放进盐水和清水中，哪一块先融化？", "en": "Ice in salt water and in fresh water: which melts first?"}
REVEAL = {"zh": "清水里的冰块先融化。", "en": "The ice in fresh water melts first."}


def test_reveal_is_refused_before_a_prediction() -> None:
    prediction = Prediction(PROMPT, REVEAL)
    assert prediction.reveal() == Feedback(False, "no_prediction", "请先写下你的预测，再查看结果。")
    assert prediction.predict("   ").kind == "empty"
    assert prediction.reveal().kind == "no_prediction"
    assert prediction.explain("because").kind == "no_prediction"


def test_predict_observe_explain() -> None:
    prediction = Prediction(PROMPT, REVEAL)
    assert prediction.predict("盐水里的先化") == Feedback(True, "recorded", "已记录你的预测。现在可以查看结果了。")
    assert prediction.prediction == "盐水里的先化"
    revealed = prediction.reveal(lang="en")
    assert revealed.kind == "revealed"
    assert revealed.message == ("Your prediction: 盐水里的先化\n\nWhat happened: The ice in fresh water melts first.\n\n"
                                "Now explain: does the result match your prediction? Why or why not?")
    assert prediction.explain("").kind == "empty"
    assert prediction.explain("冷的盐水沉在下面").kind == "explained"
    assert [e.step for e in prediction.entries] == ["prediction", "explanation"]


def test_reveal_callable_runs_only_after_the_prediction() -> None:
    calls: list[int] = []

    def run() -> dict[str, str]:
        calls.append(1)
        return REVEAL

    prediction = Prediction(PROMPT, run, explain={"zh": "为什么？", "en": "Why?"})
    prediction.reveal()
    assert calls == []
    prediction.predict("guess")
    assert prediction.reveal(lang="en").message.endswith("The ice in fresh water melts first.\n\nWhy?")
    assert calls == [1]


def test_predictions_are_appended_to_a_json_lines_file(tmp_path: Path) -> None:
    log = tmp_path / "predictions.jsonl"
    prediction = Prediction(PROMPT, REVEAL, log_path=log, prompt_id="ice-salt")
    prediction.predict("盐水")
    assert json.loads(log.read_text(encoding="utf-8")) == {
        "prompt_id": "ice-salt", "step": "prediction", "text": "盐水", "lang": "zh"}
    prediction.reveal()
    prediction.explain("密度", lang="en")
    lines = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert [line["step"] for line in lines] == ["prediction", "explanation"]
    assert lines[1]["lang"] == "en"


def test_an_unwritable_log_still_records_in_memory(tmp_path: Path) -> None:
    prediction = Prediction(PROMPT, REVEAL, log_path=tmp_path / "missing-dir" / "p.jsonl")
    feedback = prediction.predict("guess", lang="en")
    assert feedback.kind == "recorded"
    assert "couldn't be saved" in feedback.message
    assert prediction.reveal().kind == "revealed"


def test_odd_predictions_never_raise() -> None:
    prediction = Prediction(PROMPT, REVEAL)
    for text in (None, "x" * 10_000, "\x00", "__import__('os')", "<script>alert(1)</script>", 42):
        assert prediction.predict(text).kind in {"empty", "unparseable", "recorded"}  # type: ignore[arg-type]
