"""The generated per-language mkdocs config: theme strings in the page's language."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import REPO
from sciedu.site.config import localised_palette, write_config


def test_palette_toggles_are_named_in_the_page_language() -> None:
    palette = [{"scheme": "default", "toggle": {"icon": "x", "name": "Switch to dark mode"}},
               {"scheme": "slate", "toggle": {"icon": "y", "name": "Switch to light mode"}}]
    zh = localised_palette(palette, "zh")
    assert [o["toggle"]["name"] for o in zh] == ["切换到深色模式", "切换到浅色模式"]
    assert palette[0]["toggle"]["name"] == "Switch to dark mode"  # the input is not changed


def test_a_scheme_without_a_string_keeps_the_project_wording() -> None:
    palette = [{"scheme": "sepia", "toggle": {"icon": "x", "name": "Sepia"}}, {"scheme": "default"}]
    assert localised_palette(palette, "zh") == palette


def test_the_config_carries_the_theme_strings_and_the_localised_palette(tmp_path: Path) -> None:
    path = write_config(tmp_path / "mkdocs-zh.yml", project_mkdocs=REPO / "mkdocs.yml", docs_dir=tmp_path,
                        site_dir=tmp_path / "site", overrides=REPO / "site" / "overrides", lang="zh", nav=[])
    config = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert config["extra"]["sciedu"]["not_found_title"].startswith("404")
    assert {o["scheme"] for o in config["theme"]["palette"]} == {"default", "slate"}
    assert all("模式" in o["toggle"]["name"] for o in config["theme"]["palette"])
