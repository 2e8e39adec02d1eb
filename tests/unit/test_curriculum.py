"""Curriculum data: loading with located errors, alignment checks, coverage by hand, CASE export."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

import pytest

from sciedu import curriculum, sources
from sciedu.checks import standards
from sciedu.checks.context import Context
from sciedu.curriculum import case
from sciedu.curriculum.coverage import coverage, render

DATA = Path(__file__).parents[1] / "data"
FIXTURE = DATA / "curriculum"
REPO = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def fixture_curriculum():
    loaded, findings = curriculum.load(FIXTURE)
    assert findings == []
    return loaded


@pytest.fixture
def tiny(tmp_path: Path):
    """The fixture activity, aligned to fixture items given per test."""

    def make(*codes: str, band: str = "5-6"):
        folder = tmp_path / "physics" / "tiny-speed"
        shutil.copytree(DATA / "library" / "physics" / "tiny-speed", folder, dirs_exist_ok=True)
        path = folder / "activity.yaml"
        text = path.read_text(encoding="utf-8").replace("  - cn-compulsory-science-2022:3\n", "".join(f"  - {c}\n" for c in codes))
        path.write_text(text.replace('grade_band: "5-6"', f'grade_band: "{band}"'), encoding="utf-8")
        activity, findings = sources.load_activity(folder)
        assert findings == []
        return activity

    return make


def test_fixture_loads_with_parents_links_and_crosswalks(fixture_curriculum) -> None:
    fw = fixture_curriculum.frameworks["fixture-science"]
    assert len(fw.items) == 6
    assert [i.code for i in fw.children("F")] == ["1", "2", "3", "4"]
    assert [a.code for a in fw.ancestors("1.1")] == ["1", "F"]
    assert fixture_curriculum.item("fixture-science:1.1").statement["zh"] == "速度是路程与时间之比。"
    related = fixture_curriculum.related("other-science:A")
    assert [other for _, other in related] == ["fixture-science:3"]


def test_schema_errors_name_file_line_and_key(tmp_path: Path) -> None:
    folder = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, folder)
    items = folder / "fixture-science" / "items.yaml"
    text = items.read_text(encoding="utf-8")
    text = text.replace('  - code: "4"\n    parent: "F"', '  - code: 4\n    parent: "F"')  # unquoted code
    text = text.replace("    name: {zh: 能量, en: Energy}", "    name: {zh: 能量, en: Energy}\n    statment: {en: x}")
    text = text.replace('    parent: "1"\n    type: learning-content', '    parent: "9"\n    type: learning-content')
    items.write_text(text, encoding="utf-8")
    (folder / "crosswalks" / "fixture.yaml").write_text(
        (folder / "crosswalks" / "fixture.yaml").read_text(encoding="utf-8").replace("other-science:A", "other-science:B"), encoding="utf-8")
    _, findings = curriculum.load(folder)
    by_rule = {f.rule: f for f in findings}
    lines = text.splitlines()
    unknown_key = [f for f in findings if "statment" in f.message][0]
    assert "unknown key 'statment'" in unknown_key.message and "did you mean 'statement'" in unknown_key.message
    assert lines[unknown_key.line - 1].strip().startswith("statment")
    unquoted = [f for f in findings if "quoted string" in f.message][0]
    assert "items[5].code" in unquoted.message and lines[unquoted.line - 1].strip() == "- code: 4"
    assert "parent '9' is not an item" in by_rule["item-parent-unknown"].message
    dangling = [f for f in findings if f.rule == "crosswalk-unknown-item" and "other-science:B" in f.message][0]
    assert dangling.path.endswith("fixture.yaml")
    assert (folder / "crosswalks" / "fixture.yaml").read_text(encoding="utf-8").splitlines()[dangling.line - 1].strip() == "destination: other-science:B"


def test_unknown_code_gets_suggestions_and_band_mismatch_warns(fixture_curriculum, tiny) -> None:
    activity = tiny("fixture-science:1.2", "fixture-science:4", "fixture-scince:1")
    findings = list(standards.aligned_items_exist(activity, Context(fixture_curriculum)))
    assert [f.rule for f in findings] == ["standard-unknown", "standard-band-mismatch", "standard-framework-unknown"]
    assert "did you mean '1.1'" in findings[0].message
    assert findings[1].severity == "warning" and "band 7-9" in findings[1].message
    assert "did you mean 'fixture-science'" in findings[2].message
    lines = activity.yaml_path.read_text(encoding="utf-8").splitlines()
    assert lines[findings[0].line - 1].strip() == "- fixture-science:1.2"


def test_coverage_counts_by_hand(fixture_curriculum, tiny, tmp_path: Path) -> None:
    fw = fixture_curriculum.frameworks["fixture-science"]
    a = tiny("fixture-science:1.1", "fixture-science:4")  # band 5-6: covers 1 (via 1.1) and 4
    result = coverage(fw, [a])
    assert result.bands == ("5-6", "7-9")
    cells = {row.item.code: row.cells for row in result.rows}
    assert cells == {
        "1": {"5-6": ("physics/tiny-speed",), "7-9": ()},
        "2": {"5-6": (), "7-9": ()},
        "3": {"5-6": (), "7-9": ()},
        "4": {"5-6": ("physics/tiny-speed",), "7-9": ()},
    }
    assert [i.code for i in result.gaps] == ["2", "3"]
    data = json.loads(render(result, "json"))
    assert data["gaps"] == ["2", "3"]
    csv_text = render(result, "csv")
    assert csv_text.splitlines()[0] == "code,name,5-6,7-9,group"
    assert csv_text.splitlines()[1].endswith(",F")  # rows are grouped under their parent, the field F
    assert "2 of 4 covered" in render(result, "table")


def test_case_export_has_required_fields_and_valid_uuids(fixture_curriculum) -> None:
    package = case.export(fixture_curriculum, "fixture-science")
    doc = package["CFDocument"]
    for key in ("identifier", "uri", "creator", "title", "lastChangeDateTime"):
        assert doc[key]
    idents = {doc["identifier"]}
    for item in package["CFItems"]:
        for key in ("identifier", "uri", "fullStatement", "humanCodingScheme", "lastChangeDateTime", "CFItemType"):
            assert item[key], (key, item)
        assert uuid.UUID(item["identifier"]).version == 5
        idents.add(item["identifier"])
    other = {i["identifier"] for i in case.export(fixture_curriculum, "other-science")["CFItems"]}
    for association in package["CFAssociations"]:
        assert uuid.UUID(association["identifier"])
        assert association["associationType"] in {"isChildOf", "isRelatedTo", "precedes", "exactMatchOf", "isPartOf"}
        for end in ("originNodeURI", "destinationNodeURI"):
            assert association[end]["identifier"] in idents | other, association
    assert case.export(fixture_curriculum, "fixture-science") == package  # deterministic


def test_case_round_trip_keeps_every_item() -> None:
    loaded, findings = curriculum.load(REPO / "curriculum")
    assert findings == []
    for framework in loaded.frameworks.values():
        package = json.loads(case.dumps(case.export(loaded, framework.id)))
        items = case.read_items(package)
        assert set(items) == set(framework.items)
        for code, item in framework.items.items():
            assert items[code]["parent"] == item.parent
            assert items[code]["type"] == item.type


def test_an_item_fits_every_band_its_grades_reach() -> None:
    from sciedu.curriculum.model import Item
    from sciedu.model import Text

    def item(band: str, grades: tuple[str, ...]) -> Item:
        return Item(framework="f", code="c", type="performance-expectation", name=Text(zh="名", en="name"),
                    statement={}, provenance={}, band=band, grades=grades)

    grades_3_to_5 = item("3-4", ("03", "04", "05"))  # as NGSS files its 3-5-ETS1 items
    assert [band for band in ("1-2", "3-4", "5-6", "7-9") if grades_3_to_5.fits_band(band)] == ["3-4", "5-6"]
    middle_school = item("7-9", ("06", "07", "08"))  # NGSS MS: grade 06 is middle school there, primary here
    assert [band for band in ("3-4", "5-6", "7-9", "10-12") if middle_school.fits_band(band)] == ["7-9"]
    high_school = item("10-12", ("09", "10", "11", "12"))
    assert [band for band in ("5-6", "7-9", "10-12") if high_school.fits_band(band)] == ["10-12"]
    band_only = item("3-4", ())
    assert band_only.fits_band("3-4") and not band_only.fits_band("5-6")
    assert item("all", ()).fits_band("7-9")
    assert case.CASE_LEVELS["5-6"] == ["05", "06"]


def test_real_ngss_middle_and_high_school_items_keep_their_bands() -> None:
    loaded, findings = curriculum.load(REPO / "curriculum")
    assert findings == []
    ngss = loaded.frameworks["ngss-2013"].items
    assert ngss["3-5-ETS1-1"].fits_band("5-6")
    assert not ngss["MS-ESS1-1"].fits_band("5-6")
    assert not any(item.fits_band("5-6") for code, item in ngss.items() if code.startswith("MS-"))
    assert not any(item.fits_band("7-9") for code, item in ngss.items() if code.startswith("HS-"))
