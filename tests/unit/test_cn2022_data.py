"""The 2022 compulsory science standard as data: band requirements, provenance, honest notes, activity alignment."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sciedu import curriculum, sources

REPO = Path(__file__).parents[2]
FRAMEWORK = "cn-compulsory-science-2022"
BANDS = ("1-2", "3-4", "5-6", "7-9")


@pytest.fixture(scope="module")
def loaded():
    data, findings = curriculum.load(REPO / "curriculum")
    assert findings == []
    return data


@pytest.fixture(scope="module")
def framework(loaded):
    return loaded.frameworks[FRAMEWORK]


def _of_type(framework, kind: str) -> list:
    return [item for item in framework.items.values() if item.type == kind]


def test_learning_contents_use_the_standards_numbering_under_their_core_concept(framework) -> None:
    contents = _of_type(framework, "learning-content")
    assert len(contents) >= 30
    for item in contents:
        core, _, number = item.code.partition(".")
        assert number.isdigit() and item.parent == core, item.code
        assert framework.items[core].type == "core-concept"
        assert item.band == "all" and item.statement["zh"] == item.name.zh


def test_band_requirements_are_children_coded_content_dash_band(framework) -> None:
    requirements = _of_type(framework, "learning-requirement")
    assert requirements, "no band requirements in the data"
    for item in requirements:
        assert item.band in BANDS, item.code
        assert item.code == f"{item.parent}-{item.band}"
        assert framework.items[item.parent].type == "learning-content"
        assert item.statement["zh"] and item.statement["en"]
        assert item.provenance == {"zh": "official", "en": "translation"}


def test_every_content_and_requirement_cites_the_copies_it_was_checked_against(framework) -> None:
    for item in _of_type(framework, "learning-content") + _of_type(framework, "learning-requirement"):
        assert item.checked_against, f"{item.code} records no copy"
        for copy in item.checked_against:
            assert copy["title"].strip() and re.match(r"https?://\S+$", copy["url"]), (item.code, copy)
        urls = [copy["url"] for copy in item.checked_against]
        assert len(set(urls)) == len(urls), f"{item.code} lists one copy twice"


def test_the_notes_state_the_counts_the_data_has(framework) -> None:
    items = list(framework.items.values())
    two = sum(len(item.checked_against) >= 2 for item in items)
    one = sum(len(item.checked_against) == 1 for item in items)
    assert two + one == len(items), "every item should cite at least one copy"
    en, zh = framework.notes["en"], framework.notes["zh"]
    contents = len(_of_type(framework, "learning-content"))
    requirements = len(_of_type(framework, "learning-requirement"))
    assert f"Included ({len(items)} items)" in en and f"已收录（共{len(items)}项）" in zh
    assert f"{contents} learning contents" in en and f"{contents}条学习" in zh
    assert f"{requirements} band content requirements" in en and f"{requirements}条分学段内容要求" in zh
    assert f"{two} statements confirmed by two copies" in en and f"经两份副本确认{two}条" in zh
    assert f"{one} confirmed by one copy only" in en and f"只经一份副本确认{one}条" in zh
    for item in _of_type(framework, "learning-requirement"):
        assert item.code in en and item.code in zh


def test_bundled_activities_align_below_core_concept_level(framework) -> None:
    activities, findings = sources.load_library(REPO / "activities")
    assert findings == []
    aligned = 0
    for activity in activities:
        for standard in activity.metadata.standards:
            prefix, _, code = standard.partition(":")
            if prefix != FRAMEWORK:
                continue
            aligned += 1
            item = framework.items[code]
            assert item.type in {"learning-content", "learning-requirement"}, f"{activity.id}: {standard}"
            if item.type == "learning-requirement":
                assert item.band == activity.metadata.grade_band, f"{activity.id}: {standard}"
    assert aligned >= 2  # noon-shadows' two items; stopping-distance (10-12) now aligns to cn-hs-physics instead
