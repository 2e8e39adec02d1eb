"""The standards browser: framework → field → concept → learning content → aligned activities, a coverage
page with a heatmap per framework, the crosswalks side by side, and the statements an activity teaches.

    standards/index.md                  every framework, with counts
    standards/<framework>/index.md      the item tree with full statements and aligned activities
    standards/<framework>/coverage.md   the heatmap (row items × grade bands) and the gaps
    standards/crosswalks.md             associated items side by side
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from sciedu.curriculum.coverage import Coverage, coverage
from sciedu.curriculum.model import ALL_BANDS, Curriculum, Framework, Item
from sciedu.model import Activity
from sciedu.site.i18n import BAND_NAMES, labelled, t

PROVENANCE_NAMES = {
    "official": {"zh": "官方原文", "en": "official text"},
    "translation": {"zh": "译文", "en": "translation"},
    "paraphrase": {"zh": "转述", "en": "paraphrase"},
}
ASSOCIATION_NAMES = {
    "exactMatchOf": {"zh": "等同于", "en": "exact match of"},
    "isRelatedTo": {"zh": "相关", "en": "is related to"},
    "isPartOf": {"zh": "属于", "en": "is part of"},
    "precedes": {"zh": "先于", "en": "precedes"},
    "isPeerOf": {"zh": "同级", "en": "is peer of"},
}


def anchor(code: str) -> str:
    return "item-" + re.sub(r"[^A-Za-z0-9]+", "-", code).strip("-").lower()


def item_link(item: Item, from_root: str) -> str:
    """A link to the item's place in the browser, from a page ``from_root`` below the docs root."""
    return f"{from_root}standards/{item.framework}/index.md#{anchor(item.code)}"


def band_label(band: str, lang: str) -> str:
    return {"zh": "各学段", "en": "all bands"}[lang] if band == ALL_BANDS else BAND_NAMES[band][lang]


def write_pages(docs: Path, lang: str, curriculum: Curriculum, activities: list[Activity]) -> list:
    """Write the pages; return their nav entries."""
    root = docs / "standards"
    root.mkdir(parents=True, exist_ok=True)
    nav: list = [{t("standards_overview", lang): "standards/index.md"}]
    (root / "index.md").write_text(_overview(curriculum, activities, lang), encoding="utf-8")
    for framework in curriculum.frameworks.values():
        folder = root / framework.id
        folder.mkdir(exist_ok=True)
        cov = coverage(framework, activities)
        (folder / "index.md").write_text(_framework_page(framework, curriculum, activities, lang), encoding="utf-8")
        (folder / "coverage.md").write_text(_coverage_page(cov, lang), encoding="utf-8")
        nav.append({framework.title[lang]: [
            {t("standards_items", lang): f"standards/{framework.id}/index.md"},
            {t("coverage", lang): f"standards/{framework.id}/coverage.md"},
        ]})
    if curriculum.associations:
        (root / "crosswalks.md").write_text(_crosswalks(curriculum, lang), encoding="utf-8")
        nav.append({t("crosswalks", lang): "standards/crosswalks.md"})
    return nav


def _overview(curriculum: Curriculum, activities: list[Activity], lang: str) -> str:
    lines = [f"# {t('standards', lang)}", "", t("standards_intro", lang), "",
             f"| {t('framework', lang)} | {t('publisher', lang)} | {t('items', lang)} | {t('coverage', lang)} |", "|---|---|---|---|"]
    for fw in curriculum.frameworks.values():
        cov = coverage(fw, activities)
        covered = len(cov.rows) - len(cov.gaps)
        lines.append(f"| [{fw.title[lang]}]({fw.id}/index.md) | {fw.publisher}, {fw.year} | {len(fw.items)} | "
                     f"[{covered} / {len(cov.rows)}]({fw.id}/coverage.md) |")
    return "\n".join(lines) + "\n"


def _framework_page(fw: Framework, curriculum: Curriculum, activities: list[Activity], lang: str) -> str:
    teaching = _activities_by_item(fw, activities)
    notes = fw.notes.get(lang) or fw.notes.get("en") or fw.notes.get("zh") or ""
    head = [
        f"# {fw.title[lang]}", "",
        f"**{t('publisher', lang)}:** {fw.publisher}, {fw.year} · **{t('sources', lang)}:** <{fw.source}> · "
        f"[{t('coverage', lang)}](coverage.md)", "",
        f"**{t('rights', lang)}:** {fw.rights}", "",
    ]
    if notes:
        head += [f'!!! note "{t("framework_notes", lang)}"', "", "    " + notes.replace("\n", "\n    "), ""]
    body = []
    for item in fw.children(None):
        body += _tree(item, fw, curriculum, teaching, lang, depth=0)
    return "\n".join(head + body) + "\n"


def _activities_by_item(fw: Framework, activities: list[Activity]) -> dict[str, list[Activity]]:
    out: dict[str, list[Activity]] = {}
    for activity in activities:
        for standard in activity.metadata.standards:
            framework_id, _, code = standard.partition(":")
            if framework_id == fw.id:
                out.setdefault(code, []).append(activity)
    return out


def _tree(item: Item, fw: Framework, curriculum: Curriculum, teaching: dict[str, list[Activity]], lang: str, depth: int) -> list[str]:
    lines: list[str] = []
    statement = _statement(item, lang)
    meta = f"{band_label(item.band, lang)}" + (f" · {item.source}" if item.source else "")
    taught = teaching.get(item.code, [])
    activity_links = ", ".join(f"[{a.metadata.title[lang]}](../../activities/{a.key}/index.md)" for a in taught)
    related = [
        f"{ASSOCIATION_NAMES[assoc.type][lang]} [{other.framework}:{other.code} {other.name[lang]}]({item_link(other, '../../')})"
        for assoc, other_id in curriculum.related(item.id) if (other := curriculum.item(other_id)) is not None
    ]
    if depth <= 1:
        hashes = "#" * (depth + 2)
        lines += [f"{hashes} {item.code} {item.name[lang]} {{ #{anchor(item.code)} }}", ""]
        if statement:
            lines += [statement, ""]
        lines += [f"<small>{meta}</small>", ""]
        if taught:
            lines += [f"**{t('taught_by', lang)}:** {activity_links}", ""]
        if related:
            lines += [f"**{t('crosswalk', lang)}:** " + "; ".join(related), ""]
    else:
        indent = "    " * (depth - 2)
        text = f"{indent}- <span id=\"{anchor(item.code)}\"></span>**{item.code}** {item.name[lang]}"
        if statement and statement != item.name[lang]:
            text += f": {statement}"
        text += f" <small>({meta})</small>"
        if taught:
            text += f" — **{t('taught_by', lang)}:** {activity_links}"
        if related:
            text += " — " + "; ".join(related)
        lines.append(text)
    children = fw.children(item.code)
    for child in children:
        lines += _tree(child, fw, curriculum, teaching, lang, depth + 1)
    if depth == 1 and any(c for c in children):
        lines.append("")
    return lines


def _statement(item: Item, lang: str) -> str:
    if not item.statement:
        return ""
    shown_lang = lang if lang in item.statement else next(iter(item.statement))
    provenance = item.provenance.get(shown_lang)
    label = PROVENANCE_NAMES[provenance][lang] if provenance else ""
    if shown_lang != lang:
        label = (label + ", " if label else "") + {"zh": "英文", "en": "Chinese"}[lang]
    return item.statement[shown_lang] + (f" <small>（{label}）</small>" if lang == "zh" and label else f" <small>({label})</small>" if label else "")


def _coverage_page(cov: Coverage, lang: str) -> str:
    fw = cov.framework
    covered = len(cov.rows) - len(cov.gaps)
    lines = [
        f"# {labelled('coverage', lang, fw.title[lang])}", "",
        t("coverage_intro", lang, covered=covered, total=len(cov.rows)), "",
        heatmap_svg(cov, lang), "",
    ]
    if cov.gaps:
        lines += [f"## {t('gaps', lang)}", ""]
        lines += [f"- [{i.code} {i.name[lang]}](index.md#{anchor(i.code)})" for i in cov.gaps]
    return "\n".join(lines) + "\n"


def heatmap_svg(cov: Coverage, lang: str) -> str:
    """Rows × bands, one square per cell coloured by how many activities teach it; readable at a glance."""
    label_w, cell_w, cell_h, top = 300, 84, 26, 34
    width = label_w + cell_w * len(cov.bands) + 10
    height = top + cell_h * len(cov.rows) + 10
    title = t("coverage", lang) + ": " + cov.framework.title[lang]
    parts = [f'<svg class="sciedu-heatmap" role="img" aria-label="{html.escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" font-size="12">',
             f"<title>{html.escape(title)}</title>"]
    for col, band in enumerate(cov.bands):
        x = label_w + col * cell_w + cell_w / 2
        parts.append(f'<text x="{x:.0f}" y="{top - 12}" text-anchor="middle" font-weight="bold">{html.escape(BAND_NAMES[band][lang])}</text>')
    for row_index, row in enumerate(cov.rows):
        y = top + row_index * cell_h
        label = f"{row.item.code} {row.item.name[lang]}"
        label = label if len(label) <= 34 else label[:33] + "…"
        parts.append(f'<text x="{label_w - 8}" y="{y + cell_h * 0.65:.0f}" text-anchor="end">{html.escape(label)}</text>')
        for col, band in enumerate(cov.bands):
            count = len(row.cells[band])
            fill = ("#f4f4f4", "#9fd9cf", "#46b3a2", "#007a6a")[min(count, 3)]
            names = ", ".join(row.cells[band]) or t("no_activity", lang)
            x = label_w + col * cell_w
            parts.append(f'<rect x="{x + 2}" y="{y + 2}" width="{cell_w - 4}" height="{cell_h - 4}" rx="3" fill="{fill}" '
                         f'stroke="#ccc"><title>{html.escape(names)}</title></rect>')
            parts.append(f'<text x="{x + cell_w / 2:.0f}" y="{y + cell_h * 0.65:.0f}" text-anchor="middle" '
                         f'fill="{"#fff" if count >= 2 else "#333"}">{count}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _crosswalks(curriculum: Curriculum, lang: str) -> str:
    lines = [f"# {t('crosswalks', lang)}", "", t("crosswalks_intro", lang), "",
             f"| {t('item', lang)} | {t('relation', lang)} | {t('item', lang)} |", "|---|---|---|"]
    for assoc in curriculum.associations:
        origin, destination = curriculum.item(assoc.origin), curriculum.item(assoc.destination)
        if origin is None or destination is None:
            continue
        lines.append(f"| {_cell(origin, lang)} | {ASSOCIATION_NAMES[assoc.type][lang]}"
                     f"{'<br><small>' + assoc.note[lang] + '</small>' if assoc.note else ''} | {_cell(destination, lang)} |")
    return "\n".join(lines) + "\n"


def _cell(item: Item, lang: str) -> str:
    statement = item.statement_in(lang)
    return f"[**{item.id}**]({item_link(item, '../')}) {item.name[lang]}<br><small>{statement}</small>"


def activity_standards(activity: Activity, curriculum: Curriculum, lang: str, *, heading: bool = True,
                       from_root: str = "../../../") -> str:
    """The "standards this activity teaches" section of an activity page: full statements, linked."""
    lines = [f"## {t('standards', lang)}", ""] if heading else []
    for standard in activity.metadata.standards:
        item = curriculum.item(standard)
        if item is None:
            lines.append(f"- {standard}")
            continue
        framework = curriculum.frameworks[item.framework]
        statement = item.statement_in(lang)
        lines.append(f"- [**{item.code}** {item.name[lang]}]({item_link(item, from_root)}) "
                     f"<small>({framework.title[lang]})</small>" + (f": {statement}" if statement != item.name[lang] else ""))
    return "\n".join(lines)
