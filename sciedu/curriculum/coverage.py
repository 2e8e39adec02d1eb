"""Which items the activities teach, and which nothing teaches yet.

An activity covers an item when it names the item or one of the item's descendants. The coverage matrix
has the framework's row items (``coverage_rows`` in framework.yaml, else its leaf items) against the
grade bands.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from sciedu.curriculum.model import ALL_BANDS, Framework, Item
from sciedu.model import GRADE_BANDS, Activity

#: The bands each framework is written for, in order, when its items don't say.
BANDS_OF = {"cn-compulsory-science-2022": ("1-2", "3-4", "5-6", "7-9")}


@dataclass(frozen=True)
class Row:
    item: Item
    cells: dict[str, tuple[str, ...]]  # band -> activity keys

    @property
    def activities(self) -> tuple[str, ...]:
        return tuple(sorted({key for keys in self.cells.values() for key in keys}))


@dataclass(frozen=True)
class Coverage:
    framework: Framework
    bands: tuple[str, ...]
    rows: tuple[Row, ...]

    @property
    def gaps(self) -> tuple[Item, ...]:
        return tuple(row.item for row in self.rows if not row.activities)


def row_items(framework: Framework) -> list[Item]:
    if framework.coverage_rows:
        return [i for i in framework.items.values() if i.type == framework.coverage_rows]
    parents = {i.parent for i in framework.items.values()}
    return [i for i in framework.items.values() if i.code not in parents]


def bands_of(framework: Framework, activities: list[Activity]) -> tuple[str, ...]:
    if framework.id in BANDS_OF:
        return BANDS_OF[framework.id]
    used = {i.band for i in framework.items.values() if i.band != ALL_BANDS} | {a.metadata.grade_band for a in activities}
    return tuple(b for b in GRADE_BANDS if b in used)


def covered_codes(framework: Framework, activity: Activity) -> set[str]:
    """The codes of ``framework`` an activity teaches, with all their ancestors."""
    out: set[str] = set()
    for standard in activity.metadata.standards:
        fw, _, code = standard.partition(":")
        if fw == framework.id and code in framework.items:
            out.add(code)
            out |= {a.code for a in framework.ancestors(code)}
    return out


def coverage(framework: Framework, activities: list[Activity]) -> Coverage:
    bands = bands_of(framework, activities)
    taught = {a.key: covered_codes(framework, a) for a in activities}
    rows = []
    for item in row_items(framework):
        cells = {
            band: tuple(sorted(a.key for a in activities if a.metadata.grade_band == band and item.code in taught[a.key]))
            for band in bands
        }
        rows.append(Row(item, cells))
    return Coverage(framework, bands, tuple(rows))


def render(cov: Coverage, fmt: str, lang: str = "en") -> str:
    header = ["code", "name", *cov.bands]
    records = [[row.item.code, row.item.name[lang], *(" ".join(row.cells[b]) for b in cov.bands)] for row in cov.rows]
    if fmt == "json":
        return json.dumps({
            "framework": cov.framework.id, "bands": list(cov.bands),
            "rows": [{"code": r.item.code, "id": r.item.id, "name": {"zh": r.item.name.zh, "en": r.item.name.en},
                      "cells": {b: list(r.cells[b]) for b in cov.bands}} for r in cov.rows],
            "gaps": [i.code for i in cov.gaps],
        }, ensure_ascii=False, indent=2)
    if fmt == "csv":
        out = io.StringIO()
        csv.writer(out, lineterminator="\n").writerows([header, *records])
        return out.getvalue()
    if fmt == "md":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cell or "–" for cell in record) + " |" for record in records]
        return "\n".join(lines) + "\n"
    return _table(header, records) + f"\n{len(cov.rows) - len(cov.gaps)} of {len(cov.rows)} covered; gaps: {', '.join(i.code for i in cov.gaps) or 'none'}\n"


def _table(header: list[str], records: list[list[str]]) -> str:
    rows = [header, *[[cell or "-" for cell in r] for r in records]]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)
