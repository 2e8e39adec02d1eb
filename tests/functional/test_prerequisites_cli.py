"""`sciedu check` on mathematics above the band and on codes the standard has but our data lacks (real CLI)."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli


def _edit(project: Path, old: str, new: str) -> Path:
    path = project / "activities" / "physics" / "tiny-speed" / "activity.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_math_above_band_warns_and_strict_fails_until_acknowledged(project: Path) -> None:
    path = _edit(project, "keywords:", "prerequisites:\n  - ratio\n  - logarithms\nkeywords:")
    proc = run_cli("check", "--no-execute", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    line = path.read_text(encoding="utf-8").splitlines().index("  - logarithms") + 1
    assert f"activities/physics/tiny-speed/activity.yaml:{line}: warning math-above-band: logarithms (对数与对数函数) is taught from band 10-12" in proc.stdout
    assert "1 warning(s)" in proc.stderr
    assert run_cli("check", "--no-execute", "--strict", cwd=project).returncode == 1
    _edit(project, "  - logarithms\n", "  - id: logarithms\n    acknowledged: {zh: 仅供教师拓展。, en: Only for the teacher's extension.}\n")
    strict = run_cli("check", "--no-execute", "--strict", cwd=project)
    assert strict.returncode == 0, strict.stdout + strict.stderr
    assert "note math-above-band: logarithms" in strict.stdout and "acknowledged in activity.yaml: Only for the teacher's extension." in strict.stdout
    assert "0 warning(s), 1 note(s)" in strict.stderr


def test_unknown_prerequisite_and_code_not_in_data_are_errors(project: Path) -> None:
    _edit(project, "keywords:", "prerequisites: [fractons]\nkeywords:")
    # a code of the standard's form that no data will hold (core concept 13 has fewer than nine learning contents)
    _edit(project, "  - cn-compulsory-science-2022:3\n", "  - cn-compulsory-science-2022:13.9\n")
    proc = run_cli("check", "--no-execute", cwd=project)
    assert proc.returncode == 1
    assert "error prerequisite-unknown: prerequisites[0]: 'fractons' is not defined in prerequisites.yaml (did you mean 'fractions'" in proc.stdout
    assert ("error standard-not-in-data: 'cn-compulsory-science-2022:13.9' is a valid code form of 义务教育科学课程标准（2022年版） "
            "(cn-compulsory-science-2022) but is not in our data yet") in proc.stdout
    assert "meanwhile align to cn-compulsory-science-2022:13 (" in proc.stdout
