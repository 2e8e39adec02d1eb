"""`sciedu new`: the template for every subject and band is valid, consistent and pitched at the band."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pint
import pytest

from sciedu import scaffold, sources
from sciedu.answers import compare, recompute
from sciedu.errors import UsageError
from sciedu.model import GRADE_BANDS, SUBJECTS
from sciedu.project import Project

UREG = pint.UnitRegistry()
COMBOS = list(itertools.product(SUBJECTS, GRADE_BANDS))
SCENARIOS = [(subject, level) for subject in SUBJECTS for level in ("primary", "secondary")]


@pytest.fixture
def project(tmp_path: Path) -> Project:
    (tmp_path / "mkdocs.yml").write_text("site_name: test\n", encoding="utf-8")
    (tmp_path / "activities").mkdir()
    return Project(tmp_path)


@pytest.mark.parametrize(("subject", "band"), COMBOS)
def test_every_subject_and_band_gives_a_valid_activity(project: Project, subject: str, band: str) -> None:
    folder = scaffold.new_activity(project, f"{subject}/new-one", band=band)
    activity, findings = sources.load_activity(folder)
    assert findings == [] and activity is not None
    m = activity.metadata
    assert (m.subject, m.grade_band, m.id) == (subject, band, "new-one")
    assert sum(p.minutes for p in m.phases) == m.duration
    for answer in m.answers:  # the declared answer key is what the formula gives, with units
        computed, stated = recompute(answer)
        assert compare(computed, stated, answer.tolerance) is None
    text = "".join((folder / name).read_text(encoding="utf-8") for name in ("activity.yaml", "zh.md", "en.md"))
    assert "<<" not in text and ">>" not in text
    assert not re.search(r"\b(TODO|FIXME|XXX|lorem)\b", text, re.I)
    assert "模板" in (folder / "zh.md").read_text(encoding="utf-8") and "template" in (folder / "en.md").read_text(encoding="utf-8")
    wrong = [o for item in m.assessment for i, o in enumerate(item.options) if i != item.answer]
    assert wrong and all(o.misconception for o in wrong)  # each wrong option says what it reveals


def _quantity(value: float, unit: str):
    return UREG.Quantity(value, unit or "dimensionless")


@pytest.mark.parametrize(("subject", "level"), SCENARIOS)
def test_the_notebooks_numbers_agree_with_the_teacher_guides(subject: str, level: str) -> None:
    """The notebook's plain-number answer and the unit-aware formula round the same way for every variant."""
    s = scaffold.scenarios()[subject][level]
    a, b, result = s["a"], s["b"], s["result"]
    low, high, step = a["range"]
    for x, y in itertools.product(range(low, high + 1, step), b["choices"]):
        plain = eval(s["plain"], {}, {a["name"]: x, b["name"]: y})  # our own fixed template data, not input
        with_units = eval(s["formula"], {}, {a["name"]: _quantity(x, a["unit"]), b["name"]: _quantity(y, b["unit"])})
        expected = with_units.to(result["unit"] or "dimensionless").magnitude
        assert round(plain, result["digits"]) == round(expected, result["digits"]), (x, y)


@pytest.mark.parametrize("subject", SUBJECTS)
def test_primary_bands_use_whole_numbers_and_the_times_tables(subject: str) -> None:
    s = scaffold.scenarios()[subject]["primary"]
    a, b = s["a"], s["b"]
    assert re.fullmatch(r"\w+ [+*] \w+|\w+\*\w+", s["formula"]), "one addition or multiplication only"
    numbers = [a["value"], b["value"], *a["range"], *b["choices"]]
    numbers += [float(UREG.Quantity(s["exercise"][k]).magnitude) for k in ("a", "b")]
    assert all(float(n).is_integer() for n in numbers)
    if "*" in s["formula"]:  # within the times tables (first school years): both factors at most 9
        assert max(a["range"][1], a["value"]) <= 9 and max(*b["choices"], b["value"]) <= 9
    else:  # adding within 100
        assert a["range"][1] + max(b["choices"]) <= 100


@pytest.mark.parametrize(("subject", "level"), SCENARIOS)
def test_the_slider_starts_at_the_worked_example(subject: str, level: str) -> None:
    a = scaffold.scenarios()[subject][level]["a"]
    low, high, step = a["range"]
    assert a["value"] in range(low, high + 1, step)


@pytest.mark.parametrize(("subject", "level"), SCENARIOS)
def test_no_band_gets_functions_beyond_its_level(subject: str, level: str) -> None:
    formula = scaffold.scenarios()[subject][level]["formula"]
    assert not re.search(r"sin|cos|tan|log|exp|sqrt|\*\*", formula)


@pytest.mark.parametrize(("address", "options", "message"), [
    ("chemistry/x", {"band": "7-8"}, "unknown grade band '7-8'"),
    ("chemistry/x", {"band": "univercity"}, "did you mean 'university'"),
    ("x", {"subject": "chemestry"}, "did you mean 'chemistry'"),
    ("x", {}, "expected SUBJECT/ID"),
    ("physics/x", {"subject": "chemistry"}, "give one subject"),
    ("chemistry/Bad_Id", {}, "lower-case letters"),
])
def test_bad_requests_are_usage_errors(project: Project, address: str, options: dict, message: str) -> None:
    with pytest.raises(UsageError, match=re.escape(message)) as caught:
        scaffold.new_activity(project, address, **options)
    assert caught.value.exit_code == 2
    assert not any(project.activities.iterdir())


def test_an_id_with_subject_option_goes_in_the_subject_folder(project: Project) -> None:
    folder = scaffold.new_activity(project, "salt-water", band="7-9", subject="chemistry")
    assert folder == project.activities / "chemistry" / "salt-water"
    assert "mass fraction" in (folder / "en.md").read_text(encoding="utf-8")
