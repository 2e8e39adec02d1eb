"""Golden files for the student and teacher exporters (created when missing, then reviewed in the diff)."""

import difflib
import json
from pathlib import Path

import nbformat
import pytest

from sciedu import exporters, sources
from sciedu.transforms import cells

DATA = Path(__file__).parents[1] / "data"
GOLDEN = DATA / "golden"


@pytest.fixture(scope="module")
def activity():
    activity, findings = sources.load_activity(DATA / "library" / "physics" / "tiny-speed")
    assert findings == []
    return activity


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("variant", ["student", "teacher"])
def test_export_matches_golden_file(activity, lang: str, variant: str) -> None:
    text = exporters.dumps(exporters.export(activity, lang, variant))
    golden = GOLDEN / f"tiny-speed.{lang}.{variant}.ipynb"
    if not golden.exists():
        golden.write_text(text, encoding="utf-8")
        pytest.skip(f"created {golden.name}; review it")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(difflib.unified_diff(expected.splitlines(True), text.splitlines(True), "golden", "now"))
    assert text == expected, diff


def test_student_notebook_has_no_solution_or_teacher_text(activity) -> None:
    for lang in ("zh", "en"):
        text = exporters.dumps(exporters.export(activity, lang, "student"))
        assert "secret_answer_line" not in text
        assert "秘密" not in text and "secret" not in text.lower()
        assert '"solution"' not in text and '"teacher"' not in text
        assert "given = 5.0" in text  # lines outside the solution markers stay
        nb = nbformat.reads(text, as_version=4)
        nbformat.validate(nb)
        assert nb.metadata.sciedu["variant"] == "student"


def test_teacher_notebook_keeps_everything_but_the_markers(activity) -> None:
    text = exporters.dumps(exporters.export(activity, "en", "teacher"))
    assert "secret_answer_line = distance_m / given" in text
    assert "The secret teacher note" in text
    assert "BEGIN SOLUTION" not in text


def test_export_does_not_modify_the_source(activity) -> None:
    before = json.dumps(activity.notebooks["en"].nb, sort_keys=True)
    exporters.export(activity, "en", "student")
    assert json.dumps(activity.notebooks["en"].nb, sort_keys=True) == before


def test_scaffold_keeps_indentation_and_outer_lines() -> None:
    source = "x = 1\nif x:\n    ### BEGIN SOLUTION\n    y = 2\n    ### END SOLUTION\nprint(x)"
    assert cells.scaffold_code(source, "# write here") == "x = 1\nif x:\n    # write here\nprint(x)"
    assert cells.scaffold_code("y = 2", "# write here") == "# write here"
