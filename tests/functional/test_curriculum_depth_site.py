"""A built site shows band requirements, their provenance and the learning-content heatmap (real mkdocs)."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import DATA, run_cli


def test_site_shows_requirements_provenance_and_band_requirement_of_an_activity(project: Path) -> None:
    shutil.copytree(DATA / "curriculum" / "fixture-standard", project / "curriculum" / "fixture-standard")
    yaml = project / "activities" / "physics" / "tiny-speed" / "activity.yaml"
    yaml.write_text(yaml.read_text(encoding="utf-8").replace(
        "  - cn-compulsory-science-2022:3\n", "  - cn-compulsory-science-2022:3\n  - fixture-standard:1.1\n"), encoding="utf-8")
    proc = run_cli("build", cwd=project)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    site = project / "build" / "site"
    en = (site / "en" / "standards" / "fixture-standard" / "index.html").read_text(encoding="utf-8")
    assert ('<li><span id="item-1-1-5-6"></span><strong>Grades 5–6</strong> <small>(1.1-5-6)</small>: '
            "Describe how fast objects move by their speed.") in en
    assert 'checked against 2 copies: <a href="https://example.org/a">Copy A</a>, <a href="https://example.org/b">Copy B</a>' in en
    assert 'confirmed from one copy only: <a href="https://example.org/a">Copy A</a> (only copy seen)' in en
    zh = (site / "standards" / "fixture-standard" / "index.html").read_text(encoding="utf-8")
    assert "已对照2个独立副本核对：" in zh and "仅根据一个副本确认：" in zh
    coverage = (site / "en" / "standards" / "fixture-standard" / "coverage.html").read_text(encoding="utf-8")
    assert coverage.count('class="stated"') == 3 and "● the standard states a requirement for this band" in coverage
    page = (site / "en" / "activities" / "physics" / "tiny-speed" / "index.html").read_text(encoding="utf-8")
    assert "Grades 5–6:</strong> Describe how fast objects move by their speed." in page
