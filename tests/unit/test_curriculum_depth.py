"""Learning contents and band requirements: the prerequisite vocabulary and its checks, official code
spaces, coverage by learning content × band, and the standards browser's requirement and provenance lines."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sciedu import curriculum, sources
from sciedu.checks import prerequisites as prereq_checks
from sciedu.checks import run, standards
from sciedu.checks.context import Context
from sciedu.curriculum import prerequisites
from sciedu.curriculum.coverage import coverage, render
from sciedu.errors import Severity
from sciedu.site import standards as browser

DATA = Path(__file__).parents[1] / "data"
FIXTURE = DATA / "curriculum"
REPO = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def fixture_curriculum():
    loaded, findings = curriculum.load(FIXTURE)
    assert findings == []
    return loaded


@pytest.fixture
def activity(tmp_path: Path):
    """The fixture activity with extra activity.yaml text and an extra cell appended to en.md and zh.md."""

    def make(yaml: str = "", cell: str = "", standards: tuple[str, ...] = ("fixture-standard:1.1",), band: str = "5-6"):
        folder = tmp_path / "physics" / "tiny-speed"
        shutil.copytree(DATA / "library" / "physics" / "tiny-speed", folder, dirs_exist_ok=True)
        path = folder / "activity.yaml"
        text = path.read_text(encoding="utf-8").replace("  - cn-compulsory-science-2022:3\n", "".join(f"  - {s}\n" for s in standards))
        path.write_text(text.replace('grade_band: "5-6"', f'grade_band: "{band}"') + yaml, encoding="utf-8")
        for lang in ("en", "zh"):
            md = folder / f"{lang}.md"
            md.write_text(md.read_text(encoding="utf-8") + cell, encoding="utf-8")
        loaded, findings = sources.load_activity(folder)
        assert findings == [], findings
        return loaded

    return make


# ---- the vocabulary ----------------------------------------------------------------------------------

def test_repository_vocabulary_loads_with_the_bands_of_the_two_standards() -> None:
    loaded, findings = curriculum.load(REPO / "curriculum")
    assert findings == []
    vocabulary = loaded.vocabulary
    bands = {p.id: p.band for p in vocabulary.prerequisites.values()}
    # grade 9: acute-angle trigonometry; senior 1: radians, exponentials, logarithms; grade 7: negative numbers
    assert bands["trigonometry"] == "7-9" and bands["radians"] == "10-12"
    assert bands["exponential-functions"] == bands["logarithms"] == "10-12"
    assert bands["negative-numbers"] == "7-9" and bands["ratio"] == "5-6" and bands["derivatives"] == "10-12"
    assert {p.standard for p in vocabulary.prerequisites.values()} <= set(vocabulary.standards)
    assert all(p.name.zh and p.name.en and p.taught.zh and p.taught.en for p in vocabulary.prerequisites.values())
    assert vocabulary.ceiling("university") == "10-12" and vocabulary.ceiling("adult") == "7-9"
    assert vocabulary.above(vocabulary.prerequisites["logarithms"], "adult")
    assert not vocabulary.above(vocabulary.prerequisites["logarithms"], "university")


@pytest.mark.parametrize(("prerequisite", "line", "found"), [
    ("trigonometry", "L = H / np.tan(np.radians(h))", ("np.tan",)),
    ("trigonometry", "y = np.tanh(x)  # not a tangent", ()),
    ("trigonometry", r"$$L = \frac{H}{\tan h}$$", (r"\tan",)),
    ("trigonometry", r"$\tanh x$", ()),
    ("inverse-trigonometry", "np.degrees(np.arctan(x))", ("np.arctan",)),
    ("radians", "sp.tan(sp.pi / 2 - Delta)", ("sp.pi / 2",)),
    ("logarithms", "t = T * np.log10(x)", ("np.log10",)),
    ("exponential-functions", r"$N = N_0 e^{-\lambda t}$", ("e^{",)),
    ("integrals", r"$a \quad b$", ()),
    ("friction-coefficient", r"$d = v^2 / (2\mu g)$", (r"\mu",)),
    ("friction-coefficient", r"a cell 3 $\mu\mathrm{m}$ wide", ()),
    ("friction-coefficient", "d = v**2 / (2 * mu * g)", ("mu",)),
    ("friction-coefficient", "mu_k = 0.7", ("mu_k",)),
    ("friction-coefficient", "about 40 kg of fertiliser per mu (亩) of wheat, 600 kg/mu", ()),
    ("friction-coefficient", "# yield in kg (per mu)", ()),
    ("friction-coefficient", "a = (2*mu)", ("mu",)),
    ("kinetic-energy-formula", r"$E_k = \tfrac12 m v^2$", (r"\tfrac12 m v^",)),
    ("scientific-notation", 'print(f"{n:.2e} atoms")', ("{n:.2e}",)),
    ("scientific-notation", 'label = f"{v:>10.3E}"', ("{v:>10.3E}",)),
    ("scientific-notation", 'cups = {"warmth": place}', ()),  # a dict literal whose value ends in e
    ("scientific-notation", "N_A = 6.022e23", ("6.022e23",)),
])
def test_hints_find_uses_and_spare_look_alikes(prerequisite: str, line: str, found: tuple) -> None:
    loaded, _ = curriculum.load(REPO / "curriculum")
    assert prerequisites.find_uses(loaded.vocabulary.prerequisites[prerequisite], line) == found


def test_vocabulary_mistakes_are_located(tmp_path: Path) -> None:
    folder = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, folder)
    path = folder / "prerequisites.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("    standard: fixture-math\n    taught: {zh: 高中必修", "    standard: fixture-maths\n    taught: {zh: 高中必修")
    text = text.replace("  - id: trigonometry\n", "  - id: ratio\n")
    path.write_text(text, encoding="utf-8")
    _, findings = curriculum.load(folder)
    lines = text.splitlines()
    duplicate = next(f for f in findings if f.rule == "prerequisite-duplicate")
    assert "'ratio' is already defined" in duplicate.message and lines[duplicate.line - 1] == "  - id: ratio"
    unknown = next(f for f in findings if "fixture-maths" in f.message)
    assert "did you mean 'fixture-math'" in unknown.message and lines[unknown.line - 1].strip() == "standard: fixture-maths"
    # items now name a prerequisite that no longer exists (trigonometry was renamed away)
    dangling = next(f for f in findings if f.rule == "item-prerequisite-unknown")
    assert "fixture-standard:1.2-7-9" in dangling.message and dangling.path.endswith("items.yaml")


def test_a_bad_hint_pattern_is_a_located_error(tmp_path: Path) -> None:
    folder = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, folder)
    path = folder / "prerequisites.yaml"
    text = path.read_text(encoding="utf-8").replace("patterns: ['log_\\{?10']", "patterns: ['log_(10']")
    path.write_text(text, encoding="utf-8")
    _, findings = curriculum.load(folder)
    assert [f.rule for f in findings] == ["prerequisites-invalid"]
    assert "not a valid regular expression" in findings[0].message
    assert text.splitlines()[findings[0].line - 1].strip().startswith("patterns:")


# ---- official code spaces ----------------------------------------------------------------------------

def test_valid_code_not_in_data_says_so(fixture_curriculum, activity) -> None:
    tiny = activity(standards=("fixture-standard:3.1", "fixture-standard:4.1", "fixture-standard:1.3-5-6", "fixture-standard:9.9"))
    findings = list(standards.aligned_items_exist(tiny, Context(fixture_curriculum)))
    assert [f.rule for f in findings] == ["standard-not-in-data", "standard-not-in-data", "standard-not-in-data", "standard-unknown"]
    assert "is a valid code form of 测试课程标准 (fixture-standard) but is not in our data yet" in findings[0].message
    assert "fixture-standard/framework.yaml notes" in findings[0].message
    assert "meanwhile align to fixture-standard:3 (Light)" in findings[0].message
    assert "'fixture-standard:4.1' is a code of" in findings[1].message  # listed in official_codes.codes
    assert "meanwhile align to fixture-standard:1 (Motion)" in findings[2].message  # 1.3 is missing too
    assert "not in our data yet" not in findings[3].message  # 9.9 is no code of the standard


def test_official_codes_listed_but_held_are_stale(tmp_path: Path) -> None:
    folder = tmp_path / "curriculum"
    shutil.copytree(FIXTURE, folder)
    path = folder / "fixture-standard" / "framework.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace('codes: ["4.1"]', 'codes: ["4.1", "1.2"]'), encoding="utf-8")
    _, findings = curriculum.load(folder)
    assert [(f.rule, f.severity) for f in findings] == [("official-codes-stale", Severity.WARNING)]
    assert "'1.2'" in findings[0].message and "'4.1'" not in findings[0].message


def test_repository_cn2022_declares_its_code_space() -> None:
    loaded, _ = curriculum.load(REPO / "curriculum")
    official = loaded.frameworks["cn-compulsory-science-2022"].official_codes
    assert official.describes("2.2") and official.describes("13.4") and official.describes("2.2-5-6")
    assert not official.describes("14.1") and not official.describes("2.2-10-12") and not official.describes("2")


# ---- coverage by learning content and band ------------------------------------------------------------

def test_coverage_by_learning_content_and_band(fixture_curriculum, activity, tmp_path: Path) -> None:
    fw = fixture_curriculum.frameworks["fixture-standard"]
    a = activity(standards=("fixture-standard:1.1", "fixture-standard:1.2-7-9"))  # band 5-6
    result = coverage(fw, [a])
    assert result.bands == ("1-2", "3-4", "5-6", "7-9")
    assert [g.item.code for g in result.groups] == ["1", "2", "3"]  # 2 has no learning content yet and still shows
    rows = {r.item.code: r for r in result.rows}
    assert list(rows) == ["1.1", "1.2", "3.2"]
    assert rows["1.1"].cells == {"1-2": (), "3-4": (), "5-6": ("physics/tiny-speed",), "7-9": ()}
    assert rows["1.2"].cells["7-9"] == ("physics/tiny-speed",)  # a requirement counts in its own band
    assert rows["1.2"].cells["5-6"] == ()
    assert set(rows["1.1"].requirements) == {"3-4", "5-6"} and set(rows["1.2"].requirements) == {"7-9"}
    assert result.groups[0].cells["5-6"] == ("physics/tiny-speed",) and result.groups[0].cells["7-9"] == ("physics/tiny-speed",)
    assert [i.code for i in result.gaps] == ["3.2"]
    table = render(result, "table", "en").splitlines()
    assert table[0].split() == ["code", "name", "1-2", "3-4", "5-6", "7-9"]
    assert table[3].split() == ["1.1", "Speed", "○0", "●0", "●1", "○0"]
    assert table[4].split() == ["1.2", "Forces", "○0", "○0", "○0", "●1"]
    assert table[-1] == "2 of 3 covered (learning-content); gaps: 3.2"
    data = json.loads(render(result, "json"))
    assert data["rows"][0]["requirements"]["5-6"]["code"] == "1.1-5-6"
    assert data["groups"][1] == {**data["groups"][1], "code": "2", "rows": []}
    csv_lines = render(result, "csv", "en").splitlines()
    assert csv_lines[0] == "code,name,1-2,3-4,5-6,7-9,group,requirement 1-2,requirement 3-4,requirement 5-6,requirement 7-9"
    assert csv_lines[1] == "1.1,Speed,,,physics/tiny-speed,,1,,1.1-3-4,1.1-5-6,"
    md = render(result, "md", "en")
    assert "| **1** | **Motion** |" in md and "| 1.1 | Speed | ○ 0 | ● 0 | ● 1: physics/tiny-speed | ○ 0 |" in md


# ---- the checks ------------------------------------------------------------------------------------------

def test_declared_prerequisites_unknown_and_above_band(fixture_curriculum, activity) -> None:
    tiny = activity("prerequisites:\n  - ratio\n  - trigonometri\n  - logarithms\n  - ratio\n")
    findings = list(prereq_checks.declared_prerequisites_fit(tiny, Context(fixture_curriculum)))
    assert [(f.rule, f.severity) for f in findings] == [
        ("prerequisite-unknown", Severity.ERROR), ("math-above-band", Severity.WARNING), ("prerequisite-duplicate", Severity.ERROR)]
    assert "did you mean 'trigonometry'" in findings[0].message
    assert "logarithms (对数) is taught from band 10-12" in findings[1].message and "this activity is for 5-6" in findings[1].message
    lines = tiny.yaml_path.read_text(encoding="utf-8").splitlines()
    assert lines[findings[0].line - 1] == "  - trigonometri" and lines[findings[1].line - 1] == "  - logarithms"


def test_university_may_assume_senior_high_mathematics(fixture_curriculum, activity) -> None:
    tiny = activity("prerequisites:\n  - logarithms\n", band="university", standards=("fixture-standard:1",))
    assert list(prereq_checks.declared_prerequisites_fit(tiny, Context(fixture_curriculum))) == []


CELLS = '''
```{code-cell} ipython3
import numpy as np
h = 30.0
shadow = 1.0 / np.tan(np.radians(h))
print(round(shadow, 2))
```

```{code-cell} ipython3
:tags: [teacher]

import numpy as np
print(np.log(2.0))
```

```{code-cell} ipython3
:tags: [solution]

import numpy as np
### BEGIN SOLUTION
print(np.log(10.0))
### END SOLUTION
```

+++ {"tags": ["teacher"]}

The teacher may write $\\ln 2$ here.

+++

So $L = 1 / \\tan h$, and $\\tan$ again.
'''


def test_student_cells_using_math_above_band_are_found_at_their_line(fixture_curriculum, activity) -> None:
    tiny = activity(cell=CELLS)
    findings = list(prereq_checks.student_cells_within_band(tiny, Context(fixture_curriculum)))
    by_file = {(Path(f.path).name, f.message.split("`")[1]): f for f in findings}
    assert sorted(by_file) == [("en.md", "np.log"), ("en.md", "np.tan"), ("zh.md", "np.log"), ("zh.md", "np.tan")]
    lines = (tiny.folder / "en.md").read_text(encoding="utf-8").splitlines()
    tan = by_file[("en.md", "np.tan")]
    assert lines[tan.line - 1] == "shadow = 1.0 / np.tan(np.radians(h))"
    assert tan.rule == "math-above-band-used" and tan.severity is Severity.WARNING
    assert "trigonometry (锐角三角函数) is taught from band 7-9" in tan.message and "cell tagged 'teacher'" in tan.message
    also = int(tan.message.split("(also line ")[1].split(")")[0])
    assert lines[also - 1] == "So $L = 1 / \\tan h$, and $\\tan$ again."
    log = by_file[("en.md", "np.log")]  # the solution counts (students see it later); the teacher cell does not
    assert lines[log.line - 1] == "print(np.log(10.0))" and "also" not in log.message


def test_acknowledged_prerequisites_become_notes_that_strict_keeps(fixture_curriculum, activity) -> None:
    yaml = ("prerequisites:\n  - id: trigonometry\n    acknowledged:\n      zh: 模型当作黑箱使用。\n"
            "      en: The model is used as a black box.\n")
    tiny = activity(yaml, cell=CELLS)
    findings = run([tiny], Context(fixture_curriculum))
    trig = [f for f in findings if "trigonometry" in f.message and f.rule.startswith("math-above-band")]
    assert {f.severity for f in trig} == {Severity.NOTE} and len(trig) == 3  # declared + en.md + zh.md
    assert any("acknowledged in activity.yaml: 模型当作黑箱使用。" in f.message for f in trig if f.path.endswith("zh.md"))
    assert all(f.as_error() is f for f in trig)  # --strict leaves notes alone
    log = [f for f in findings if "`np.log`" in f.message]
    assert {f.severity for f in log} == {Severity.WARNING} and {f.as_error().severity for f in log} == {Severity.ERROR}


def test_aligned_item_prerequisites_not_declared_are_noted(fixture_curriculum, activity) -> None:
    tiny = activity(standards=("fixture-standard:1.1-5-6",))
    findings = list(prereq_checks.aligned_items_prerequisites_declared(tiny, Context(fixture_curriculum)))
    assert [(f.rule, f.severity) for f in findings] == [("prerequisite-undeclared", Severity.NOTE)]
    assert "fixture-standard:1.1-5-6 presupposes ratio (比)" in findings[0].message
    declared = activity("prerequisites: [ratio]\n", standards=("fixture-standard:1.1-5-6",))
    assert list(prereq_checks.aligned_items_prerequisites_declared(declared, Context(fixture_curriculum))) == []


def test_bundled_library_has_no_mathematics_above_its_bands() -> None:
    """The content review found ½mv² and μ at 7-9 and tan/arctan/radians at 5-6; the rewrites moved
    stopping-distance to 10-12 and noon-shadows' trigonometry into teacher cells, so nothing is left to
    acknowledge (a new finding here means an activity reaches above its band)."""
    loaded, _ = curriculum.load(REPO / "curriculum")
    activities, load_findings = sources.load_library(REPO / "activities")
    assert load_findings == []
    findings = [f for f in run(activities, Context(loaded)) if f.rule.startswith("math-above-band")]
    assert [(f.path, f.line, f.message[:120]) for f in findings] == []


# ---- the standards browser -----------------------------------------------------------------------------

def test_browser_shows_band_requirements_and_their_provenance(fixture_curriculum, activity) -> None:
    fw = fixture_curriculum.frameworks["fixture-standard"]
    tiny = activity(standards=("fixture-standard:1.1",))
    page = browser._framework_page(fw, fixture_curriculum, [tiny], "en")
    assert "**Grades 5–6** <small>(1.1-5-6)</small>: Describe how fast objects move by their speed." in page
    assert '<span id="item-1-1-3-4"></span>' in page
    assert "checked against 2 copies: [Copy A](https://example.org/a), [Copy B](https://example.org/b)" in page
    assert "confirmed from one copy only: [Copy A](https://example.org/a) (only copy seen)" in page
    zh = browser._framework_page(fw, fixture_curriculum, [tiny], "zh")
    assert "已对照2个独立副本核对：" in zh and "仅根据一个副本确认：" in zh
    section = browser.activity_standards(tiny, fixture_curriculum, "en")
    assert "**Grades 5–6:** Describe how fast objects move by their speed." in section


def test_heatmap_rows_are_learning_contents_under_their_concepts(fixture_curriculum, activity) -> None:
    fw = fixture_curriculum.frameworks["fixture-standard"]
    svg = browser.heatmap_svg(coverage(fw, [activity(standards=("fixture-standard:1.1",))]), "en")
    labels = [part.split(">")[1].split("<")[0] for part in svg.split('text-anchor="end"')[1:]]
    assert labels == ["1 Motion", "1.1 Speed", "1.2 Forces", "2 Energy", "3 Light", "3.2 Reflection of light"]
    assert svg.count('class="stated"') == 3  # 1.1 at 3-4 and 5-6, 1.2 at 7-9
    assert "● Describe how fast objects move by their speed.\nphysics/tiny-speed" in svg
    assert svg.count('stroke-dasharray="3 2"') == 4 * 3 - 3


def test_heatmap_table_links_each_cell_to_its_activities(fixture_curriculum, activity) -> None:
    fw = fixture_curriculum.frameworks["fixture-standard"]
    tiny = activity(standards=("fixture-standard:1.1",))
    table = browser.heatmap_table(coverage(fw, [tiny]), "en", {tiny.key: "Tiny speed"})
    rows = table.split("<tr>")[2:]  # after the header row
    assert [r.split("</th>")[0].split(">")[-1] if "<strong>" not in r else r.split("<strong>")[1].split("</strong>")[0]
            for r in rows] == ["1 Motion", "1.1 Speed", "1.2 Forces", "2 Energy", "3 Light", "3.2 Reflection of light"]
    speed = next(r for r in rows if "1.1 Speed" in r)
    assert speed.count('<a href="../../activities/physics/tiny-speed/index.html">Tiny speed</a>') == 1
    assert speed.count("●") == 2  # the requirements stated at 3-4 and 5-6
    assert '<th scope="col">Grades 3–4</th>' in table and '<th scope="row">' in table
    assert "<caption>" in table and "no activity yet" in table


def test_above_band_lists_declared_prerequisites_with_their_reasons_for_the_guide(fixture_curriculum, activity) -> None:
    yaml = ("prerequisites:\n  - ratio\n  - id: trigonometry\n    acknowledged: {zh: 黑箱。, en: Black box.}\n"
            "  - logarithms\n  - nonsense\n")
    tiny = activity(yaml)
    listed = prerequisites.above_band(tiny.metadata.prerequisites, "5-6", fixture_curriculum.vocabulary)
    assert [(p.id, d.acknowledged.en if d.acknowledged else None) for p, d in listed] == [("trigonometry", "Black box."), ("logarithms", None)]
    assert prerequisites.above_band(tiny.metadata.prerequisites, "university", fixture_curriculum.vocabulary) == []


def test_guide_markdown_marks_mathematics_above_the_band_with_its_reason(fixture_curriculum, activity) -> None:
    tiny = activity("prerequisites:\n  - ratio\n  - id: trigonometry\n    acknowledged: {zh: 黑箱。, en: Black box.}\n  - logarithms\n")
    en = prerequisites.guide_markdown(tiny.metadata.prerequisites, "5-6", fixture_curriculum.vocabulary, "en").splitlines()
    assert en == [
        "- **Ratio** (Grades 5–6 onwards; Stage 3)",
        "- **Trigonometric ratios** (Grades 7–9 onwards; Stage 4 (grade 9)) — **above this band:** Black box.",
        "- **Logarithms** (Grades 10–12 onwards; Senior high required course) — **above this band:** no reason given",
    ]
    zh = prerequisites.guide_markdown(tiny.metadata.prerequisites, "5-6", fixture_curriculum.vocabulary, "zh")
    assert "- **锐角三角函数**（7–9 年级起；第四学段（九年级）） — **超出本学段：**黑箱。" in zh
    assert prerequisites.guide_markdown((), "5-6", fixture_curriculum.vocabulary, "en") == ""


def test_framework_page_counts_items_by_how_their_wording_was_checked(fixture_curriculum) -> None:
    fw = fixture_curriculum.frameworks["fixture-standard"]
    assert fw.checked_counts() == (2, 1, 6)
    page = browser._framework_page(fw, fixture_curriculum, [], "en")
    assert "Wording checked: 2 items against two or more independent copies, 1 from one copy only, 6 not recorded." in page
    assert "条目原文核对" not in browser._framework_page(fixture_curriculum.frameworks["fixture-science"], fixture_curriculum, [], "zh")
