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

from sciedu.curriculum.coverage import NOT_STATED, STATED, Coverage, Row, coverage, legend, ordered
from sciedu.curriculum.model import ALL_BANDS, REQUIREMENT, Curriculum, Framework, Item
from sciedu.languages import ASIDE, C_, COMMA, N_
from sciedu.model import Activity
from sciedu.site.i18n import BAND_NAMES, labelled, t

PROVENANCE_NAMES = {
    "official": N_("official text"),
    "translation": N_("translation"),
    "paraphrase": N_("paraphrase"),
}
CHECKED_SUMMARY = N_("Wording checked: {two} items against two or more independent copies, {one} from one copy only, {none} not recorded.")
CHECKED = {
    "many": N_("checked against {n} copies: "),
    "one": N_("confirmed from one copy only: "),
}
ASSOCIATION_NAMES = {
    "exactMatchOf": N_("exact match of"),
    "isRelatedTo": N_("is related to"),
    "isPartOf": N_("is part of"),
    "precedes": N_("precedes"),
    "isPeerOf": N_("is peer of"),
}


def anchor(code: str) -> str:
    return "item-" + re.sub(r"[^A-Za-z0-9]+", "-", code).strip("-").lower()


def item_link(item: Item, from_root: str) -> str:
    """A link to the item's place in the browser, from a page ``from_root`` below the docs root."""
    return f"{from_root}standards/{item.framework}/index.md#{anchor(item.code)}"


#: The language of a statement shown on a page in another language ("in Chinese" on an English page).
LANGUAGE_IN = {"zh": C_("the language a statement is in", "Chinese"), "en": C_("the language a statement is in", "English")}


def band_label(band: str, lang: str) -> str:
    return N_("all bands")[lang] if band == ALL_BANDS else BAND_NAMES[band][lang]


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
        (folder / "coverage.md").write_text(_coverage_page(cov, lang, activities), encoding="utf-8")
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
    two, one, none = fw.checked_counts()
    if two or one:
        head += [CHECKED_SUMMARY[lang].format(two=two, one=one, none=none), ""]
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
    checked = checked_against(item, lang)
    if item.type == REQUIREMENT:
        indent = "    " * max(depth - 2, 0)
        text = (f"{indent}- <span id=\"{anchor(item.code)}\"></span>**{band_label(item.band, lang)}** "
                f"<small>({item.code})</small>: {statement or item.name[lang]}")
        text += f" <small>{checked}</small>" if checked else ""
        text += f" — **{t('taught_by', lang)}:** {activity_links}" if taught else ""
        return [text]
    if depth <= 1:
        hashes = "#" * (depth + 2)
        lines += [f"{hashes} {item.code} {item.name[lang]} {{ #{anchor(item.code)} }}", ""]
        if statement:
            lines += [statement, ""]
        lines += [f"<small>{meta}</small>", ""]
        if checked:
            lines += [f"<small>{checked}</small>", ""]
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
        if checked:
            text += f" <small>{checked}</small>"
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


def checked_against(item: Item, lang: str) -> str:
    """Provenance of the wording: "checked against 2 copies: …" or "confirmed from one copy only: …"."""
    copies = item.checked_against
    if not copies:
        return ""
    links = ", ".join(f"[{c['title']}]({c['url']})" + (f" ({c['note']})" if c.get("note") else "") for c in copies)
    label = CHECKED["one"][lang] if len(copies) == 1 else CHECKED["many"][lang].format(n=len(copies))
    return label + links


def _statement(item: Item, lang: str) -> str:
    if not item.statement:
        return ""
    shown_lang = lang if lang in item.statement else next(iter(item.statement))
    provenance = item.provenance.get(shown_lang)
    label = PROVENANCE_NAMES[provenance][lang] if provenance else ""
    if shown_lang != lang:
        label = (label + COMMA[lang] if label else "") + LANGUAGE_IN[shown_lang][lang]
    return item.statement[shown_lang] + (f" <small>{ASIDE.format(lang, text=label).strip()}</small>" if label else "")


def _coverage_page(cov: Coverage, lang: str, activities: list[Activity]) -> str:
    fw = cov.framework
    covered = len(cov.rows) - len(cov.gaps)
    lines = [
        f"# {labelled('coverage', lang, fw.title[lang])}", "",
        t("coverage_intro", lang, covered=covered, total=len(cov.rows)), "",
        heatmap_svg(cov, lang), "",
    ]
    if cov.states_requirements:
        lines += [legend(lang), ""]
    lines += [heatmap_table(cov, lang, {a.key: a.metadata.title[lang] for a in activities}), ""]
    if cov.gaps:
        lines += [f"## {t('gaps', lang)}", ""]
        lines += [f"- [{i.code} {i.name[lang]}](index.md#{anchor(i.code)})" for i in cov.gaps]
    return "\n".join(lines) + "\n"


def heatmap_svg(cov: Coverage, lang: str) -> str:
    """Rows × bands, one square per cell coloured by how many activities teach it; readable at a glance.

    Rows are listed under their groups (bold labels). Where the framework states per-band requirements,
    a cell whose band has a stated requirement has a solid border and a ● mark; one without has a dashed
    border; the tooltip gives the requirement and the activities."""
    entries = ordered(cov)
    label_w, cell_w, cell_h, top = 300, 84, 26, 34
    width = label_w + cell_w * len(cov.bands) + 10
    height = top + cell_h * len(entries) + 10
    title = t("coverage", lang) + ": " + cov.framework.title[lang]
    parts = [f'<svg class="sciedu-heatmap" role="img" aria-label="{html.escape(title)}" viewBox="0 0 {width} {height}" '
             f'width="{width}" height="{height}" xmlns="http://www.w3.org/2000/svg" font-size="12">',
             f"<title>{html.escape(title)}</title>"]
    for col, band in enumerate(cov.bands):
        x = label_w + col * cell_w + cell_w / 2
        parts.append(f'<text x="{x:.0f}" y="{top - 12}" text-anchor="middle" font-weight="bold">{html.escape(BAND_NAMES[band][lang])}</text>')
    for row_index, (row, is_group) in enumerate(entries):
        y = top + row_index * cell_h
        label = f"{row.item.code} {row.item.name[lang]}"
        label = label if len(label) <= 34 else label[:33] + "…"
        weight = ' font-weight="bold"' if is_group else ""
        parts.append(f'<text x="{label_w - 8}" y="{y + cell_h * 0.65:.0f}" text-anchor="end"{weight}>{html.escape(label)}</text>')
        for col, band in enumerate(cov.bands):
            parts += _heat_cell(cov, row, band, label_w + col * cell_w, y, cell_w, cell_h, lang, is_group)
    parts.append("</svg>")
    return "".join(parts)


def heatmap_table(cov: Coverage, lang: str, titles: dict[str, str]) -> str:
    """The heatmap as a table (the picture's text alternative, for screen readers, keyboards and touch):
    one row per item, one column per band, each cell linking to the activities behind it."""
    caption = t("coverage_table", lang)
    head = "".join(f'<th scope="col">{html.escape(BAND_NAMES[band][lang])}</th>' for band in cov.bands)
    rows = []
    for row, is_group in ordered(cov):
        name = f"{html.escape(row.item.code)} {html.escape(row.item.name[lang])}"
        cells = []
        for band in cov.bands:
            links = [f'<a href="../../activities/{key}/index.html">{html.escape(titles.get(key, key))}</a>'
                     for key in row.cells[band]]
            requirement = row.requirements.get(band) if cov.states_requirements and not is_group else None
            mark = f'<span title="{html.escape(t("requirement_stated", lang))}">{STATED}</span> ' if requirement else ""
            text = "<br>".join(links) if links else f'<span class="sciedu-none">{html.escape(t("no_activity", lang))}</span>'
            cells.append(f"<td>{mark}{text}</td>")
        header = f'<th scope="row">{"<strong>" + name + "</strong>" if is_group else name}</th>'
        rows.append(f"<tr>{header}{''.join(cells)}</tr>")
    item = html.escape(t("item", lang))
    return (f'<details class="sciedu-heatmap-table"><summary>{html.escape(caption)}</summary>'
            f"<table><caption>{html.escape(caption)}</caption><thead><tr><th scope=\"col\">{item}</th>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></details>")


def _heat_cell(cov: Coverage, row: Row, band: str, x: float, y: float, w: int, h: int, lang: str, is_group: bool) -> list[str]:
    count = len(row.cells[band])
    fill = ("#f4f4f4", "#9fd9cf", "#46b3a2", "#007a6a")[min(count, 3)]
    tip = ", ".join(row.cells[band]) or t("no_activity", lang)
    marks = cov.states_requirements and not is_group
    requirement = row.requirements.get(band)
    border = ' stroke="#ccc"'
    if marks:
        border = ' stroke="#555"' if requirement else ' stroke="#bbb" stroke-dasharray="3 2"'
        stated = f"{STATED} {requirement.statement_in(lang)}" if requirement else f"{NOT_STATED} " + N_("no requirement stated")[lang]
        tip = f"{stated}\n{tip}"
    out = [f'<rect x="{x + 2}" y="{y + 2}" width="{w - 4}" height="{h - 4}" rx="3" fill="{fill}"{border}>'
           f'<title>{html.escape(tip)}</title></rect>',
           f'<text x="{x + w / 2:.0f}" y="{y + h * 0.65:.0f}" text-anchor="middle" '
           f'fill="{"#fff" if count >= 2 else "#333"}">{count}</text>']
    if marks and requirement:
        out.append(f'<text class="stated" x="{x + w - 15}" y="{y + 15}" font-size="12" fill="{"#fff" if count >= 2 else "#555"}">{STATED}</text>')
    return out


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
        requirement = framework.requirements(item.code).get(activity.metadata.grade_band)
        lines.append(f"- [**{item.code}** {item.name[lang]}]({item_link(item, from_root)}) "
                     f"<small>({framework.title[lang]})</small>" + (f": {statement}" if statement != item.name[lang] else "")
                     + (f" — **{band_label(requirement.band, lang)}:** {requirement.statement_in(lang)}" if requirement else ""))
    return "\n".join(lines)
