"""Hostile and broken YAML: every mistake is one located finding, refused before anything is built."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciedu import metadata, yamlfile
from conftest import LIBRARY

BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 9)}]\n" for i in range(8)))


def _finding(tmp_path: Path, text: str | bytes):
    path = tmp_path / "activity.yaml"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    with pytest.raises(yamlfile.YAMLSyntaxError) as info:
        yamlfile.load(path)
    return info.value.finding


def test_alias_bomb_is_refused_at_the_first_alias(tmp_path: Path) -> None:
    finding = _finding(tmp_path, BOMB)  # 9**9 = 387 million strings if it were expanded
    assert (finding.rule, finding.line) == ("yaml-alias", 2)
    assert "*a" in finding.message and "not allowed" in finding.message


def test_any_alias_is_refused(tmp_path: Path) -> None:
    finding = _finding(tmp_path, "x: &t {zh: 标题, en: Title}\ntitle: *t\n")
    assert (finding.rule, finding.line) == ("yaml-alias", 2)


def test_duplicate_key_is_an_error_at_its_second_occurrence(tmp_path: Path) -> None:
    finding = _finding(tmp_path, "id: a\ntitle:\n  zh: 一\n  en: One\n  zh: 二\n")
    assert (finding.rule, finding.line) == ("yaml-duplicate-key", 5)
    assert "'zh' is given twice (first at line 3)" in finding.message


def test_too_deep_nesting_is_refused(tmp_path: Path) -> None:
    text = "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 80)) + "  " * 80 + "x: 1\n"
    assert _finding(tmp_path, text).rule == "yaml-too-deep"
    assert _finding(tmp_path, "a: " + "[" * 10_000 + "]" * 10_000).rule == "yaml-syntax"


def test_not_utf8_names_the_line_and_byte(tmp_path: Path) -> None:
    finding = _finding(tmp_path, b"id: x\nsummary: caf\xe9\n")
    assert (finding.rule, finding.line) == ("yaml-encoding", 2)
    assert "0xe9" in finding.message


def test_bom_and_crlf_are_read_like_plain_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_bytes("\ufeffid: x\r\ntitle:\r\n  zh: 标题\r\n  en: Title\r\n".encode())
    located = yamlfile.load(path)
    assert located.data == {"id": "x", "title": {"zh": "标题", "en": "Title"}}
    assert located.line_of(("title", "en")) == 4


@pytest.mark.parametrize(("text", "fix"), [
    ("id: x\ntitle: Speed: how fast\n", 'title: "Speed: how fast"'),
    ("title: {en: Speed: how fast, zh: 速度}\n", 'title: {en: "Speed: how fast", zh: 速度}'),
    ("safety:\n  - zh: 注意: 戴护目镜\n    en: Wear goggles\n", '- zh: "注意: 戴护目镜"'),
])
def test_colon_in_unquoted_text_is_explained_with_the_quoted_fix(tmp_path: Path, text: str, fix: str) -> None:
    finding = _finding(tmp_path, text)
    assert finding.rule == "yaml-syntax"
    assert "contains ': '" in finding.message and "double quotes" in finding.message
    assert fix in finding.message


def test_colon_text_read_as_a_mapping_gets_the_same_hint(tmp_path: Path) -> None:
    path = tmp_path / "activity.yaml"
    original = (LIBRARY / "physics" / "tiny-speed" / "activity.yaml").read_text(encoding="utf-8")
    path.write_text(original.replace("safety: []", "safety:\n  - Note: wear goggles"), encoding="utf-8")
    _, findings = metadata.validate(yamlfile.load(path))
    assert [f.rule for f in findings] == ["metadata-invalid"]
    assert "'Note: wear goggles'" in findings[0].message and "double quotes" in findings[0].message


@pytest.mark.parametrize(("text", "found"), [("", "an empty file"), ("- a\n- b\n", "a list"), ("just text\n", "a str")])
def test_empty_file_and_wrong_top_level_type(tmp_path: Path, text: str, found: str) -> None:
    path = tmp_path / "activity.yaml"
    path.write_text(text, encoding="utf-8")
    meta, findings = metadata.validate(yamlfile.load(path))
    assert meta is None
    assert [(f.rule, f.line) for f in findings] == [("metadata-type", 1)]
    assert found in findings[0].message


@pytest.mark.parametrize(("old", "new", "where"), [
    ("duration: 20", "duration: 0", "duration"),
    ("duration: 20", "duration: -5", "duration"),
    ("duration: 20", "duration: 100000000000", "duration"),
    ("duration: 20", "duration: .nan", "duration"),
    ("duration: 20", "duration: .inf", "duration"),
    ("duration: 20", "duration: 20.5", "duration"),
    ("duration: 20", "duration: true", "duration"),
    ("    minutes: 5\n", "    minutes: -5\n", "phases[0].minutes"),
    ("    minutes: 5\n", "    minutes: 1000000\n", "phases[0].minutes"),
    ("model: poe", "model: poe\nexecution: {timeout: 0}", "execution.timeout"),
    ("model: poe", "model: poe\nexecution: {timeout: 1000000}", "execution.timeout"),
    ("model: poe", "model: poe\nexecution: {timeout: .inf}", "execution.timeout"),
    ('    key: "0.4 m/s"', '    key: "0.4 m/s"\n    tolerance: .nan', "answers[0].tolerance"),
    ('    key: "0.4 m/s"', '    key: "0.4 m/s"\n    tolerance: .inf', "answers[0].tolerance"),
    ('    key: "0.4 m/s"', '    key: "0.4 m/s"\n    tolerance: -0.1', "answers[0].tolerance"),
    ('    key: "0.4 m/s"', '    key: "0.4 m/s"\n    tolerance: 0', "answers[0].tolerance"),
    ('given: {d: "2 m", t: "5 s"}', "given: {d: .nan, t: 5}", "answers[0].given.d"),
    ("d: {range: [1, 4, 1], unit: m}", "d: {range: [1, 4, 0], unit: m}", "variants[0].parameters.d.range"),
    ("d: {range: [1, 4, 1], unit: m}", "d: {range: [1, 4, -1], unit: m}", "variants[0].parameters.d.range"),
    ("d: {range: [1, 4, 1], unit: m}", "d: {range: [4, 1, 1], unit: m}", "variants[0].parameters.d.range"),
    ("d: {range: [1, 4, 1], unit: m}", "d: {range: [0, 1000000000000, 0.000001], unit: m}", "variants[0].parameters.d.range"),
    ("d: {range: [1, 4, 1], unit: m}", "d: {range: [1, .inf, 1], unit: m}", "variants[0].parameters.d.range[1]"),
    ("t: {choices: [2, 4, 5], unit: s}", "t: {choices: [2, .nan], unit: s}", "variants[0].parameters.t.choices[1]"),
    ("    digits: 2", "    digits: 99", "variants[0].digits"),
    ("    answer: 1\n", "    answer: -1\n", "assessment[0].answer"),
    ("    answer: 1\n", "    answer: 7\n", "assessment[0].answer"),
])
def test_impossible_values_are_located_findings(tmp_path: Path, old: str, new: str, where: str) -> None:
    path = tmp_path / "activity.yaml"
    original = (LIBRARY / "physics" / "tiny-speed" / "activity.yaml").read_text(encoding="utf-8")
    assert old in original
    text = original.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    meta, findings = metadata.validate(yamlfile.load(path))
    assert meta is None
    assert len(findings) == 1, findings
    finding = findings[0]
    assert finding.rule == "metadata-invalid"
    assert finding.message.startswith(f"{where}:"), finding.message
    changed = next(i for i, (a, b) in enumerate(zip(original.splitlines(), text.splitlines(), strict=False)) if a != b) + 1
    assert changed <= finding.line <= changed + 2, (finding.line, changed)
