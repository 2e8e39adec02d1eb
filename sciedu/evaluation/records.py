"""Evaluation records: the schema of one held session, its validators, and reading YAML and CSV files with a
located finding for every bad record (which is skipped)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import re
from collections import Counter
from collections.abc import Collection
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

from sciedu import yamlfile
from sciedu.errors import Finding, Severity, UsageError, did_you_mean, display_path, error, warning
from sciedu.metadata import Invalid, Option, Validator, _describe, choice, iso_date, list_of, positive_int, text
from sciedu.model import SUBJECTS
from sciedu.yamlfile import KeyPath, LocatedYAML, YAMLSyntaxError
from sciedu.evaluation.numbers import mean, plain

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
        return mean(self.pre_scores)

    @property
    def post_mean(self) -> Fraction | None:
        return mean(self.post_scores)

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

# --- validators (the shared ones live in sciedu.metadata) -----------------------------------------

def _found(value: Any) -> str:
    if isinstance(value, Fraction):
        return plain(value)
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
    expected = f"a number from 0 to {plain(maximum)}" if maximum is not None else "a number 0 or more"

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
