"""The command line as a user meets it: help, scaffolding, exit codes, no tracebacks."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from conftest import run_cli


@pytest.mark.parametrize("command", ["build", "check", "new", "serve", "lab"])
def test_every_command_has_help(command: str, tmp_path: Path) -> None:
    proc = run_cli(command, "--help", cwd=tmp_path)
    assert proc.returncode == 0
    assert f"Usage: python -m sciedu {command}" in proc.stdout or f"Usage: sciedu {command}" in proc.stdout
    assert len(proc.stdout.splitlines()) > 4


def test_outside_a_project_is_a_usage_error(tmp_path: Path) -> None:
    proc = run_cli("check", cwd=tmp_path)
    assert proc.returncode == 2
    assert "no sciedu project" in proc.stderr


def test_new_activity_passes_check(project: Path) -> None:
    proc = run_cli("new", "biology/leaf-count", cwd=project)
    assert proc.returncode == 0, proc.stderr
    folder = project / "activities" / "biology" / "leaf-count"
    assert sorted(p.name for p in folder.iterdir()) == ["activity.yaml", "en.md", "zh.md"]
    assert "id: leaf-count" in (folder / "activity.yaml").read_text(encoding="utf-8")
    check = run_cli("check", "--strict", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "2 activities checked: 0 error(s), 0 warning(s)" in check.stderr


@pytest.mark.slow
def test_new_chemistry_template_for_7_9_passes_the_strict_check_with_execution(project: Path) -> None:
    proc = run_cli("new", "--band", "7-9", "--subject", "chemistry", "salt-water", cwd=project)
    assert proc.returncode == 0, proc.stderr
    folder = project / "activities" / "chemistry" / "salt-water"
    text = (folder / "activity.yaml").read_text(encoding="utf-8")
    assert 'grade_band: "7-9"' in text and 'key: "3 g"' in text  # 50 g of a 6% solution holds 3 g of salt
    check = run_cli("check", "--strict", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "2 activities checked: 0 error(s), 0 warning(s)" in check.stderr


@pytest.mark.parametrize(("subject", "band"), [("physics", "1-2"), ("earth-space", "university"), ("engineering", "3-4")])
def test_new_templates_for_other_bands_pass_the_strict_check(project: Path, subject: str, band: str) -> None:
    proc = run_cli("new", "--band", band, f"{subject}/from-template", cwd=project)
    assert proc.returncode == 0, proc.stderr
    check = run_cli("check", "--strict", "--no-execute", cwd=project)
    assert check.returncode == 0, check.stdout + check.stderr
    assert "2 activities checked: 0 error(s), 0 warning(s)" in check.stderr


@pytest.mark.parametrize(("options", "message"), [
    (["--band", "7-8"], "unknown grade band '7-8' (did you mean '7-9'"),
    (["--subject", "chemestry"], "unknown subject 'chemestry' (did you mean 'chemistry'"),
])
def test_new_refuses_bad_band_or_subject(project: Path, options: list[str], message: str) -> None:
    proc = run_cli("new", *options, "chemistry/x", cwd=project) if "--band" in options else run_cli("new", *options, "x", cwd=project)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert not (project / "activities" / "chemistry").exists()


@pytest.mark.parametrize(("address", "message"), [
    ("physcs/x", "did you mean 'physics'"),
    ("physics/Bad_Id", "lower-case letters"),
    ("physics", "expected SUBJECT/ID"),
    ("physics/tiny-speed", "already exists"),
])
def test_new_refuses_bad_addresses(project: Path, address: str, message: str) -> None:
    proc = run_cli("new", address, cwd=project)
    assert proc.returncode == 2
    assert message in proc.stderr


def test_check_reports_findings_in_the_documented_format(project: Path) -> None:
    path = project / "activities" / "physics" / "tiny-speed" / "activity.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("grade_band: \"5-6\"", "grade_band: \"5-7\""), encoding="utf-8")
    proc = run_cli("check", "--no-execute", cwd=project)
    assert proc.returncode == 1
    assert proc.stdout.startswith("activities/physics/tiny-speed/activity.yaml:9: error metadata-invalid: grade_band: expected one of")


def test_strict_turns_warnings_into_errors(project: Path) -> None:
    for lang in ("zh", "en"):
        path = project / "activities" / "physics" / "tiny-speed" / f"{lang}.md"
        text = path.read_text(encoding="utf-8").replace(":tags: [solution]\n", "").replace('+++ {"tags": ["solution"]}', "+++")
        path.write_text(text, encoding="utf-8")
    relaxed = run_cli("check", "--no-execute", cwd=project)
    assert relaxed.returncode == 0
    assert "warning no-exercise" in relaxed.stdout
    strict = run_cli("check", "--no-execute", "--strict", cwd=project)
    assert strict.returncode == 1
    assert "error no-exercise" in strict.stdout


def test_lab_opens_the_notebooks_of_one_language(built_project: Path) -> None:
    proc = run_cli("lab", "--lang", "en", "--teacher", "--dry-run", "--", "--no-browser", "--port=8899", cwd=built_project)
    assert proc.returncode == 0
    assert "-m jupyterlab" in proc.stdout
    argv = proc.stdout.split()
    assert argv[argv.index("jupyterlab") + 1] == f"--notebook-dir={built_project / 'build' / 'notebooks' / 'en' / 'teacher'}"
    assert argv[-2:] == ["--no-browser", "--port=8899"]
    assert ("--allow-root" in argv) == (os.geteuid() == 0)
