"""Evaluation records: one held scientist-in-school session per record, and the statistics over them.

A record documents one session a scientist ran with one class: which activity, when, where, for whom, in
which format and, optionally, the class's scores on the same short test before and after the session,
the teacher's feedback and the scientist's reflection. Records live in a folder as YAML or CSV files;
``site/evaluations/README.md`` documents the format for users and ``SCHEMA`` below is the same table in code.

    load_records(folder)      -> (records, findings)  a bad record is a located finding and is skipped
    aggregate(records)        -> Report               exact numbers (``Fraction``), rounded only when rendered
    render_text(report, lang), render_json(report), render_markdown(report, lang)
    report_page(folder, lang) -> str                  the whole site page, findings included
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any


from sciedu import yamlfile
from sciedu.errors import Finding, Severity, UsageError, did_you_mean, display_path, error, warning
from sciedu.metadata import Invalid, Option, Validator, _describe, choice, iso_date, list_of, positive_int, text
from sciedu.model import LANGUAGES, SUBJECTS
from sciedu.yamlfile import KeyPath, LocatedYAML, YAMLSyntaxError

FORMATS = ("in-person", "online", "series")
DEFAULT_MAX_SCORE = Fraction(5)
SUFFIXES = (".yaml", ".yml", ".csv")
SCORE_KEYS = ("pre_scores", "post_scores")
ACTIVITY_PATTERN = re.compile(r"^([a-z0-9-]+)/([a-z0-9]+(?:-[a-z0-9]+)*)$")
DATE_SHAPE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
DECIMAL = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
# Separators inside a CSV score cell: spaces and semicolons, also the full-width '；' of Chinese input methods.
# Commas are not separators: "3,5" is a decimal number in much of the world.
SCORE_SEPARATORS = re.compile(r"[;；\s]+")


# --- the record ------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Record:
    """One session one scientist held with one class. ``source`` and ``line`` say where it was read."""

    activity: str
    date: str
    school: str
    grade: str
    students: int
    scientist: str
    format: str
    minutes: int
    region: str | None = None
    rural: bool | None = None
    pre_scores: tuple[Fraction, ...] = ()
    post_scores: tuple[Fraction, ...] = ()
    max_score: Fraction = DEFAULT_MAX_SCORE
    teacher_feedback: str | None = None
    scientist_reflection: str | None = None
    feedback_rating: int | None = None
    source: str = ""
    line: int = 0

    @property
    def pre_mean(self) -> Fraction | None:
        return _mean(self.pre_scores)

    @property
    def post_mean(self) -> Fraction | None:
        return _mean(self.post_scores)

    @property
    def gain(self) -> Fraction | None:
        """Post-test class mean minus pre-test class mean, in score points; None without both tests."""
        if self.pre_mean is None or self.post_mean is None:
            return None
        return self.post_mean - self.pre_mean

    @property
    def normalised_gain(self) -> Fraction | None:
        """(post − pre) / (max − pre) of the class means (Hake); None when undefined (pre already at max)."""
        if self.gain is None or self.pre_mean == self.max_score:
            return None
        return self.gain / (self.max_score - self.pre_mean)


def _mean(values: Sequence[Fraction]) -> Fraction | None:
    return Fraction(sum(values)) / len(values) if values else None


# --- numbers: exact in, rounded only on the way out ----------------------------------------------

def _fixed(value: Fraction, digits: int = 2) -> str:
    """``value`` with ``digits`` decimals, rounded half away from zero (exact: no float on the way)."""
    scaled = int(abs(value) * 10**digits + Fraction(1, 2))
    sign = "-" if value < 0 and scaled else ""
    whole, part = divmod(scaled, 10**digits)
    return f"{sign}{whole}.{part:0{digits}d}" if digits else f"{sign}{whole}"


def _plain(value: Fraction) -> str:
    """A maximum or a score as written: 5, 7.5, 2.25."""
    return str(value.numerator) if value.denominator == 1 else _fixed(value).rstrip("0").rstrip(".")



# --- validators (the shared ones live in sciedu.metadata) -----------------------------------------

def _found(value: Any) -> str:
    if isinstance(value, Fraction):
        return _plain(value)
    return _describe(value)


def _as_fraction(value: Any) -> Fraction | None:
    """An exact number from YAML (int, float) or from a CSV cell (already a Fraction); None otherwise."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, Fraction)):
        return Fraction(value)
    if isinstance(value, float) and math.isfinite(value):
        return Fraction(str(value))  # str() gives the digits the author wrote: 2.3 -> 23/10, not the binary float
    return None


def activity_key(known: Collection[str] | None = None) -> Validator:
    """'subject/id' such as 'physics/stopping-distance'; with ``known``, it must also be one of those."""

    def validate(value: Any) -> str:
        match = ACTIVITY_PATTERN.match(value.strip()) if isinstance(value, str) else None
        if not match:
            raise Invalid(f"expected an activity key such as 'physics/stopping-distance', found {_found(value)}")
        key, subject = match.group(0), match.group(1)
        if subject not in SUBJECTS:
            raise Invalid(f"unknown subject {subject!r}{did_you_mean(subject, set(SUBJECTS))}; "
                          f"expected one of {', '.join(SUBJECTS)}")
        if known is not None and key not in known:
            raise Invalid(f"unknown activity {key!r}{did_you_mean(key, set(known))}")
        return key

    return validate


def session_date(value: Any) -> str:
    if isinstance(value, dt.datetime):
        raise Invalid(f"expected a date YYYY-MM-DD without a time, found {_found(value.isoformat())}")
    if isinstance(value, str) and DATE_SHAPE.match(value.strip()):
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            raise Invalid(f"expected a date YYYY-MM-DD, found {value.strip()!r}, which is not a day of the calendar") from None
    return iso_date(value.strip() if isinstance(value, str) else value)


def grade(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise Invalid(f"expected a grade such as '8' or 'university', found {_found(value)}")


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, found {_found(value)}")
    return value


def positive_number(value: Any) -> Fraction:
    number = _as_fraction(value)
    if number is None or number <= 0:
        raise Invalid(f"expected a number greater than 0, found {_found(value)}")
    return number


def rating(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise Invalid(f"expected a whole number from 1 to 5, found {_found(value)}")
    return value


def score(maximum: Fraction | None) -> Validator:
    """One student's score: a number from 0 to ``maximum`` (only 0 or more while the maximum is unknown)."""
    expected = f"a number from 0 to {_plain(maximum)}" if maximum is not None else "a number 0 or more"

    def validate(value: Any) -> Fraction:
        number = _as_fraction(value)
        if number is None or number < 0 or (maximum is not None and number > maximum):
            raise Invalid(f"expected {expected}, found {_found(value)}")
        return number

    return validate


SCHEMA: dict[str, Option] = {
    "activity": Option(True, activity_key(), "the activity key 'subject/id', e.g. physics/stopping-distance"),
    "date": Option(True, session_date, "the day of the session, YYYY-MM-DD"),
    "school": Option(True, text, "the school's name"),
    "region": Option(False, text, "province, city or county"),
    "rural": Option(False, boolean, "true for a rural school"),
    "grade": Option(True, grade, "the class's grade, e.g. '8', or 'university'"),
    "students": Option(True, positive_int, "students in the session"),
    "scientist": Option(True, text, "who ran the session"),
    "format": Option(True, choice(FORMATS), "in-person, online or series (one session of a series)"),
    "minutes": Option(True, positive_int, "length of the session in minutes"),
    "pre_scores": Option(False, list_of(score(DEFAULT_MAX_SCORE)), "each student's score before, 0..max_score"),
    "post_scores": Option(False, list_of(score(DEFAULT_MAX_SCORE)), "each student's score after, 0..max_score"),
    "max_score": Option(False, positive_number, "full marks of the test; 5 when left out"),
    "teacher_feedback": Option(False, text, "what the class's teacher said"),
    "scientist_reflection": Option(False, text, "what the scientist would keep or change"),
    "feedback_rating": Option(False, rating, "the teacher's overall rating, 1 to 5"),
}
REQUIRED = tuple(key for key, option in SCHEMA.items() if option.required)


# --- checking one record -------------------------------------------------------------------------

@dataclass(frozen=True)
class _Place:
    """Where a record is: a YAML mapping (each key on its own line) or a CSV row (every key on the row's line)."""

    path: Path
    line: int
    prefix: KeyPath = ()
    located: LocatedYAML | None = None

    def line_of(self, key_path: KeyPath) -> int:
        return self.located.line_of((*self.prefix, *key_path)) if self.located else self.line

    def finding(self, key_path: KeyPath, rule: str, message: str, severity: Severity = Severity.ERROR) -> Finding:
        name = _dotted((*self.prefix, *key_path))
        make = error if severity is Severity.ERROR else warning
        return make(self.path, self.line_of(key_path), rule, f"{name}: {message}" if name else message)


def _dotted(key_path: KeyPath) -> str:
    return ".".join(str(k) if isinstance(k, str) else f"[{k}]" for k in key_path).replace(".[", "[")


def _check(data: Any, place: _Place, known: Collection[str] | None) -> tuple[Record | None, list[Finding]]:
    """Every problem of one record in one pass; the ``Record`` only when there is no error."""
    if not isinstance(data, dict):
        found = "an empty entry" if data is None else _found(data)
        return None, [place.finding((), "evaluation-type", f"expected a mapping of record keys, found {found}")]
    findings = [place.finding((key,), "evaluation-unknown-key", f"unknown key {key!r}{did_you_mean(str(key), set(SCHEMA))}")
                for key in data if key not in SCHEMA]
    values: dict[str, Any] = {}
    for key, option in _options(data, known).items():
        if data.get(key) is None and not option.required:
            continue  # an optional key left empty is the same as leaving it out
        if key not in data:
            findings.append(place.finding((), "evaluation-missing-key", f"missing required key {key!r} ({option.help})"))
            continue
        try:
            values[key] = option.validate(data[key])
        except Invalid as exc:
            findings.append(place.finding((key, *exc.key_path), "evaluation-invalid", exc.message))
    findings += _cross_checks(values, place)
    if any(f.severity is Severity.ERROR for f in findings):
        return None, findings
    return Record(**values, source=display_path(place.path), line=place.line), findings


def _options(data: dict[Any, Any], known: Collection[str] | None) -> dict[str, Option]:
    """SCHEMA with the validators that depend on this record: scores are checked against its max_score."""
    try:
        maximum: Fraction | None = positive_number(data["max_score"]) if data.get("max_score") is not None else DEFAULT_MAX_SCORE
    except Invalid:
        maximum = None  # reported by max_score itself; the scores are then only checked to be 0 or more
    options = dict(SCHEMA)
    for key in SCORE_KEYS:
        options[key] = Option(False, list_of(score(maximum)), SCHEMA[key].help)
    if known is not None:
        options["activity"] = Option(True, activity_key(known), SCHEMA["activity"].help)
    return options


def _cross_checks(values: dict[str, Any], place: _Place) -> list[Finding]:
    students = values.get("students")
    return [place.finding((key,), "evaluation-score-count",
                          f"{len(values[key])} scores for {students} students; one score per student at most",
                          Severity.WARNING)
            for key in SCORE_KEYS if students and len(values.get(key, ())) > students]


# --- reading files -------------------------------------------------------------------------------

def load_records(folder: Path, *, known_activities: Collection[str] | None = None) -> tuple[list[Record], list[Finding]]:
    """Read every ``*.yaml``, ``*.yml`` and ``*.csv`` below ``folder``, in sorted order.

    A bad record becomes findings (file, line, key, expected and found) and is skipped; the records around
    it are still read. A file that cannot be read at all (malformed YAML, a bad CSV header, not UTF-8) is
    one finding and loses only that file. With ``known_activities``, an activity key outside it is an error.
    """
    folder = Path(folder)
    if not folder.is_dir():
        msg = f"no folder of evaluation records at {display_path(folder)}"
        raise UsageError(msg)
    records: list[Record] = []
    findings: list[Finding] = []
    for path in _record_files(folder):
        read = _read_csv if path.suffix.lower() == ".csv" else _read_yaml
        file_records, file_findings = read(path, known_activities)
        records += file_records
        findings += file_findings
    return records, sorted(findings)


def _record_files(folder: Path) -> list[Path]:
    files = (p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    visible = (p for p in files if not any(part.startswith(".") for part in p.relative_to(folder).parts))
    return sorted(visible, key=lambda p: p.relative_to(folder).as_posix())


def _read_yaml(path: Path, known: Collection[str] | None) -> tuple[list[Record], list[Finding]]:
    try:
        located = yamlfile.load(path)
    except YAMLSyntaxError as exc:
        return [], [exc.finding]
    data = located.data
    if data is None:
        return [], [warning(path, 1, "evaluation-empty", "no records in this file")]
    if isinstance(data, list):
        return [], [error(path, 1, "evaluation-type", "found a list at the top of the file; put the records under 'records:'")]
    findings: list[Finding] = []
    if isinstance(data, dict) and "records" in data:
        findings += [error(path, located.line_of((key,)), "evaluation-unknown-key",
                           f"unknown key {key!r}; a file with 'records:' holds only that list") for key in data if key != "records"]
        items = data["records"]
        if not isinstance(items, list) or not items:
            found = "an empty list" if items == [] else _found(items)
            return [], [*findings, error(path, located.line_of(("records",)), "evaluation-type",
                                         f"records: expected a list of records, found {found}")]
        places = [_Place(path, located.line_of(("records", i)), ("records", i), located) for i in range(len(items))]
    else:
        items, places = [data], [_Place(path, located.line_of(()), (), located)]
    records: list[Record] = []
    for item, place in zip(items, places):
        record, record_findings = _check(item, place, known)
        findings += record_findings
        if record:
            records.append(record)
    return records, findings


def _read_csv(path: Path, known: Collection[str] | None) -> tuple[list[Record], list[Finding]]:
    try:
        source = path.read_text(encoding="utf-8-sig")  # -sig: spreadsheets often start UTF-8 CSV with a BOM
    except UnicodeDecodeError:
        return [], [error(path, 1, "evaluation-encoding", "the file is not UTF-8 text; save it as 'CSV UTF-8'")]
    reader = csv.reader(io.StringIO(source, newline=""))
    try:
        header = [name.strip() for name in next(reader, [])]
        header_findings = _check_header(header, path)
        if header_findings:
            return [], header_findings
        return _read_rows(reader, header, path, known)
    except csv.Error as exc:
        return [], [error(path, reader.line_num, "evaluation-csv", f"unreadable CSV ({exc}); the file was not read")]


def _check_header(header: list[str], path: Path) -> list[Finding]:
    if not any(header):
        return [warning(path, 1, "evaluation-empty", "no header row and no records in this file")]
    if len(header) == 1 and ";" in header[0]:
        return [error(path, 1, "evaluation-csv", "expected columns separated by commas, found ';'; the rows were not read")]
    skipped = "; the rows of this file were not read"
    findings = [error(path, 1, "evaluation-unknown-key", f"unknown column {name!r}{did_you_mean(name, set(SCHEMA))}{skipped}")
                for name in header if name not in SCHEMA]
    findings += [error(path, 1, "evaluation-csv", f"column {name!r} appears {count} times{skipped}")
                 for name, count in Counter(header).items() if count > 1]
    findings += [error(path, 1, "evaluation-missing-key", f"missing required column {key!r} ({SCHEMA[key].help}){skipped}")
                 for key in REQUIRED if key not in header]
    return findings


def _read_rows(reader: Any, header: list[str], path: Path, known: Collection[str] | None) -> tuple[list[Record], list[Finding]]:
    records: list[Record] = []
    findings: list[Finding] = []
    start = reader.line_num + 1
    for row in reader:
        place = _Place(path, start)  # the row's first line: a quoted cell may run over several lines
        start = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            findings.append(place.finding((), "evaluation-csv", f"expected {len(header)} cells like the header, found {len(row)}"))
            continue
        record, row_findings = _check({k: _cell(k, c) for k, c in zip(header, row) if c.strip()}, place, known)
        findings += row_findings
        if record:
            records.append(record)
    return records, findings


def _cell(key: str, cell: str) -> Any:
    """A CSV cell as the value YAML would give; text that is not the expected type stays text for the message."""
    cell = cell.strip()
    if key in ("students", "minutes", "feedback_rating"):
        return int(cell) if re.fullmatch(r"[+-]?\d+", cell) else cell
    if key == "max_score":
        return _number_cell(cell)
    if key in SCORE_KEYS:
        return [_number_cell(token) for token in SCORE_SEPARATORS.split(cell) if token]
    if key == "rural":
        return {"true": True, "false": False, "yes": True, "no": False}.get(cell.lower(), cell)
    return cell


def _number_cell(token: str) -> Fraction | str:
    return Fraction(token) if DECIMAL.match(token) else token


# --- statistics ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ActivityStats:
    """One activity's sessions. Means are in points out of ``max_score``; see ``aggregate`` for the definitions."""

    activity: str
    sessions: int
    students: int
    max_score: Fraction
    pre_sessions: int
    post_sessions: int
    paired_sessions: int
    normalised_sessions: int
    mean_pre: Fraction | None
    mean_post: Fraction | None
    mean_gain: Fraction | None
    normalised_gain: Fraction | None
    rated_sessions: int
    mean_rating: Fraction | None


@dataclass(frozen=True)
class Report:
    sessions: int
    students: int
    minutes: int
    schools: int
    scientists: int
    first_date: str | None
    last_date: str | None
    by_format: Mapping[str, int]
    by_region: Mapping[str, int]
    rural_sessions: int
    rural_students: int
    paired_sessions: int
    mean_gain: Fraction | None
    gain_max_score: Fraction | None
    mean_gain_share: Fraction | None
    normalised_sessions: int
    normalised_gain: Fraction | None
    rated_sessions: int
    mean_rating: Fraction | None
    activities: tuple[ActivityStats, ...] = field(default_factory=tuple)


def aggregate(records: Iterable[Record]) -> Report:
    """The statistics of ``records``, computed exactly with fractions.

    Definitions (also printed on the page):

    - Students are counted per session: a student in two sessions counts twice ("students reached").
    - A class's pre (post) mean is the mean of its students' scores. An activity's mean pre score is the mean
      of the class pre means over its sessions with pre scores; likewise for post. Every session weighs the
      same, whatever the class size.
    - Gain = class post mean − class pre mean, in points; normalised gain = (post − pre) / (max − pre) of the
      class means. Both use only the sessions with pre AND post scores (paired sessions), so the mean gain
      need not equal mean post − mean pre when some sessions have one test only. A class already at full
      marks before has no normalised gain and is left out of that mean.
    - When an activity's sessions use different full marks, class means are rescaled to the full marks that
      most of its scored sessions use (ties: the larger), which is the activity's ``max_score``.
    - The overall gains are weighted by number of sessions: the mean over all paired sessions, i.e. the
      activities' means weighted by their paired sessions (not by students). ``mean_gain_share`` is the gain
      as a share of full marks (0.25 = a quarter of full marks). ``mean_gain`` in points is given only when
      every activity with paired sessions has the same full marks (``gain_max_score``); points out of 5 and
      points out of 10 cannot be averaged, so otherwise it is None.
    """
    records = list(records)
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in records:
        groups[record.activity].append(record)
    activities = tuple(_activity_stats(key, group) for key, group in sorted(groups.items()))
    regions = Counter(r.region for r in records if r.region)
    rural = [r for r in records if r.rural]
    dates = sorted(r.date for r in records)
    return Report(
        sessions=len(records),
        students=sum(r.students for r in records),
        minutes=sum(r.minutes for r in records),
        schools=len({r.school for r in records}),
        scientists=len({r.scientist for r in records}),
        first_date=dates[0] if dates else None,
        last_date=dates[-1] if dates else None,
        by_format={fmt: sum(r.format == fmt for r in records) for fmt in FORMATS},
        by_region=dict(sorted(regions.items(), key=lambda kv: (-kv[1], kv[0]))),
        rural_sessions=len(rural),
        rural_students=sum(r.students for r in rural),
        paired_sessions=sum(a.paired_sessions for a in activities),
        **_overall_gain(activities),
        normalised_sessions=sum(a.normalised_sessions for a in activities),
        normalised_gain=_weighted([(a.normalised_sessions, a.normalised_gain) for a in activities]),
        rated_sessions=sum(a.rated_sessions for a in activities),
        mean_rating=_weighted([(a.rated_sessions, a.mean_rating) for a in activities]),
        activities=activities,
    )


def _activity_stats(activity: str, group: list[Record]) -> ActivityStats:
    scale = _scale(group)

    def rescaled(value: Fraction, record: Record) -> Fraction:
        return value * scale / record.max_score

    pre = [rescaled(r.pre_mean, r) for r in group if r.pre_mean is not None]
    post = [rescaled(r.post_mean, r) for r in group if r.post_mean is not None]
    gains = [rescaled(r.gain, r) for r in group if r.gain is not None]
    normalised = [r.normalised_gain for r in group if r.normalised_gain is not None]
    ratings = [Fraction(r.feedback_rating) for r in group if r.feedback_rating is not None]
    return ActivityStats(
        activity=activity, sessions=len(group), students=sum(r.students for r in group), max_score=scale,
        pre_sessions=len(pre), post_sessions=len(post), paired_sessions=len(gains), normalised_sessions=len(normalised),
        mean_pre=_mean(pre), mean_post=_mean(post), mean_gain=_mean(gains), normalised_gain=_mean(normalised),
        rated_sessions=len(ratings), mean_rating=_mean(ratings),
    )


def _overall_gain(activities: tuple[ActivityStats, ...]) -> dict[str, Fraction | None]:
    paired = [a for a in activities if a.mean_gain is not None]
    scales = {a.max_score for a in paired}
    common = scales.pop() if len(scales) == 1 else None
    return {
        "mean_gain": _weighted([(a.paired_sessions, a.mean_gain) for a in paired]) if common else None,
        "gain_max_score": common,
        "mean_gain_share": _weighted([(a.paired_sessions, a.mean_gain / a.max_score) for a in paired]),
    }


def _scale(group: list[Record]) -> Fraction:
    scored = [r.max_score for r in group if r.pre_scores or r.post_scores] or [r.max_score for r in group]
    counts = Counter(scored)
    return max(counts, key=lambda m: (counts[m], m))


def _weighted(pairs: list[tuple[int, Fraction | None]]) -> Fraction | None:
    total = sum(n for n, value in pairs if value is not None)
    if not total:
        return None
    return sum((n * value for n, value in pairs if value is not None), Fraction(0)) / total


# --- rendering -----------------------------------------------------------------------------------

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
    shown = _fixed(value)
    return shown if shown.startswith("-") or shown == "0.00" else "+" + shown


def _opt(value: Fraction | None) -> str:
    return "—" if value is None else _fixed(value)


def _out_of(value: Fraction | None, maximum: Fraction) -> str:
    return "—" if value is None else f"{_fixed(value)} / {_plain(maximum)}"


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
        lines.append(_t("rating_line", lang, rating=_fixed(report.mean_rating), n=report.rated_sessions))
    return lines


def _gain_text(report: Report, lang: str) -> str:
    share = _percent(report.mean_gain_share) if report.mean_gain_share is not None else "—"
    if report.mean_gain is None or report.gain_max_score is None:
        return _t("gain_share", lang, share=share)
    return _t("gain_points", lang, points=_signed(report.mean_gain), max=_plain(report.gain_max_score), share=share)


def _percent(share: Fraction) -> str:
    shown = _fixed(share * 100, 0)
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
