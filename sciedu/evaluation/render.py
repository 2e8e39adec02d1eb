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
from sciedu.model import LANGUAGES
from sciedu.evaluation.numbers import fixed, plain
from sciedu.evaluation.records import load_records
from sciedu.evaluation.stats import Report, aggregate


STRINGS: dict[str, dict[str, str]] = {
    "title": {"zh": "科学家进校园活动统计", "en": "Scientist-in-school sessions"},
    "none": {"zh": "暂无活动记录。", "en": "No sessions recorded yet."},
    "sessions_line": {"zh": "共 {sessions} 场 · 覆盖学生 {students} 人次 · 学校 {schools} 所 · 科学家 {scientists} 位",
                      "en": "{sessions} sessions · {students} students reached · {schools} schools · {scientists} scientists"},
    "period_line": {"zh": "时间：{first} 至 {last} · 活动时长合计 {duration}",
                    "en": "{first} to {last} · {duration} of sessions in total"},
    "formats_line": {"zh": "形式：{formats}", "en": "Formats: {formats}"},
    "count_item": {"zh": "{name} {n} 场", "en": "{name} {n}"},
    "rural_line": {"zh": "农村学校：{n} 场，学生 {students} 人次", "en": "Rural schools: {n} sessions, {students} students"},
    "regions_line": {"zh": "地区：{regions}", "en": "Regions: {regions}"},
    "gain_line": {"zh": "平均提升（按场次平均）：{gain}；标准化增益 {g}（{n} 场有前后测成绩）",
                  "en": "Mean gain (each session counts once): {gain}; normalised gain {g} ({n} sessions with pre- and post-test)"},
    "gain_points": {"zh": "{points} 分（满分 {max} 分），相当于满分的 {share}", "en": "{points} points out of {max}, {share} of full marks"},
    "gain_share": {"zh": "相当于满分的 {share}", "en": "{share} of full marks"},
    "no_gain": {"zh": "还没有同时有前测和后测成绩的场次。", "en": "No session has both pre- and post-test scores yet."},
    "rating_line": {"zh": "教师评分：{rating} / 5（{n} 场有评分）", "en": "Teachers' rating: {rating} / 5 ({n} sessions rated)"},
    "activity": {"zh": "活动", "en": "Activity"},
    "sessions": {"zh": "场次", "en": "Sessions"},
    "students": {"zh": "学生人次", "en": "Students"},
    "pre": {"zh": "前测均分", "en": "Pre-test mean"},
    "post": {"zh": "后测均分", "en": "Post-test mean"},
    "gain": {"zh": "提升", "en": "Gain"},
    "normalised": {"zh": "标准化增益", "en": "Normalised gain"},
    "by_activity": {"zh": "分活动统计", "en": "By activity"},
    "pre_short": {"zh": "前测", "en": "pre-test"},
    "post_short": {"zh": "后测", "en": "post-test"},
    "no_scores": {"zh": "无成绩", "en": "no scores"},
    "chart_title": {"zh": "各活动前测与后测均分（占满分的比例）", "en": "Pre-test and post-test mean per activity (share of full marks)"},
    "example_title": {"zh": "示例数据", "en": "Example data"},
    "example_text": {"zh": "本页数字由虚构的示例记录算出，仅用于说明格式和统计方法，不是真实的活动结果。",
                     "en": "These numbers come from made-up example records that show the format and the method; they are not real results."},
    "definitions": {"zh": "统计口径", "en": "How the numbers are computed"},
    "findings": {"zh": "记录中的问题", "en": "Problems in the records"},
    "findings_intro": {"zh": "有错误的记录没有计入上面的统计，请按下列位置修改：",
                       "en": "Records with errors are not counted above; fix them at these places:"},
    "hours": {"zh": "{h} 小时 {m} 分钟", "en": "{h} h {m} min"},
    "minutes_only": {"zh": "{m} 分钟", "en": "{m} min"},
}
FORMAT_NAMES = {"in-person": {"zh": "线下", "en": "in-person"}, "online": {"zh": "线上", "en": "online"},
                "series": {"zh": "系列活动", "en": "series"}}
DEFINITIONS = {
    "zh": [
        "一场指一位科学家给一个班上的一次课。学生按场次计数（人次）：同一名学生参加两场，计两次。",
        "前测（后测）均分是各班均分的平均，每场同等计权，与班级人数无关；前测均分取所有有前测成绩的场次，后测均分取所有有后测成绩的场次。",
        "提升 = 后测班级均分 − 前测班级均分；标准化增益 = (后测 − 前测) ÷ (满分 − 前测)，按班级均分计算。两者只计同时有前测和后测成绩的场次，"
        "所以提升不一定等于后测均分减前测均分。前测已是满分的班级不计入标准化增益。",
        "同一活动的各场满分不同时，先把班级均分换算到多数场次采用的满分。",
        "总体的平均提升和标准化增益按场次加权（每场同等计权），不按学生人数加权。平均提升同时以占满分的百分比给出；"
        "各活动满分不同时，分数不能直接平均，只给百分比。",
    ],
    "en": [
        "A session is one visit of one scientist to one class. Students are counted per session: a student who attends two sessions counts twice.",
        "The pre-test (post-test) mean is the mean of the class means, so every session weighs the same whatever the class size; "
        "it uses every session with pre-test (post-test) scores.",
        "Gain = class post-test mean − class pre-test mean; normalised gain = (post − pre) ÷ (full marks − pre) of the class means. "
        "Both use only the sessions with both tests, so the gain need not equal post-test mean minus pre-test mean. "
        "A class already at full marks before the session has no normalised gain and is left out of it.",
        "When the sessions of one activity use different full marks, class means are first rescaled to the full marks most of them use.",
        "The overall mean gain and normalised gain are weighted by number of sessions (every session counts once), not by students. "
        "The mean gain is also given as a share of full marks; when activities have different full marks, points cannot be "
        "averaged and only the share is given.",
    ],
}


def _t(key: str, lang: str, **values: Any) -> str:
    return STRINGS[key][lang].format(**values)


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        msg = f"unknown language {lang!r}{did_you_mean(lang, set(LANGUAGES))}; expected {' or '.join(LANGUAGES)}"
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
    sep = "，" if lang == "zh" else ", "
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
        lines += [f"## {_t('definitions', lang)}", ""] + [f"- {item}" for item in DEFINITIONS[lang]] + [""]
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
