"""Which items the activities teach, and which nothing teaches yet.

The coverage matrix has the framework's row items (``coverage_rows`` in framework.yaml, else its leaf
items) against its grade bands (``bands`` in framework.yaml, else the bands its items and activities use).
Rows are grouped under their parent items (for the 2022 standard: learning contents under core concepts).

An activity covers an item when it names the item or one of the item's descendants; it counts in the
column of its own grade band, except when it names a per-band requirement (``learning-requirement``),
which counts in that requirement's band. A row also records, per band, whether the standard states a
requirement for that band (its ``learning-requirement`` children).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

from sciedu.curriculum.model import ALL_BANDS, REQUIREMENT, Framework, Item
from sciedu.languages import N_
from sciedu.model import GRADE_BANDS, Activity

STATED, NOT_STATED = "●", "○"


@dataclass(frozen=True)
class Row:
    item: Item
    cells: dict[str, tuple[str, ...]]  # band -> activity keys
    group: Item | None = None  # the parent item the row is listed under
    requirements: dict[str, Item] = field(default_factory=dict)  # band -> the requirement the standard states

    @property
    def activities(self) -> tuple[str, ...]:
        return tuple(sorted({key for keys in self.cells.values() for key in keys}))


@dataclass(frozen=True)
class Coverage:
    framework: Framework
    bands: tuple[str, ...]
    rows: tuple[Row, ...]
    groups: tuple[Row, ...] = ()  # the group items with their own coverage, in order

    @property
    def gaps(self) -> tuple[Item, ...]:
        return tuple(row.item for row in self.rows if not row.activities)

    @property
    def states_requirements(self) -> bool:
        """True when the framework states per-band requirements for its rows (cells then show ● / ○)."""
        return any(row.requirements for row in self.rows)

    def rows_of(self, group: Item | None) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if (row.group.code if row.group else None) == (group.code if group else None))


def row_items(framework: Framework) -> list[Item]:
    if framework.coverage_rows:
        return [i for i in framework.items.values() if i.type == framework.coverage_rows]
    parents = {i.parent for i in framework.items.values()}
    return [i for i in framework.items.values() if i.code not in parents]


def group_items(framework: Framework, rows: list[Item]) -> list[Item]:
    """The items rows are grouped under: every item of the rows' parent types, so that a group with no
    row items in our data yet (a core concept whose learning contents are not entered) still shows."""
    if not framework.coverage_rows:
        return []
    types = {framework.items[i.parent].type for i in rows if i.parent in framework.items}
    return [i for i in framework.items.values() if i.type in types]


def bands_of(framework: Framework, activities: list[Activity]) -> tuple[str, ...]:
    if framework.bands:
        return framework.bands
    used = {i.band for i in framework.items.values() if i.band != ALL_BANDS} | {a.metadata.grade_band for a in activities}
    return tuple(b for b in GRADE_BANDS if b in used)


def covered_codes(framework: Framework, activity: Activity) -> set[str]:
    """The codes of ``framework`` an activity teaches, with all their ancestors."""
    return {code for code, _ in placements(framework, activity)}


def placements(framework: Framework, activity: Activity) -> set[tuple[str, str]]:
    """(code, band) for every item the activity teaches and all their ancestors: the band is the activity's,
    or the requirement's when the activity names a per-band requirement."""
    out: set[tuple[str, str]] = set()
    for standard in activity.metadata.standards:
        fw, _, code = standard.partition(":")
        item = framework.items.get(code) if fw == framework.id else None
        if item is None:
            continue
        band = item.band if item.type == REQUIREMENT and item.band != ALL_BANDS else activity.metadata.grade_band
        out |= {(c, band) for c in (code, *(a.code for a in framework.ancestors(code)))}
    return out


def coverage(framework: Framework, activities: list[Activity]) -> Coverage:
    bands = bands_of(framework, activities)
    placed = {a.key: placements(framework, a) for a in activities}

    def row(item: Item, group: Item | None) -> Row:
        cells = {band: tuple(sorted(key for key, where in placed.items() if (item.code, band) in where)) for band in bands}
        return Row(item, cells, group, framework.requirements(item.code))

    items = row_items(framework)
    groups = [row(g, None) for g in group_items(framework, items)]
    by_code = {g.item.code: g.item for g in groups}
    rows = [row(i, by_code.get(i.parent or "")) for i in items]
    if groups:  # rows in the order of their groups
        order = {g.item.code: n for n, g in enumerate(groups)}
        rows.sort(key=lambda r: order.get(r.group.code, len(order)) if r.group else len(order))
    return Coverage(framework, bands, tuple(rows), tuple(groups))


_LEGEND = N_("{stated} the standard states a requirement for this band, {not_stated} it states none; the number "
             "counts the activities that teach it.")
TAUGHT_BY = N_("taught by:")


def legend(lang: str) -> str:
    """What the marks of a coverage table mean, in ``lang``."""
    return _LEGEND.format(lang, stated=STATED, not_stated=NOT_STATED)


def render(cov: Coverage, fmt: str, lang: str = "en") -> str:
    if fmt == "json":
        return _json(cov)
    if fmt == "csv":
        return _csv(cov, lang)
    if fmt == "md":
        return _md(cov, lang)
    return _text(cov, lang)


def ordered(cov: Coverage) -> list[tuple[Row, bool]]:
    """Group rows (True) each followed by its rows, then any ungrouped rows; or just the rows."""
    if not cov.groups:
        return [(row, False) for row in cov.rows]
    out: list[tuple[Row, bool]] = []
    for group in cov.groups:
        out.append((group, True))
        out += [(row, False) for row in cov.rows_of(group.item)]
    out += [(row, False) for row in cov.rows_of(None)]
    return out


def _json(cov: Coverage) -> str:
    def entry(r: Row) -> dict:
        return {"code": r.item.code, "id": r.item.id, "type": r.item.type,
                "name": {"zh": r.item.name.zh, "en": r.item.name.en},
                "group": r.group.code if r.group else None,
                "cells": {b: list(r.cells[b]) for b in cov.bands},
                "requirements": {b: {"code": req.code, "statement": req.statement} for b, req in r.requirements.items() if b in cov.bands}}
    return json.dumps({
        "framework": cov.framework.id, "bands": list(cov.bands), "row_type": cov.framework.coverage_rows,
        "groups": [{**entry(g), "rows": [r.item.code for r in cov.rows_of(g.item)]} for g in cov.groups],
        "rows": [entry(r) for r in cov.rows],
        "gaps": [i.code for i in cov.gaps],
    }, ensure_ascii=False, indent=2)


def _csv(cov: Coverage, lang: str) -> str:
    stated = cov.states_requirements
    header = ["code", "name", *cov.bands, "group", *([f"requirement {b}" for b in cov.bands] if stated else [])]
    records = [[r.item.code, r.item.name[lang], *(" ".join(r.cells[b]) for b in cov.bands), r.group.code if r.group else "",
                *([r.requirements[b].code if b in r.requirements else "" for b in cov.bands] if stated else [])] for r in cov.rows]
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([header, *records])
    return out.getvalue()


def _md(cov: Coverage, lang: str) -> str:
    header = ["code", "name", *cov.bands]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for row, is_group in ordered(cov):
        code = f"**{row.item.code}**" if is_group else row.item.code
        name = f"**{row.item.name[lang]}**" if is_group else row.item.name[lang]
        cells = [_md_cell(cov, row, b, is_group) for b in cov.bands]
        lines.append("| " + " | ".join([code, name, *cells]) + " |")
    legend_lines = [""] + ([legend(lang)] if cov.states_requirements else [])
    return "\n".join(lines + legend_lines) + "\n"


def _md_cell(cov: Coverage, row: Row, band: str, is_group: bool) -> str:
    keys = ", ".join(row.cells[band])
    if cov.states_requirements and not is_group:
        mark = STATED if band in row.requirements else NOT_STATED
        return f"{mark} {len(row.cells[band])}" + (f": {keys}" if keys else "")
    return keys or "–"


def _text(cov: Coverage, lang: str) -> str:
    stated = cov.states_requirements
    header = ["code", "name", *cov.bands]
    records = []
    for row, is_group in ordered(cov):
        indent = "  " if cov.groups and not is_group else ""
        if stated and not is_group:
            cells = [(STATED if b in row.requirements else NOT_STATED) + str(len(row.cells[b])) for b in cov.bands]
        else:
            cells = [" ".join(row.cells[b]) for b in cov.bands]
        records.append([indent + row.item.code, row.item.name[lang], *cells])
    lines = [_table(header, records)]
    if stated:
        lines.append(legend(lang))
        taught = [f"  {r.item.code}: " + "; ".join(f"{b} {' '.join(r.cells[b])}" for b in cov.bands if r.cells[b])
                  for r in cov.rows if r.activities]
        if taught:
            lines += [TAUGHT_BY[lang], *taught]
    rows_name = cov.framework.coverage_rows or "items"
    lines.append(f"{len(cov.rows) - len(cov.gaps)} of {len(cov.rows)} covered ({rows_name}); gaps: {', '.join(i.code for i in cov.gaps) or 'none'}")
    return "\n".join(lines) + "\n"


def _table(header: list[str], records: list[list[str]]) -> str:
    rows = [header, *[[cell or "-" for cell in r] for r in records]]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(header))]
    lines = ["  ".join(cell + " " * (w - _width(cell)) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if "\u2e80" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef" else 1 for ch in text)


# --- the library by band and audience ---------------------------------------------------------------

#: The framework of the citizens' scientific literacy benchmarks, which a public activity aligns to.
CITIZENS_FRAMEWORK = "public-science-literacy"


def aligns_to_citizens(activity: Activity) -> bool:
    """Whether one of the activity's standards is an item of the citizens' benchmarks."""
    return any(code.partition(":")[0] == CITIZENS_FRAMEWORK for code in activity.metadata.standards)


def library_summary(activities: list[Activity]) -> str:
    """How many activities there are for each band and audience, and how many public ones align to the
    citizens' benchmarks: the figures the library's issues set targets in."""
    from sciedu.model import AUDIENCES

    by_band = {band: sum(a.metadata.grade_band == band for a in activities) for band in GRADE_BANDS}
    by_audience = {who: sum(who in a.metadata.audience for a in activities) for who in AUDIENCES}
    public = [a for a in activities if a.metadata.public]
    aligned = [a for a in public if aligns_to_citizens(a)]
    lines = [
        f"library: {len(activities)} activities",
        "  by band: " + ", ".join(f"{band} {n}" for band, n in by_band.items()),
        "  by audience: " + ", ".join(f"{who} {n}" for who, n in by_audience.items() if n),
        f"  public activities aligned to {CITIZENS_FRAMEWORK}: {len(aligned)} of {len(public)}",
    ]
    return "\n".join(lines) + "\n"
