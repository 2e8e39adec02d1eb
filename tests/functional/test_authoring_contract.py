"""The authoring contract as a user meets it: typos stop the build, every problem is reported at once."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import run_cli

ACTIVITY = Path("activities/physics/tiny-speed")


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_misspelt_solution_tag_never_ships_the_answer(project: Path) -> None:
    for lang in ("zh", "en"):
        _edit(project / ACTIVITY / f"{lang}.md", ":tags: [solution]", ":tags: [solutions]")
    proc = run_cli("build", cwd=project)  # not --strict: an unknown tag is an error anyway
    assert proc.returncode == 1, proc.stdout + proc.stderr
    for lang in ("zh", "en"):
        line = (project / ACTIVITY / f"{lang}.md").read_text(encoding="utf-8").splitlines().index(":tags: [solutions]") + 1
        assert f"{ACTIVITY / f'{lang}.md'}:{line}: error unknown-tag: " in proc.stdout
    assert "'solutions' → did you mean 'solution'?" in proc.stdout
    assert "nothing was published" in proc.stderr
    shipped = [p for p in project.rglob("*.ipynb") if "secret_answer_line" in p.read_text(encoding="utf-8")]
    assert shipped == []
    assert not (project / "build" / "site").exists()


def test_check_reports_every_problem_of_the_run_sorted(project: Path) -> None:
    yaml_path = project / ACTIVITY / "activity.yaml"
    _edit(yaml_path, "duration: 20", "duration: twenty\nsafty: []")
    _edit(yaml_path, "cn-compulsory-science-2022:3", "cn-compulsory-science-2022 3")
    proc = run_cli("check", "--no-execute", cwd=project)
    assert proc.returncode == 1
    found = [re.match(r"^(.+?):(\d+): error ([a-z-]+): (.*)$", line) for line in proc.stdout.splitlines()]
    assert all(found), proc.stdout
    rules = [m.group(3) for m in found if m]
    assert sorted(rules) == ["metadata-invalid", "metadata-invalid", "metadata-unknown-key"], proc.stdout
    keys = (m.group(4).split(":")[0] for m in found if m and m.group(3) == "metadata-invalid")
    assert sorted(keys) == ["duration", "standards[0]"]
    located = [(m.group(1), int(m.group(2))) for m in found if m]
    assert located == sorted(located)
    lines = yaml_path.read_text(encoding="utf-8").splitlines()
    assert {lines[line - 1].split(":")[0].strip() for _, line in located} == {"duration", "safty", "- cn-compulsory-science-2022 3"}


def test_notebook_problems_are_reported_even_when_the_metadata_has_errors(project: Path) -> None:
    _edit(project / ACTIVITY / "activity.yaml", "duration: 20", "duration: -20")
    _edit(project / ACTIVITY / "en.md", ":tags: [solution]", ":tags: [solutions]")
    _edit(project / ACTIVITY / "zh.md", "time_s = 4.0\n", "time_s = 4.5\n")
    proc = run_cli("check", "--no-execute", cwd=project)
    assert proc.returncode == 1
    rules = [line.split(": ")[1] for line in proc.stdout.splitlines()]
    assert rules == ["error metadata-invalid",
                     "error parity-code", "error parity-tags", "error unknown-tag",
                     "error parity-code", "error parity-tags"], proc.stdout
    located = [(line.split(":")[0], int(line.split(":")[1])) for line in proc.stdout.splitlines()]
    assert [path for path, _ in located] == [str(ACTIVITY / name) for name in ["activity.yaml"] + ["en.md"] * 3 + ["zh.md"] * 2]
    assert located == sorted(located)


@pytest.mark.slow
def test_runtime_error_is_reported_at_the_failing_line(project: Path) -> None:
    for lang in ("zh", "en"):
        _edit(project / ACTIVITY / f"{lang}.md", "time_s = 4.0\n", "time_s = 4.0\nspeed = distance_m / (time_s - 4.0)\n")
    en = project / ACTIVITY / "en.md"
    proc = run_cli("check", cwd=project)
    assert proc.returncode == 1
    line = en.read_text(encoding="utf-8").splitlines().index("speed = distance_m / (time_s - 4.0)") + 1
    assert f"{ACTIVITY / 'en.md'}:{line}: error cell-error: ZeroDivisionError" in proc.stdout, proc.stdout


def test_standards_search_prints_full_ids_in_both_languages(project: Path) -> None:
    proc = run_cli("standards", "search", "kinetic energy", "--framework", "ngss-2013", "--band", "7-9", cwd=project)
    assert proc.returncode == 0, proc.stderr
    blocks = proc.stdout.split("\n\n")
    assert blocks[0].startswith("ngss-2013:MS-PS3-1  [7-9")
    assert "\n  zh: 动能" in blocks[0] and "\n  en: Kinetic energy" in blocks[0]
    assert all(b.startswith("ngss-2013:") for b in blocks)


def test_standards_search_unknown_framework_is_a_usage_error(project: Path) -> None:
    proc = run_cli("standards", "search", "energy", "--framework", "ngss", cwd=project)
    assert proc.returncode == 2
    assert "unknown framework 'ngss' (did you mean 'ngss-2013'?)" in proc.stderr
