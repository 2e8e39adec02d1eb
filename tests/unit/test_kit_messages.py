"""The kit's messages in every catalogued language, and Feedback's display."""

from __future__ import annotations

import string

import pytest

from sciedu.kit import KINDS, Feedback
from sciedu.kit.lang import catalogued_languages, pick, resolve_lang
from sciedu.kit.messages import MESSAGES, message


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_message_is_translated_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert {"zh", "en"} <= set(catalogued_languages())
    for lang in catalogued_languages():
        assert _fields(entry[lang]) == _fields(entry["en"]), lang
        assert entry[lang].strip(), lang
    assert entry["zh"] != entry["en"]  # a Chinese wording, not the English fallen through


def test_chinese_messages_use_chinese_punctuation() -> None:
    for key, entry in MESSAGES.items():
        assert "," not in entry["zh"].replace("{", "").replace("}", "") or key.startswith("w_"), key


def test_message_fills_placeholders() -> None:
    assert message("too_long", "en", limit=5) == "That answer is too long (at most 5 characters)."
    assert message("too_long", "zh-CN", limit=5) == "答案太长了（最多 5 个字符）。"


@pytest.mark.parametrize(("given", "expected"), [("zh", "zh"), ("zh_CN", "zh"), ("ZH-Hans", "zh"), ("en-GB", "en"),
                                                 ("cn", "zh"), ("English", "en")])
def test_language_aliases(given: str, expected: str) -> None:
    assert resolve_lang(given) == expected


def test_unknown_language_raises() -> None:
    with pytest.raises(ValueError, match="Unknown language 'fr'"):
        resolve_lang("fr")


def test_pick_falls_back_between_languages() -> None:
    assert pick({"en": "only English"}, "zh") == "only English"
    assert pick("same", "en") == "same"
    assert pick(None, "en") == ""


def test_feedback_display() -> None:
    right = Feedback(True, "correct", "正确！")
    wrong = Feedback(False, "unparseable", "Unexpected “*” in x**_y_ <b>")
    assert str(right) == "正确！"
    assert right._repr_markdown_() == "✅ 正确！"
    assert wrong._repr_markdown_() == "❌ Unexpected “\\*” in x\\*\\*\\_y\\_ \\<b\\>"
    assert Feedback(True, "recorded", "ok").icon == "📝"
    assert "correct" in KINDS and len(set(KINDS)) == len(KINDS)
