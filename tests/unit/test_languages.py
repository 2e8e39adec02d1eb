"""Languages as configuration and interface messages as gettext catalogues (issue 11)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sciedu import catalogues, languages, metadata
from sciedu.errors import UsageError
from sciedu.kit import lang as kit_lang
from sciedu.kit.messages import message
from sciedu.languages import COLON, C_, LIST_SEPARATOR, N_, configured_languages
from sciedu.model import Text
from sciedu.project import Project
from sciedu.site import pages
from sciedu.site.i18n import BAND_NAMES, STRINGS, t

REPO = Path(__file__).resolve().parents[2]
THIRD = REPO / "tests" / "data" / "third-language"
CJK = "\u3400-\u9fff"


@pytest.fixture
def restore_languages():
    before = {code: languages.language_name(code) for code in languages.languages()}
    yield
    languages.activate(before)


@pytest.fixture
def korean_catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture's Korean catalogues compiled as a project build compiles them, on this process's path."""
    monkeypatch.delenv(kit_lang.LOCALE_PATH_ENV, raising=False)
    into = catalogues.compile_project(THIRD / "locale", tmp_path / "locale")
    assert into is not None
    return into


@pytest.mark.parametrize("domain", sorted(catalogues.DOMAINS))
def test_shipped_catalogues_are_complete_and_compiled(domain: str) -> None:
    """Every message in the code is translated in every shipped language, with the same placeholders, and the
    .mo beside each .po is its compiled form: `python3 tasks.py catalogues` mends a failure here."""
    spec = catalogues.DOMAINS[domain]
    shipped = sorted(spec.locale.glob(f"*/LC_MESSAGES/{domain}.po"))
    assert [po.parent.parent.name for po in shipped] == ["zh"]
    for po in shipped:
        assert catalogues.problems(spec, po) == []


def test_the_template_finds_the_messages_of_every_module() -> None:
    found = {(m.context, m.id) for m in catalogues.template(catalogues.DOMAINS["sciedu"]) if m.id}
    # one message from each kind of module: site, guides, reports, reference, checks
    assert {(None, "Activity catalogue"), ("lesson model", "Model"), ("session model", "Model"),
            (None, "Scientist-in-school sessions"), (None, "whole number ≥ {low}"),
            (None, "Noon shadow length through the year: longest at the winter solstice.")} <= found
    kit = {m.id for m in catalogues.template(catalogues.DOMAINS["kit"]) if m.id}
    assert {"Correct!", "a speed", "a quantity measured in {base}"} <= kit and "Activity catalogue" not in kit


def test_a_problem_names_the_catalogue_and_the_message(tmp_path: Path) -> None:
    spec = catalogues.DOMAINS["kit"]
    po = tmp_path / "zh" / "LC_MESSAGES" / "kit.po"
    po.parent.mkdir(parents=True)
    text = spec.po("zh").read_text(encoding="utf-8")
    text = text.replace('msgstr "正确！"', 'msgstr ""').replace("最多 {limit} 个字符", "最多 {limits} 个字符")
    po.write_text(text, encoding="utf-8")
    shutil.copy(spec.po("zh").with_suffix(".mo"), po.with_suffix(".mo"))
    found = catalogues.problems(spec, po)
    assert any(str(po) in p and "'Correct!' is not translated" in p for p in found)
    assert any("placeholders ['limits'] differ from the message's ['limit']" in p for p in found)
    assert any(p.startswith(str(po.with_suffix(".mo"))) and "not compiled" in p for p in found)


def test_messages_read_their_language_and_fall_back_to_english() -> None:
    assert STRINGS["catalog"]["zh"] == "活动目录" and STRINGS["catalog"]["en"] == "Activity catalogue"
    assert C_("lesson model", "Model")["zh"] == "教学模式" and C_("session model", "Model")["zh"] == "活动模式"
    assert t("search_count", "zh", n=3) == "找到 3 个页面"
    assert N_("Activity catalogue")["ko"] == "Activity catalogue"  # no Korean catalogue on the default path
    assert N_("a message nobody translated")["zh"] == "a message nobody translated"
    assert (COLON["zh"], COLON["en"], LIST_SEPARATOR["zh"]) == ("：", ": ", "、")


def test_chinese_catalogue_uses_chinese_punctuation() -> None:
    """No ASCII colon, comma, semicolon or question mark right after a Chinese character in the Chinese wording
    (code such as `[最小, 最大]` aside)."""
    for domain in catalogues.DOMAINS.values():
        for m in catalogues.read(domain.po("zh")):
            prose = re.sub(r"`[^`]*`", "", m.string or "")
            assert not re.search(f"[{CJK}][:;,?](?![/\\w])", prose), (domain.name, m.id, m.string)


def test_project_catalogues_add_a_language_and_win(korean_catalogues: Path) -> None:
    assert (korean_catalogues / "ko" / "LC_MESSAGES" / "kit.mo").is_file()
    assert N_("Activity catalogue")["ko"] == "활동 목록"
    assert N_("Scientific review")["ko"] == "Scientific review"  # untranslated there: English
    assert message("correct", "ko") == "정답입니다!"
    assert kit_lang.resolve_lang("ko-KR") == "ko" and "ko" in kit_lang.catalogued_languages()
    assert N_("Activity catalogue")["zh"] == "活动目录"  # the package's Chinese still answers
    # a class pack carries the catalogues the kit reads, the project's included
    files = pages.kit_files()
    assert {"sciedu/kit/locale/zh/LC_MESSAGES/kit.mo", "sciedu/kit/locale/ko/LC_MESSAGES/kit.mo"} <= set(files)


def test_kit_refuses_a_language_it_has_no_catalogue_for(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(kit_lang.LOCALE_PATH_ENV, raising=False)
    with pytest.raises(ValueError, match=r"Unknown language 'ko': expected one of en, zh"):
        kit_lang.resolve_lang("ko")


def test_languages_come_from_mkdocs_yml(tmp_path: Path, restore_languages) -> None:
    mkdocs = tmp_path / "mkdocs.yml"
    mkdocs.write_text("site_name: x\nextra:\n  languages:\n    en: English\n    ko: 한국어\n    zh: 中文\n", encoding="utf-8")
    assert configured_languages(mkdocs) == {"en": "English", "ko": "한국어", "zh": "中文"}
    (tmp_path / "activities").mkdir()
    Project(tmp_path)
    assert languages.languages() == ("en", "ko", "zh") and languages.default_language() == "en"
    assert languages.language_name("ko") == "한국어"
    mkdocs.write_text("site_name: x\ntheme: {name: material}\n", encoding="utf-8")
    assert configured_languages(mkdocs) == {"zh": "中文", "en": "English"}


@pytest.mark.parametrize(("block", "expected"), [
    ("  languages: [zh, en]\n", "extra.languages: expected a mapping of language codes to their names"),
    ("  languages:\n    Korean: 한국어\n", "extra.languages.Korean: expected a two- or three-letter lower-case language code"),
    ("  languages:\n    ko: ''\n", "extra.languages.ko: expected the language's name for itself"),
])
def test_a_bad_language_list_is_a_clear_error(tmp_path: Path, block: str, expected: str) -> None:
    mkdocs = tmp_path / "mkdocs.yml"
    mkdocs.write_text(f"site_name: x\nextra:\n{block}", encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        configured_languages(mkdocs)
    assert str(mkdocs) in caught.value.message and expected in caught.value.message


def test_activity_texts_are_required_in_every_configured_language(restore_languages) -> None:
    languages.activate({"zh": "中文", "en": "English", "ko": "한국어"})
    assert metadata.bilingual({"zh": "速度", "en": "speed", "ko": "속력"})["ko"] == "속력"
    with pytest.raises(metadata.Invalid) as caught:
        metadata.bilingual({"zh": "速度", "en": "speed"})
    assert "missing the 'ko' text" in str(caught.value.problems)
    with pytest.raises(metadata.Invalid) as caught:
        metadata.bilingual({"zh": "速度", "en": "speed", "ko": "속력", "fr": "vitesse"})
    assert "unknown language 'fr'; expected zh, en and ko" in str(caught.value.problems)
    # curriculum data stays Chinese and English whatever the site's languages
    assert metadata.curriculum_text({"zh": "速度", "en": "speed"})["ko"] == "speed"


def test_text_falls_back_to_english_for_a_language_it_lacks() -> None:
    text = Text(zh="速度", en="speed")
    assert (text["zh"], text["en"], text["ko"], text.zh) == ("速度", "speed", "speed", "速度")
    assert text == Text({"en": "speed", "zh": "速度"}) and hash(text) == hash(Text({"en": "speed", "zh": "速度"}))
    with pytest.raises(AttributeError):
        text.values = {}  # type: ignore[misc]


def test_band_names_are_messages_in_every_language() -> None:
    assert (BAND_NAMES["10-12"]["zh"], BAND_NAMES["10-12"]["en"]) == ("高中", "Grades 10–12")
