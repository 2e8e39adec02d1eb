"""Broken and hostile files in the library: encodings, byte-order marks, line endings, links, names."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from sciedu import exporters, sources
from conftest import LIBRARY


@pytest.fixture
def library(tmp_path: Path) -> Path:
    root = tmp_path / "activities"
    shutil.copytree(LIBRARY, root)
    return root


def _rules(findings) -> list[tuple[str, str]]:
    return [(f.rule, Path(f.path).name) for f in findings]


def test_non_utf8_notebook_names_line_and_byte_offset(library: Path) -> None:
    en = library / "physics" / "tiny-speed" / "en.md"
    raw = en.read_bytes()
    at = raw.index(b"How fast")
    en.write_bytes(raw[:at] + b"\xff\xfe" + raw[at:])
    activities, findings = sources.load_library(library)
    assert activities == []
    [finding] = [f for f in findings if f.rule == "encoding"]
    assert finding.path.endswith("en.md")
    assert finding.line == raw[:at].count(b"\n") + 1
    assert f"offset {at}" in finding.message and "0xff" in finding.message


def test_bom_and_crlf_give_the_same_notebooks(library: Path, tmp_path: Path) -> None:
    [plain], _ = sources.load_library(library)
    for path in (library / "physics" / "tiny-speed").iterdir():
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    [marked], findings = sources.load_library(library)
    assert findings == []
    for lang in ("zh", "en"):
        for variant in ("student", "teacher"):
            assert exporters.dumps(exporters.export(marked, lang, variant)) == exporters.dumps(exporters.export(plain, lang, variant))
        assert marked.notebooks[lang].cell_lines == plain.notebooks[lang].cell_lines
    assert marked.metadata == plain.metadata


def test_link_out_of_the_activity_folder_is_refused(library: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("key", encoding="utf-8")
    assets = library / "physics" / "tiny-speed" / "assets"
    assets.mkdir()
    (assets / "data.txt").symlink_to(secret)
    activities, findings = sources.load_library(library)
    assert activities == []
    assert _rules(findings) == [("symlink-outside", "data.txt")]
    assert "outside tiny-speed/" in findings[0].message


def test_linked_folder_out_of_the_activity_and_dangling_links_are_refused(library: Path, tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    folder = library / "physics" / "tiny-speed"
    (folder / "assets").symlink_to(tmp_path / "elsewhere", target_is_directory=True)
    (folder / "notes.md").symlink_to(tmp_path / "missing.md")
    _, findings = sources.load_library(library)
    assert sorted(_rules(findings)) == [("symlink-outside", "assets"), ("symlink-outside", "notes.md")]


def test_link_inside_the_activity_folder_is_fine(library: Path) -> None:
    folder = library / "physics" / "tiny-speed"
    (folder / "assets").mkdir()
    (folder / "assets" / "a.txt").write_text("a", encoding="utf-8")
    (folder / "assets" / "b.txt").symlink_to("a.txt")
    [activity], findings = sources.load_library(library)
    assert findings == []
    assert [p.name for p in activity.assets] == ["a.txt", "b.txt"]


def test_activity_folder_linked_from_outside_activities_is_refused(library: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "tiny-speed"
    shutil.copytree(library / "physics" / "tiny-speed", outside)
    shutil.rmtree(library / "physics" / "tiny-speed")
    (library / "physics" / "tiny-speed").symlink_to(outside, target_is_directory=True)
    (library / "chemistry").symlink_to(tmp_path / "outside", target_is_directory=True)
    activities, findings = sources.load_library(library)
    assert activities == []
    assert sorted(_rules(findings)) == [("symlink-outside", "chemistry"), ("symlink-outside", "tiny-speed")]


@pytest.mark.parametrize(("make", "rule", "name"), [
    (lambda lib: (lib / "Physics").mkdir(), "subject-unknown", "Physics"),
    (lambda lib: (lib / "physics" / "no-yaml").mkdir(), "activity-yaml-missing", "no-yaml"),
    (lambda lib: (lib / "physics" / "tiny-speed" / "activity.yaml").rename(lib / "physics" / "tiny-speed" / "activity.yml"),
     "activity-yaml-missing", "tiny-speed"),
    (lambda lib: (lib / "physics" / "tiny-speed" / "en.md").rename(lib / "physics" / "tiny-speed" / "EN.md"), "file-name", "EN.md"),
])
def test_names_that_break_the_layout(library: Path, make, rule: str, name: str) -> None:
    make(library)
    _, findings = sources.load_library(library)
    assert (rule, name) in _rules(findings), findings
    assert all(f.severity == "error" for f in findings if f.rule == rule)


def test_folder_name_that_is_not_an_id(library: Path) -> None:
    bad = library / "physics" / "Tiny Speed"
    (library / "physics" / "tiny-speed").rename(bad)
    _, findings = sources.load_library(library)
    rules = [f.rule for f in findings]
    assert "folder-name" in rules and "id-folder-mismatch" in rules


def test_stray_files_are_warnings(library: Path) -> None:
    (library / "README.md").write_text("x", encoding="utf-8")
    (library / "physics" / "tiny-speed" / "notes.txt").write_text("x", encoding="utf-8")
    (library / ".DS_Store").write_text("x", encoding="utf-8")
    activities, findings = sources.load_library(library)
    assert len(activities) == 1
    assert sorted((f.rule, f.severity.value) for f in findings) == [("file-unused", "warning"), ("library-stray-file", "warning")]


def test_two_activities_with_one_id(library: Path) -> None:
    twin = library / "chemistry" / "tiny-speed"
    shutil.copytree(library / "physics" / "tiny-speed", twin)
    yaml_path = twin / "activity.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("subject: physics", "subject: chemistry"), encoding="utf-8")
    activities, findings = sources.load_library(library)
    assert activities == []
    assert [f.rule for f in findings] == ["duplicate-id", "duplicate-id"]
    assert "activities/chemistry/tiny-speed/activity.yaml" in findings[0].message.replace(os.sep, "/")
