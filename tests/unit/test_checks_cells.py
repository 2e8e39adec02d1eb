"""Unknown cell tags and cell metadata keys are located errors with a suggestion."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from sciedu import sources
from sciedu.checks import RULES, cells
from sciedu.checks.context import Context

LIBRARY = Path(__file__).parents[1] / "data" / "library"
REPO = Path(__file__).parents[2]


def _activity_with(tmp_path: Path, lang: str, old: str, new: str):
    folder = tmp_path / "physics" / "tiny-speed"
    shutil.copytree(LIBRARY / "physics" / "tiny-speed", folder)
    path = folder / f"{lang}.md"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    activity, findings = sources.load_activity(folder)
    assert findings == [] and activity is not None
    return activity, path.read_text(encoding="utf-8").splitlines()


def _findings(activity) -> list:
    return list(cells.known_tags_and_keys(activity, Context()))


def test_the_rule_is_registered() -> None:
    assert cells.known_tags_and_keys in RULES


def test_misspelt_solution_tag_on_a_code_cell(tmp_path: Path) -> None:
    activity, lines = _activity_with(tmp_path, "en", ":tags: [solution]", ":tags: [solutions]")
    [finding] = _findings(activity)
    assert finding.rule == "unknown-tag" and finding.severity.value == "error"
    assert finding.path.endswith("en.md")
    assert lines[finding.line - 1] == ":tags: [solutions]"
    assert "'solutions' → did you mean 'solution'?" in finding.message
    assert "Known tags: solution, teacher, hide-input" in finding.message
    assert "nbval-ignore-output" in finding.message


def test_misspelt_tag_in_a_markdown_header(tmp_path: Path) -> None:
    activity, lines = _activity_with(tmp_path, "zh", '+++ {"tags": ["teacher"]}', '+++ {"tags": ["teacher", "hide_input"]}')
    [finding] = _findings(activity)
    assert finding.path.endswith("zh.md")
    assert lines[finding.line - 1] == '+++ {"tags": ["teacher", "hide_input"]}'
    assert "'hide_input' → did you mean 'hide-input'?" in finding.message


def test_a_tag_like_nothing_known_lists_the_known_tags(tmp_path: Path) -> None:
    activity, _ = _activity_with(tmp_path, "en", ":tags: [solution]", ":tags: [solution, zzz]")
    [finding] = _findings(activity)
    assert "'zzz'." in finding.message and "did you mean" not in finding.message
    assert all(tag in finding.message for tag in cells.TAGS)


def test_every_known_tag_passes(tmp_path: Path) -> None:
    activity, _ = _activity_with(tmp_path, "en", ":tags: [solution]", f":tags: [{', '.join(cells.TAGS)}]")
    assert _findings(activity) == []


def test_unknown_key_in_a_code_cell_header(tmp_path: Path) -> None:
    activity, lines = _activity_with(tmp_path, "en", ":tags: [solution]\n", ":tags: [solution]\n:tgas: [teacher]\n")
    [finding] = _findings(activity)
    assert finding.rule == "unknown-cell-key"
    assert lines[finding.line - 1] == ":tgas: [teacher]"
    assert "'tgas' → did you mean 'tags'?" in finding.message
    assert "Known keys: tags" in finding.message


def test_unknown_key_in_a_markdown_header(tmp_path: Path) -> None:
    activity, lines = _activity_with(tmp_path, "en", '+++ {"tags": ["solution"]}', '+++ {"tags": ["solution"], "answer": "0.4 m/s"}')
    [finding] = _findings(activity)
    assert finding.rule == "unknown-cell-key"
    assert lines[finding.line - 1].startswith('+++ {"tags": ["solution"], "answer"')
    assert "'answer'." in finding.message


def test_unknown_key_in_a_yaml_cell_header(tmp_path: Path) -> None:
    activity, lines = _activity_with(tmp_path, "zh", ":tags: [solution]\n", "---\ntags: [solution]\nslideshow: {slide_type: slide}\n---\n")
    [finding] = _findings(activity)
    assert lines[finding.line - 1].startswith("slideshow:")


@pytest.mark.parametrize("folder", sorted(p.parent for p in (REPO / "activities").glob("*/*/activity.yaml")) + [REPO / "sciedu" / "templates" / "activity"],
                         ids=lambda p: p.name)
def test_bundled_activities_and_the_template_use_only_known_tags(folder: Path, tmp_path: Path) -> None:
    if folder.name == "activity":  # the template: copy it to a folder named like its id
        target = tmp_path / "physics" / "my-activity"
        shutil.copytree(folder, target)
        folder = target
    activity, _ = sources.load_activity(folder)
    if activity is None:  # the template's placeholders may not load as-is; its notebooks still must use known tags
        notebooks = [sources.read_notebook(folder / f"{lang}.md", lang, "x/y") for lang in ("zh", "en")]
        used = {t for nb in notebooks for c in nb.nb.cells for t in c.metadata.get("tags", [])}
        assert used <= set(cells.TAGS)
        return
    assert _findings(activity) == []


def test_a_tag_that_also_appears_in_the_fence_points_at_the_options(tmp_path: Path) -> None:
    activity, lines = _activity_with(tmp_path, "en", ":tags: [solution]", ":tags: [solution, python]")
    [finding] = _findings(activity)
    assert lines[finding.line - 1] == ":tags: [solution, python]"
