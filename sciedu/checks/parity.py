"""Both languages must teach the same lesson: the same code cells with the same tags, in order."""

from __future__ import annotations

from collections.abc import Iterator

from sciedu.checks.context import Context
from sciedu.errors import Finding, error
from sciedu.model import Activity


def _code_cells(activity: Activity, lang: str) -> list:
    return [c for c in activity.notebooks[lang].nb.cells if c.cell_type == "code"]


def code_cells_match(activity: Activity, context: Context) -> Iterator[Finding]:
    zh, en = _code_cells(activity, "zh"), _code_cells(activity, "en")
    en_nb = activity.notebooks["en"]
    if len(zh) != len(en):
        yield error(en_nb.path, 1, "parity-code-cells", f"{len(en)} code cells here but {len(zh)} in zh.md; both languages need the same code cells")
        return
    for number, (a, b) in enumerate(zip(zh, en, strict=True), start=1):
        tags_zh, tags_en = sorted(a.metadata.get("tags", [])), sorted(b.metadata.get("tags", []))
        if tags_zh != tags_en:
            yield error(en_nb.path, en_nb.line_of(b.id), "parity-tags", f"code cell {number} has tags {tags_en} but zh.md has {tags_zh}")
    roles = {lang: _role_cells(activity, lang) for lang in ("zh", "en")}
    if roles["zh"] != roles["en"]:
        yield error(en_nb.path, 1, "parity-roles", f"{roles['en']} solution/teacher cells here but {roles['zh']} in zh.md")


def _role_cells(activity: Activity, lang: str) -> int:
    return sum(1 for c in activity.notebooks[lang].nb.cells if {"solution", "teacher"} & set(c.metadata.get("tags", [])))
