"""Rendering an evaluation report: text for the terminal, JSON, and the site page in Markdown with an SVG chart."""

from __future__ import annotations

import html
import json
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Any

from sciedu.errors import Finding, UsageError, did_you_mean
from sciedu.languages import C_, COMMA, languages, Message, N_
from sciedu.evaluation.numbers import fixed, plain
from sciedu.evaluation.records import load_records
from sciedu.evaluation.stats import Report, aggregate


STRINGS: dict[str, Message] = {
    "title": N_("Scientist-in-school sessions"),
    "none": N_("No sessions recorded yet."),
    "sessions_line": N_("{sessions} sessions · {students} students reached · {schools} schools · {scientists} scientists"),
    "period_line": N_("{first} to {last} · {duration} of sessions in total"),
    "formats_line": N_("Formats: {formats}"),
    "count_item": N_("{name} {n}"),
    "rural_line": N_("Rural schools: {n} sessions, {students} students"),
    "regions_line": N_("Regions: {regions}"),
    "gain_line": N_("Mean gain (each session counts once): {gain}; normalised gain {g} ({n} sessions with pre- and post-test)"),
    "gain_points": N_("{points} points out of {max}, {share} of full marks"),
    "gain_share": N_("{share} of full marks"),
    "no_gain": N_("No session has both pre- and post-test scores yet."),
    "rating_line": N_("Teachers' rating: {rating} / 5 ({n} sessions rated)"),
    "activity": N_("Activity"),
    "sessions": N_("Sessions"),
    "students": C_("students reached", "Students"),
    "pre": N_("Pre-test mean"),
    "post": N_("Post-test mean"),
    "gain": N_("Gain"),
    "normalised": N_("Normalised gain"),
    "by_activity": N_("By activity"),
    "pre_short": N_("pre-test"),
    "post_short": N_("post-test"),
    "no_scores": N_("no scores"),
    "chart_title": N_("Pre-test and post-test mean per activity (share of full marks)"),
    "example_title": N_("Example data"),
    "example_text": N_("These numbers come from made-up example records that show the format and the method; they are not real results."),
    "definitions": N_("How the numbers are computed"),
    "findings": N_("Problems in the records"),
    "findings_intro": N_("Records with errors are not counted above; fix them at these places:"),
    "hours": N_("{h} h {m} min"),
    "minutes_only": N_("{m} min"),
}
FORMAT_NAMES = {
    "in-person": N_("in-person"),
    "online": N_("online"),
    "series": N_("series"),
}
DEFINITIONS = [
    N_("A session is one visit of one scientist to one class. Students are counted per session: a student who attends two sessions counts twice."),
    N_("The pre-test (post-test) mean is the mean of the class means, so every session weighs the same whatever the class size; it uses every session with pre-test (post-test) scores."),
    N_("Gain = class post-test mean − class pre-test mean; normalised gain = (post − pre) ÷ (full marks − pre) of the class means. Both use only the sessions with both tests, so the gain need not equal post-test mean minus pre-test mean. A class already at full marks before the session has no normalised gain and is left out of it."),
    N_("When the sessions of one activity use different full marks, class means are first rescaled to the full marks most of them use."),
    N_("The overall mean gain and normalised gain are weighted by number of sessions (every session counts once), not by students. The mean gain is also given as a share of full marks; when activities have different full marks, points cannot be averaged and only the share is given."),
]


def _t(key: str, lang: str, **values: Any) -> str:
    return STRINGS[key][lang].format(**values)


def _check_lang(lang: str) -> None:
    if lang not in languages():
        msg = f"unknown language {lang!r}{did_you_mean(lang, set(languages()))}; expected {' or '.join(languages())}"
        raise UsageError(msg)


def _signed(value: Fraction | None) -> str:
    if value is None:
        return "—"
    shown = fixed(value)
    return shown if shown.startswith("-") or shown == "0.00" else "+" + shown


def _opt(value: Fraction | None) -> str:
    return "—" if value is None else fixed(value)


def _out_of(value: Fraction | None, maximum: Fraction) -> str:
    return "—" if value is None else f"{fixed(value)} / {plain(maximum)}"


def _duration(minutes: int, lang: str) -> str:
    hours, rest = divmod(minutes, 60)
    return _t("hours", lang, h=hours, m=rest) if hours else _t("minutes_only", lang, m=rest)


def _headlines(report: Report, lang: str) -> list[str]:
    """The headline numbers, one sentence each; shared by the terminal and the page."""
    sep = COMMA[lang]
    lines = [
        _t("sessions_line", lang, sessions=report.sessions, students=report.students, schools=report.schools,
           scientists=report.scientists),
        _t("period_line", lang, first=report.first_date, last=report.last_date, duration=_duration(report.minutes, lang)),
        _t("formats_line", lang, formats=sep.join(_t("count_item", lang, name=FORMAT_NAMES[f][lang], n=n)
                                                  for f, n in report.by_format.items() if n)),
        _t("rural_line", lang, n=report.rural_sessions, students=report.rural_students),
    ]
    if report.by_region:
        lines.append(_t("regions_line", lang, regions=sep.join(_t("count_item", lang, name=name, n=n) for name, n in report.by_region.items())))
    if not report.paired_sessions:
        lines.append(_t("no_gain", lang))
    else:
        lines.append(_t("gain_line", lang, gain=_gain_text(report, lang), g=_opt(report.normalised_gain), n=report.paired_sessions))
    if report.mean_rating is not None:
        lines.append(_t("rating_line", lang, rating=fixed(report.mean_rating), n=report.rated_sessions))
    return lines


def _gain_text(report: Report, lang: str) -> str:
    share = _percent(report.mean_gain_share) if report.mean_gain_share is not None else "—"
    if report.mean_gain is None or report.gain_max_score is None:
        return _t("gain_share", lang, share=share)
    return _t("gain_points", lang, points=_signed(report.mean_gain), max=plain(report.gain_max_score), share=share)


def _percent(share: Fraction) -> str:
    shown = fixed(share * 100, 0)
    return f"{shown}%" if shown.startswith("-") or shown == "0" else f"+{shown}%"


def _table_rows(report: Report, lang: str) -> tuple[list[str], list[list[str]]]:
    header = [_t(k, lang) for k in ("activity", "sessions", "students", "pre", "post", "gain", "normalised")]
    rows = [[a.activity, str(a.sessions), str(a.students), _out_of(a.mean_pre, a.max_score), _out_of(a.mean_post, a.max_score),
             _signed(a.mean_gain), _opt(a.normalised_gain)] for a in report.activities]
    return header, rows


def _width(cell: str) -> int:
    """Terminal columns: Chinese characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in cell)


def render_text(report: Report, lang: str = "en") -> str:
    """The report as a terminal table, headline numbers first."""
    _check_lang(lang)
    title = _t("title", lang)
    if not report.sessions:
        return f"{title}\n{_t('none', lang)}\n"
    header, rows = _table_rows(report, lang)
    widths = [max(_width(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        padded = [c + " " * (w - _width(c)) if i == 0 else " " * (w - _width(c)) + c
                  for i, (c, w) in enumerate(zip(cells, widths))]
        return "  ".join(padded).rstrip()

    rule = "-" * _width(line(header))
    return "\n".join([title, "=" * _width(title), *_headlines(report, lang), "", line(header), rule,
                      *(line(row) for row in rows)]) + "\n"


def _json_number(value: Fraction | None) -> float | int | None:
    if value is None:
        return None
    return value.numerator if value.denominator == 1 else round(float(value), 4)


def render_json(report: Report) -> str:
    """The report for programs: keys as in ``Report``, numbers rounded to 4 decimals, sorted activities."""

    def plain(obj: Any) -> dict[str, Any]:
        return {key: _json_number(value) if isinstance(value, Fraction) else dict(value) if isinstance(value, Mapping) else value
                for key, value in vars(obj).items()}

    data = plain(report)
    data["activities"] = [plain(a) for a in report.activities]
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def render_markdown(report: Report, lang: str = "en", *, findings: Sequence[Finding] = (), example: bool = False) -> str:
    """A whole page: title, headline numbers, per-activity table, bar chart, definitions, then ``findings``.

    ``example`` adds a warning that the numbers come from made-up records (for the bundled example data).
    """
    _check_lang(lang)
    lines = [f"# {_t('title', lang)}", ""]
    if example:
        lines += [f'!!! warning "{_t("example_title", lang)}"', "", f"    {_t('example_text', lang)}", ""]
    if not report.sessions:
        lines += [_t("none", lang), ""]
    else:
        lines += [f"- {headline}" for headline in _headlines(report, lang)] + [""]
        header, rows = _table_rows(report, lang)
        lines += [f"## {_t('by_activity', lang)}", "", _md_row(header), "|---|" + "---:|" * (len(header) - 1)]
        lines += [_md_row([f"`{row[0]}`", *row[1:]]) for row in rows] + [""]
        lines += [bar_chart_svg(report, lang), ""]
        lines += [f"## {_t('definitions', lang)}", ""] + [f"- {item}" for item in (d[lang] for d in DEFINITIONS)] + [""]
    if findings:
        lines += [f"## {_t('findings', lang)}", "", _t("findings_intro", lang), "", "~~~text"]
        lines += [f.format() for f in findings] + ["~~~", ""]
    return "\n".join(lines)


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def bar_chart_svg(report: Report, lang: str) -> str:
    """Hand-written SVG: per activity, a pre-test and a post-test bar as a share of full marks, with the numbers.

    Bars are scaled to each activity's full marks, so activities with different tests share one axis; the
    label next to each bar gives the mean in points. Text uses ``currentColor`` to follow the page's theme.
    """
    label_w, bar_w, group_h, bar_h, top, width = 96, 420, 84, 20, 8, 640
    height = top + group_h * len(report.activities) + 30
    axis_y = top + group_h * len(report.activities)
    title = _t("chart_title", lang)
    desc = "; ".join(f"{a.activity}: {_t('pre_short', lang)} {_out_of(a.mean_pre, a.max_score)}, "
                     f"{_t('post_short', lang)} {_out_of(a.mean_post, a.max_score)}" for a in report.activities)
    parts = [f'<svg class="sciedu-chart" role="img" aria-labelledby="sciedu-eval-title sciedu-eval-desc" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" style="max-width:100%;height:auto" '
             f'xmlns="http://www.w3.org/2000/svg" '
             f'font-family="sans-serif" font-size="13" fill="currentColor">',
             f'<title id="sciedu-eval-title">{html.escape(title)}</title><desc id="sciedu-eval-desc">{html.escape(desc)}</desc>']
    for quarter in range(5):
        x = label_w + bar_w * quarter // 4
        parts.append(f'<line x1="{x}" y1="{top}" x2="{x}" y2="{axis_y}" stroke="#bbb" stroke-width="1"/>'
                     f'<text x="{x}" y="{axis_y + 18}" text-anchor="middle">{25 * quarter}%</text>')
    for index, a in enumerate(report.activities):
        y0 = top + index * group_h
        parts.append(f'<text x="4" y="{y0 + 16}" font-weight="bold">{html.escape(a.activity)}</text>')
        for row, (key, value, colour) in enumerate((("pre_short", a.mean_pre, "#90a4ae"), ("post_short", a.mean_post, "#00897b"))):
            y = y0 + 24 + row * (bar_h + 4)
            parts.append(f'<text x="{label_w - 8}" y="{y + 15}" text-anchor="end">{html.escape(_t(key, lang))}</text>')
            if value is None:
                parts.append(f'<text x="{label_w + 6}" y="{y + 15}" font-style="italic">{html.escape(_t("no_scores", lang))}</text>')
                continue
            length = float(bar_w * value / a.max_score)
            parts.append(f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="{colour}"/>'
                         f'<text x="{label_w + length + 6:.1f}" y="{y + 15}">{html.escape(_out_of(value, a.max_score))}</text>')
    parts.append("</svg>")
    return "".join(parts)


def report_page(folder: Path, lang: str = "en", *, example: bool = False,
                known_activities: Collection[str] | None = None) -> str:
    """The site page for the records in ``folder``: Markdown starting with '# ', listing findings if any."""
    _check_lang(lang)
    records, findings = load_records(folder, known_activities=known_activities)
    return render_markdown(aggregate(records), lang, findings=findings, example=example)
