import shutil
from pathlib import Path

from sciedu import checks, curriculum, sources
from sciedu.checks.context import Context

LIBRARY = Path(__file__).parents[1] / "data" / "library"
REPO = Path(__file__).parents[2]


def _context() -> Context:
    loaded, findings = curriculum.load(REPO / "curriculum")
    assert findings == []
    return Context(loaded)


def test_cell_start_lines_point_at_each_cell() -> None:
    path = LIBRARY / "physics" / "tiny-speed" / "en.md"
    text = path.read_text(encoding="utf-8")
    notebook = sources.read_notebook(path, "en", "physics/tiny-speed")
    lines = text.splitlines()
    assert len(notebook.cell_lines) == len(notebook.nb.cells) == 8
    for cell in notebook.nb.cells:
        line = lines[notebook.line_of(cell.id) - 1]
        if cell.cell_type == "code":
            assert line.startswith("```{code-cell}")
        else:
            assert line.strip() == cell.source.splitlines()[0].strip()


def test_cell_ids_are_deterministic_and_shared_by_languages() -> None:
    folder = LIBRARY / "physics" / "tiny-speed"
    zh = sources.read_notebook(folder / "zh.md", "zh", "physics/tiny-speed")
    en = sources.read_notebook(folder / "en.md", "en", "physics/tiny-speed")
    again = sources.read_notebook(folder / "en.md", "en", "physics/tiny-speed")
    assert [c.id for c in zh.nb.cells] == [c.id for c in en.nb.cells] == [c.id for c in again.nb.cells]
    assert len({c.id for c in en.nb.cells}) == len(en.nb.cells)
    assert en.nb.nbformat == 4 and en.nb.nbformat_minor == 5
    assert en.nb.metadata.kernelspec.name == "python3"


def test_the_fixture_library_is_clean() -> None:
    activities, findings = sources.load_library(LIBRARY)
    assert [a.key for a in activities] == ["physics/tiny-speed"]
    assert findings + checks.run(activities, _context()) == []


def test_missing_language_file_is_located(tmp_path: Path) -> None:
    library = tmp_path / "activities"
    shutil.copytree(LIBRARY, library)
    (library / "physics" / "tiny-speed" / "zh.md").unlink()
    activities, findings = sources.load_library(library)
    assert activities == []
    assert [f.rule for f in findings] == ["language-missing"]
    assert findings[0].path.endswith("activity.yaml")
    assert "zh.md" in findings[0].message


def test_duplicate_ids_are_errors_on_both_files(tmp_path: Path) -> None:
    library = tmp_path / "activities"
    shutil.copytree(LIBRARY, library)
    copy = library / "chemistry" / "tiny-speed"
    shutil.copytree(library / "physics" / "tiny-speed", copy)
    yaml_path = copy / "activity.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("subject: physics", "subject: chemistry"), encoding="utf-8")
    activities, findings = sources.load_library(library)
    assert activities == []
    assert sorted(f.rule for f in findings) == ["duplicate-id", "duplicate-id"]
    assert {Path(f.path).parent.parent.name for f in findings} == {"physics", "chemistry"}


def test_parity_finds_a_code_cell_missing_in_one_language(tmp_path: Path) -> None:
    library = tmp_path / "activities"
    shutil.copytree(LIBRARY, library)
    en = library / "physics" / "tiny-speed" / "en.md"
    en.write_text(en.read_text(encoding="utf-8").replace(":tags: [solution]\n", ""), encoding="utf-8")
    activities, _ = sources.load_library(library)
    findings = checks.run(activities, _context())
    assert sorted(Path(f.path).name for f in findings if f.rule == "parity-tags") == ["en.md", "zh.md"]  # located in both
    tags = [f for f in findings if f.rule == "parity-tags" and f.path.endswith("en.md")]
    assert len(tags) == 1
    assert "code cell 4" in tags[0].message
    assert en.read_text(encoding="utf-8").splitlines()[tags[0].line - 1].startswith("```{code-cell}")
