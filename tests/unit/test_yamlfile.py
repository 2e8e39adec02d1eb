from pathlib import Path

import pytest

from sciedu import yamlfile


def test_lines_of_nested_keys_and_list_items(tmp_path: Path) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("id: x\ntitle:\n  zh: 标题\n  en: Title\nstandards:\n  - a:1\n  - b:2\n", encoding="utf-8")
    located = yamlfile.load(path)
    assert located.data["title"]["en"] == "Title"
    assert located.line_of(("title", "en")) == 4
    assert located.line_of(("standards", 1)) == 7
    # an unknown path falls back to its nearest located ancestor
    assert located.line_of(("title", "fr")) == 2


def test_malformed_yaml_is_a_located_finding(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\ntitle: [unclosed\nsummary: y\n", encoding="utf-8")
    with pytest.raises(yamlfile.YAMLSyntaxError) as info:
        yamlfile.load(path)
    finding = info.value.finding
    assert finding.rule == "yaml-syntax"
    assert finding.path.endswith("bad.yaml")
    assert finding.line in (2, 3)
    assert "malformed YAML" in finding.message
