"""`sciedu standards search`: matching in code, Chinese or English, ranked."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciedu import curriculum
from sciedu.curriculum import search

FIXTURE = Path(__file__).parents[1] / "data" / "curriculum"


@pytest.fixture(scope="module")
def loaded():
    found, findings = curriculum.load(FIXTURE)
    assert findings == []
    return found


def _ids(hits: list[search.Hit]) -> list[str]:
    return [h.item.id for h in hits]


def test_exact_code_comes_before_prefix_and_words(loaded) -> None:
    hits = search.search(loaded, "1")
    exact = [h for h in hits if h.why == "code"]
    assert {h.item.code for h in exact} == {"1"} and "fixture-science:1" in _ids(exact)
    # every exact code (in any framework) ranks before the first prefix match
    assert _ids(hits)[: len(exact)] == _ids(exact)
    assert _ids(hits)[len(exact)] == "fixture-science:1.1" and hits[len(exact)].why == "code prefix"


def test_full_id_matches_exactly_in_any_case(loaded) -> None:
    hits = search.search(loaded, "FIXTURE-SCIENCE:1.1")
    assert _ids(hits) == ["fixture-science:1.1"] and hits[0].why == "code"


def test_chinese_name_and_statement(loaded) -> None:
    assert _ids(search.search(loaded, "速度", framework="fixture-science")) == ["fixture-science:1.1"]
    hits = search.search(loaded, "直线")
    assert _ids(hits) == ["other-science:A"] and hits[0].why == "statement"


def test_english_is_case_insensitive_and_names_rank_before_statements(loaded) -> None:
    hits = search.search(loaded, "SPEED", framework="fixture-science")
    assert [(h.item.id, h.why) for h in hits] == [("fixture-science:1.1", "name")]
    hits = search.search(loaded, "move", framework="fixture-science")
    assert [(h.item.id, h.why) for h in hits] == [("fixture-science:1", "statement")]


def test_language_framework_and_band_narrow_the_search(loaded) -> None:
    assert _ids(search.search(loaded, "速度", lang="en")) == []
    assert _ids(search.search(loaded, "light", framework="other-science")) == ["other-science:A"]
    assert "fixture-science:3" in _ids(search.search(loaded, "light"))
    assert _ids(search.search(loaded, "sound", band="5-6")) == []
    assert _ids(search.search(loaded, "sound", band="7-9")) == ["fixture-science:4"]
    assert "fixture-science:3" in _ids(search.search(loaded, "light", band="1-2"))  # band 'all' fits every band


def test_blank_text_matches_nothing(loaded) -> None:
    assert search.search(loaded, "  ") == []


def test_render_shows_both_languages(loaded) -> None:
    text = search.render(search.search(loaded, "fixture-science:1.1"))
    assert text.splitlines() == [
        "fixture-science:1.1  [5-6, learning-content]",
        "  zh: 速度 — 速度是路程与时间之比。",
        "  en: Speed — Speed is distance over time.",
    ]


@pytest.mark.parametrize(("name", "hint"), [("ngs", "'ngss-2013'"), ("ngss-2031", "'ngss-2013'"), ("cn-hs-physcs", "'cn-hs-physics'")])
def test_framework_hint(name: str, hint: str) -> None:
    assert hint in search.framework_hint(name, ["ngss-2013", "cn-hs-physics", "cn-hs-chemistry"])


def test_no_hint_for_nothing_alike() -> None:
    assert search.framework_hint("zzz", ["ngss-2013"]) == ""
