"""A third language takes configuration, catalogues and activity files, and no code (issue 11).

The fixture (tests/data/third-language) is the tiny-speed activity in Chinese, English and Korean, a partial Korean
catalogue per domain and a Korean home page; the project lists ``ko: 한국어`` under ``extra.languages``.
"""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import DATA, make_project, run_cli

THIRD = DATA / "third-language"
LANGUAGES_BLOCK = "  languages:\n    zh: 中文\n    en: English\n"

pytestmark = pytest.mark.slow


def trilingual_project(root: Path) -> Path:
    make_project(root, library=THIRD / "activities")
    shutil.copytree(THIRD / "locale", root / "locale")
    shutil.copytree(THIRD / "site" / "ko", root / "site" / "ko")
    mkdocs = root / "mkdocs.yml"
    text = mkdocs.read_text(encoding="utf-8")
    assert LANGUAGES_BLOCK in text
    mkdocs.write_text(text.replace(LANGUAGES_BLOCK, LANGUAGES_BLOCK + "    ko: 한국어\n"), encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = trilingual_project(tmp_path_factory.mktemp("third-language") / "project")
    proc = run_cli("build", "--strict", cwd=root)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return root


def _page(root: Path, *parts: str) -> str:
    return root.joinpath("build", "site", *parts).read_text(encoding="utf-8")


def test_the_third_language_has_its_site_notebooks_and_search(built: Path) -> None:
    page = _page(built, "ko", "activities", "physics", "tiny-speed", "index.html")
    assert re.search(r'<html[^>]* lang="ko"', page)
    assert "장난감 자동차의 속력" in page and "장난감 자동차가 4초 동안 2미터를 달립니다" in page  # the activity's Korean
    assert "학습 목표" in page and "학생용 노트북 내려받기" in page  # interface words from the Korean catalogue
    assert "Scientific review" in page  # a message the catalogue leaves untranslated reads in English
    assert "비밀 풀이" not in page and "secret_answer_line" not in page  # the student page has no answers
    home = _page(built, "ko", "index.html")
    assert "sciedu 과학 활동" in home and "첫 페이지" in home
    for variant in ("student", "teacher"):
        assert (built / "build" / "notebooks" / "ko" / variant / "physics" / "tiny-speed").is_dir()
    index = _page(built, "ko", "search", "index.js")
    assert "장난감 자동차의 속력" in index


def test_every_page_offers_every_language(built: Path) -> None:
    """The language switch of each language's home page leads to the same page in all three languages."""
    site = built / "build" / "site"
    for home in (site / "index.html", site / "en" / "index.html", site / "ko" / "index.html"):
        links = dict(re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', home.read_text(encoding="utf-8")))
        targets = {lang: (home.parent / link).resolve() for link, lang in links.items()}
        assert targets == {"zh": site / "index.html", "en": site / "en" / "index.html", "ko": site / "ko" / "index.html"}
    assert "한국어" in _page(built, "index.html")


def test_the_kit_speaks_korean_in_the_kernel_and_in_the_class_pack(built: Path) -> None:
    # the notebook calls mine.to_markdown("ko"): the kernel found the project's compiled Korean kit catalogue,
    # or it would have stopped with "Unknown language 'ko'"
    notebook = next((built / "build" / "notebooks" / "ko" / "student" / "physics" / "tiny-speed").glob("*.ipynb"))
    outputs = json.dumps(json.loads(notebook.read_text(encoding="utf-8"))["cells"], ensure_ascii=False)
    assert re.search(r"d = \d, t = \d", outputs)
    pack = next((built / "build" / "site" / "ko" / "activities" / "physics" / "tiny-speed").glob("*-ko-class-pack.zip"))
    with zipfile.ZipFile(pack) as archive:
        names = set(archive.namelist())
        assert "tiny-speed/sciedu/kit/locale/ko/LC_MESSAGES/kit.mo" in names or any(
            n.endswith("sciedu/kit/locale/ko/LC_MESSAGES/kit.mo") for n in names), sorted(names)


def test_a_missing_third_language_file_names_what_is_missing(tmp_path: Path) -> None:
    root = trilingual_project(tmp_path / "project")
    (root / "activities" / "physics" / "tiny-speed" / "ko.md").unlink()
    proc = run_cli("check", "--no-execute", cwd=root)
    assert proc.returncode == 1
    assert "missing the ko notebook: expected ko.md beside activity.yaml" in proc.stdout + proc.stderr
    shutil.rmtree(root / "site" / "ko")
    (root / "activities" / "physics" / "tiny-speed" / "ko.md").write_text(
        (THIRD / "activities" / "physics" / "tiny-speed" / "ko.md").read_text(encoding="utf-8"), encoding="utf-8")
    proc = run_cli("build", cwd=root)
    assert proc.returncode != 0
    assert "site/ko/index.md: missing" in proc.stdout + proc.stderr


def test_catalogue_commands_start_and_update_a_language(project: Path) -> None:
    proc = run_cli("catalogue", "init", "bo", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert "wrote locale/bo/LC_MESSAGES/sciedu.po" in proc.stdout and "wrote locale/bo/LC_MESSAGES/kit.po" in proc.stdout
    po = project / "locale" / "bo" / "LC_MESSAGES" / "kit.po"
    assert 'msgid "Correct!"' in po.read_text(encoding="utf-8")
    proc = run_cli("catalogue", "update", cwd=project)
    assert proc.returncode == 0, proc.stderr
    assert re.search(r"locale/bo/LC_MESSAGES/kit.po: 0 of \d+ messages translated", proc.stdout)
    proc = run_cli("catalogue", "init", "Tibetan", cwd=project)
    assert proc.returncode == 2
    assert "expected a two- or three-letter lower-case language code (ISO 639)" in proc.stderr and "'Tibetan'" in proc.stderr


def test_a_language_the_project_does_not_have_is_a_usage_error(project: Path) -> None:
    proc = run_cli("session", "tiny-speed", "--lang", "ko", cwd=project)
    assert proc.returncode == 2
    assert "--lang 'ko': this project's languages are zh, en (extra.languages in mkdocs.yml)" in proc.stderr
