"""Findings (what checks report) and the exception tree (what maps to exit codes).

A user mistake is reported as findings or as a ``SciEduError`` with a message; never as a traceback.
Exit codes: 0 clean, 1 findings or failed build, 2 usage error.
"""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import click


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"  # an acknowledged warning: printed, never promoted by --strict


@dataclass(frozen=True, order=True)
class Finding:
    """One problem, located: ``path:line: severity rule-id: message``."""

    path: str
    line: int
    severity: Severity
    rule: str
    message: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.severity.value} {self.rule}: {self.message}"

    def as_error(self) -> Finding:
        """For --strict: a warning becomes an error; a note (an acknowledged warning, with its reason) stays a note."""
        if self.severity is Severity.NOTE:
            return self
        return Finding(self.path, self.line, Severity.ERROR, self.rule, self.message)


def error(path: str | Path, line: int, rule: str, message: str) -> Finding:
    return Finding(display_path(path), line, Severity.ERROR, rule, message)


def warning(path: str | Path, line: int, rule: str, message: str) -> Finding:
    return Finding(display_path(path), line, Severity.WARNING, rule, message)


def note(path: str | Path, line: int, rule: str, message: str) -> Finding:
    return Finding(display_path(path), line, Severity.NOTE, rule, message)


def display_path(path: str | Path) -> str:
    """Paths relative to the working directory when they are below it, so messages stay short."""
    path = Path(path)
    # the path as given first: a symbolic link is named as itself, not as the file it points to
    for candidate, base in ((Path(os.path.abspath(path)), Path.cwd()), (path.resolve(), Path.cwd().resolve())):
        try:
            return str(candidate.relative_to(base))
        except ValueError:
            continue
    return str(path)


def did_you_mean(word: str, choices: list[str] | set[str]) -> str:
    close = difflib.get_close_matches(word, sorted(choices), n=3, cutoff=0.6)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


class SciEduError(click.ClickException):
    """Base of every error a user can cause; click prints the message without a traceback."""

    exit_code = 1


class UsageError(SciEduError):
    exit_code = 2


class FindingsError(SciEduError):
    """Raised when checks found errors; the findings were already printed."""

    def __init__(self, findings: list[Finding]) -> None:
        self.findings = findings
        errors = sum(f.severity is Severity.ERROR for f in findings)
        super().__init__(f"{errors} error(s) found; nothing was published, the previous site is untouched.")


class BuildError(SciEduError):
    pass
