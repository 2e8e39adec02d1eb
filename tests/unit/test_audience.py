"""Public audiences (issue 15): ``audience:`` and ``facilitation:``, the check that a public session is complete,
the facilitator's guide, the large-print handout and the catalogue's audience filter."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sciedu import sources
from sciedu.checks import audience as rules
from sciedu.checks.context import Context
from sciedu.curriculum import loader
from sciedu.guides import worksheet
from sciedu.site import pages

REPO = Path(__file__).resolve().parents[2]
CURRICULUM = loader.load(REPO / "curriculum")[0]
CONTEXT = Context(curriculum=CURRICULUM)
PUBLIC = (
    'grade_band: "adult"\naudience: [older-adults, general-public]\n'
    "facilitation:\n"
    "  without_computers: {zh: 主持人用一台手机投屏，参与者在讲义上记录。, en: The facilitator shows one phone on a TV; participants write on the handout.}\n"
    "  accessibility:\n"
    "    - {zh: 讲义用大字打印。, en: Print the handout in large type.}\n"
)
CITIZENS = "  - cn-compulsory-science-2022:3\n  - public-science-literacy:3\n"


def _public(activity_with, *, standards: bool = True, facilitation: bool = True):
    text = PUBLIC if facilitation else PUBLIC.split("facilitation:")[0]
    activity = activity_with('grade_band: "5-6"\n', text)
    if standards:
        return _replace(activity, "  - cn-compulsory-science-2022:3\n", CITIZENS)
    return activity


def _replace(activity, old: str, new: str):
    path = activity.yaml_path
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    loaded, findings = sources.load_activity(activity.folder)
    assert findings == [], findings
    return loaded


def _rules(activity) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in rules.public_session_complete(activity, CONTEXT)]


def test_a_complete_public_session_passes(activity_with) -> None:
    activity = _public(activity_with)
    assert activity.metadata.public and activity.metadata.audience == ("older-adults", "general-public")
    assert _rules(activity) == []


def test_a_school_activity_is_for_students_and_needs_nothing_more(activity_with) -> None:
    activity = activity_with()
    assert activity.metadata.audience == ("students",) and not activity.metadata.public
    assert _rules(activity) == []


def test_a_public_session_without_facilitation_or_benchmark_is_told_what_to_add(activity_with) -> None:
    activity = _public(activity_with, standards=False, facilitation=False)
    findings = list(rules.public_session_complete(activity, CONTEXT))
    assert [(f.rule, f.severity) for f in findings] == [("facilitation-missing", "warning"), ("audience-benchmark-missing", "warning")]
    assert "without_computers" in findings[0].message and "public-science-literacy" in findings[1].message
    assert findings[1].line == 12  # the standards: key (after the inserted audience line)


def test_an_adult_activity_for_students_only_names_its_audience(activity_with) -> None:
    activity = activity_with('grade_band: "5-6"', 'grade_band: "adult"')
    [finding] = list(rules.public_session_complete(activity, CONTEXT))
    assert finding.rule == "audience-missing" and finding.line == 9 and "older-adults" in finding.message


def test_facilitation_on_a_class_activity_is_unused(activity_with) -> None:
    activity = activity_with('grade_band: "5-6"\n', 'grade_band: "5-6"\nfacilitation:\n  without_computers: {zh: 用纸。, en: On paper.}\n')
    assert _rules(activity) == [("facilitation-unused", "warning")]


def test_an_unknown_audience_is_a_located_error_with_a_suggestion(tmp_path: Path) -> None:
    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(REPO / "tests" / "data" / "library" / "physics" / "tiny-speed", folder)
    path = folder / "activity.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "audience: [older-adult]\n", encoding="utf-8")
    activity, findings = sources.load_activity(folder)
    [finding] = findings
    assert activity is None and finding.severity == "error"
    assert "audience[0]" in finding.message and "expected one of students, older-adults" in finding.message
    assert "did you mean 'older-adults'" in finding.message.lower()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_handout_is_large_print_for_adults(activity_with, lang: str) -> None:
    public = worksheet.render(_public(activity_with), lang, katex="k/")
    assert '<body class="large">' in public and ".large { font-size: 16pt" in public
    assert worksheet.x("handout", lang) in public and worksheet.x("handout_footer", lang) in public
    assert worksheet.x("number", lang) not in public and worksheet.x("class", lang) not in public  # no student number
    school = worksheet.render(activity_with(), lang, katex="k/")
    assert '<body class="large">' not in school and worksheet.x("number", lang) in school


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_catalogue_filters_by_audience_and_labels_public_rows(activity_with, lang: str) -> None:
    public, school = _public(activity_with), activity_with()
    catalog = pages._catalog([public, school], lang)
    assert 'data-audience="older-adults general-public"' in catalog and 'data-audience="students"' in catalog
    assert '<select name="audience"' in catalog and 'value="older-adults"' in catalog
    assert pages.audience_names(public.metadata.audience, lang) in catalog
    # one audience only: no filter to choose from
    assert '<select name="audience"' not in pages._catalog([school], lang)


def test_the_guide_of_a_public_session_is_a_facilitators_guide(activity_with) -> None:
    public = _public(activity_with)
    assert pages.guide_name(public, "zh") == "主持人指南" and pages.guide_name(public, "en") == "Facilitator's guide"
    assert pages.guide_name(activity_with(), "en") == "Teacher guide"


def test_the_library_summary_counts_bands_audiences_and_benchmark_alignment(activity_with) -> None:
    from sciedu.curriculum.coverage import library_summary

    public = _public(activity_with)
    unaligned = _public(activity_with, standards=False)
    school = activity_with()
    summary = library_summary([public, unaligned, school])
    assert "library: 3 activities" in summary and "5-6 1" in summary and "adult 2" in summary
    assert "students 1, older-adults 2, general-public 2" in summary
    assert "public activities aligned to public-science-literacy: 1 of 2" in summary
