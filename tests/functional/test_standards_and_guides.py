"""The standards browser, teacher guides and session plans in a built site; the curriculum commands."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from conftest import REPO, run_cli
from sciedu import curriculum
from sciedu.site.standards import anchor

ACTIVITY = "physics/tiny-speed"


@pytest.mark.parametrize("prefix", ["", "en/"])
def test_every_item_has_its_place_in_the_browser(built_project: Path, prefix: str) -> None:
    loaded, findings = curriculum.load(built_project / "curriculum")
    assert findings == []
    site = built_project / "build" / "site" / prefix / "standards"
    for framework in loaded.frameworks.values():
        page = (site / framework.id / "index.html").read_text(encoding="utf-8")
        ids = set(re.findall(r'id="(item-[^"]+)"', page))
        missing = [code for code in framework.items if anchor(code) not in ids]
        assert missing == [], f"{framework.id}: {missing[:5]}"
        coverage = (site / framework.id / "coverage.html").read_text(encoding="utf-8")
        assert "<svg" in coverage and 'class="sciedu-heatmap"' in coverage
    assert (site / "crosswalks.html").is_file()


def test_activity_page_shows_the_full_statement_it_teaches(built_project: Path) -> None:
    loaded, _ = curriculum.load(built_project / "curriculum")
    item = loaded.item("cn-compulsory-science-2022:3")
    zh = (built_project / "build" / "site" / "activities" / ACTIVITY / "index.html").read_text(encoding="utf-8")
    en = (built_project / "build" / "site" / "en" / "activities" / ACTIVITY / "index.html").read_text(encoding="utf-8")
    assert item.statement["zh"] in zh and item.name.en in en
    assert "standards/cn-compulsory-science-2022/index.html#item-3" in zh


def _text_of(page: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", page))


def _solution_outputs(project: Path, lang: str) -> list[str]:
    path = project / "build" / "notebooks" / lang / "teacher" / ACTIVITY / "tiny-speed.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return ["".join(o.get("text", "")) for c in notebook["cells"] if "solution" in c["metadata"].get("tags", [])
            for o in c.get("outputs", [])]


def test_teacher_guide_answer_key_is_the_executed_output(built_project: Path) -> None:
    assert _solution_outputs(built_project, "en") == ["answer 0.40\n"]
    assert _solution_outputs(built_project, "zh") == ["答案 0.40\n"]
    for prefix, lang in (("", "zh"), ("en/", "en")):
        folder = built_project / "build" / "site" / prefix / "teacher" / ACTIVITY
        guide = (folder / "guide.html").read_text(encoding="utf-8")
        printable = (folder / "guide-print.html").read_text(encoding="utf-8")
        for page in (_text_of(guide), _text_of(printable)):
            for output in _solution_outputs(built_project, lang):
                assert output.strip() in page
            assert "secret_answer_line = distance_m / given" in page
        assert "<nav" not in printable and "@page { size: A4" in printable  # printable: no navigation, A4
    phases = (built_project / "build" / "site" / "en" / "teacher" / ACTIVITY / "guide.html").read_text(encoding="utf-8")
    assert re.search(r"<strong>20</strong>", phases)  # the phase table's total equals the duration


def test_session_plans_are_on_the_site_in_both_languages(built_project: Path) -> None:
    zh = (built_project / "build" / "site" / "sessions" / ACTIVITY / "index.html").read_text(encoding="utf-8")
    en = (built_project / "build" / "site" / "en" / "sessions" / ACTIVITY / "index.html").read_text(encoding="utf-8")
    assert "科学家进校园活动方案" in zh and "Scientist-in-school session plan" in en
    assert "<strong>90</strong>" in en  # primary school: 90 minutes
    assert "tiny-speed-en.ipynb" in en  # the follow-up points to the student notebook


def test_session_command_prints_and_writes(built_project: Path, tmp_path: Path) -> None:
    proc = run_cli("session", "tiny-speed", "--minutes", "45", "--lang", "zh", cwd=built_project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("# 科学家进校园活动方案：小车的速度（45 分钟）")
    assert "| | **45** | **合计** | |" in proc.stdout
    out = tmp_path / "plan.html"
    proc = run_cli("session", ACTIVITY, "--minutes", "120", "--lang", "en", "--format", "html", "-o", str(out), cwd=built_project)
    assert proc.returncode == 0
    assert "<strong>120</strong>" in out.read_text(encoding="utf-8")
    bad = run_cli("session", "tiny-sped", cwd=built_project)
    assert bad.returncode == 2 and "did you mean 'tiny-speed'" in bad.stderr


def test_coverage_command_formats(built_project: Path) -> None:
    loaded, _ = curriculum.load(built_project / "curriculum")
    fw = loaded.frameworks["cn-compulsory-science-2022"]
    contents = [i.code for i in fw.items.values() if i.type == "learning-content"]
    table = run_cli("coverage", "cn-compulsory-science-2022", cwd=built_project)
    assert table.returncode == 0
    lines = table.stdout.splitlines()
    assert lines[0].split() == ["code", "name", "1-2", "3-4", "5-6", "7-9"]
    concept3 = next(line for line in lines if line.startswith("3 "))
    assert "physics/tiny-speed" in concept3  # aligned to core concept 3: shown on the concept's group line
    assert len([line for line in lines[2:] if re.match(r"^\d+\s", line) and "covered" not in line]) == 13  # every core concept is a group
    listed = [line.split()[0] for line in lines[2:] if re.match(r"^  \d+\.\d+\s", line)]
    assert listed == sorted(contents, key=lambda c: tuple(int(p) for p in c.split(".")))  # every learning content, by concept
    assert lines[-1].startswith(f"0 of {len(contents)} covered (learning-content)")
    data = json.loads(run_cli("coverage", "cn-compulsory-science-2022", "--format", "json", cwd=built_project).stdout)
    assert [g["code"] for g in data["groups"]][:3] == ["1", "2", "3"]
    assert data["groups"][2]["cells"]["5-6"] == ["physics/tiny-speed"]
    assert sorted(data["gaps"]) == sorted(contents)
    unknown = run_cli("coverage", "ngss", cwd=built_project)
    assert unknown.returncode == 2 and "did you mean 'ngss-2013'" in unknown.stderr


def test_export_case_writes_a_package(built_project: Path, tmp_path: Path) -> None:
    out = tmp_path / "ngss.json"
    proc = run_cli("export-case", "ngss-2013", "-o", str(out), cwd=built_project)
    assert proc.returncode == 0, proc.stderr
    package = json.loads(out.read_text(encoding="utf-8"))
    codes = {i["humanCodingScheme"] for i in package["CFItems"]}
    assert {"MS-PS3-1", "HS-PS1-8", "5-ESS1-2", "PS3.A"} <= codes
    assert package["CFDocument"]["title"] == "Next Generation Science Standards"


def test_repository_curriculum_is_clean() -> None:
    proc = run_cli("coverage", cwd=REPO)
    assert proc.returncode == 0
    assert re.search(r"ngss-2013\s+\d{3} items", proc.stdout)


def test_printable_pages_link_only_to_files_that_exist(built_project: Path) -> None:
    site = built_project / "build" / "site"
    pages = [*site.rglob("guide-print.html"), *site.rglob("session-print.html")]
    assert len(pages) == 4  # guide and session plan, zh and en
    for page in pages:
        text = page.read_text(encoding="utf-8")
        targets = re.findall(r'(?:href|src)="([^"#]+)', text)
        local = [t for t in targets if not re.match(r"^[a-z]+:", t)]
        assert any(t.endswith(".ipynb") for t in local) or "guide" in page.name
        for target in local:
            assert (page.parent / target).resolve().is_file(), f"{page}: {target}"
