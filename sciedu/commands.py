"""What the CLI commands do, as plain functions: each takes a ``Project`` and options, and returns or raises.

    check:  load → static checks → execute (cached) → findings
    build:  check → site (only when there are no errors)
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import click

from sciedu import checks, pipeline
from sciedu.curriculum import Curriculum
from sciedu.errors import Finding, FindingsError, Severity
from sciedu.execute import Result
from sciedu.model import Activity
from sciedu.pipeline import Generated
from sciedu.languages import join_and, languages
from sciedu.project import Project


@dataclass
class Outcome:
    activities: list[Activity]
    findings: list[Finding]
    generated: list[Generated] = field(default_factory=list)
    curriculum: Curriculum = field(default_factory=Curriculum)
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity is Severity.ERROR]


def _progress(result: Result, done: int, total: int) -> None:
    how = "cached" if result.cached else f"{result.seconds:.1f} s"
    status = "" if result.failure is None else "  FAILED"
    left = "" if not result.eta_seconds else f"  · about {_duration(result.eta_seconds)} left"
    click.echo(f"  [{done}/{total}] {result.job.name} ({how}){status}{left}", err=True)


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"


def check(project: Project, *, strict: bool = False, execute: bool = True, timeout: int | None = None,
          workers: int | None = None, quiet: bool = False) -> Outcome:
    start = time.perf_counter()
    activities, curriculum, findings = pipeline.load_and_check(project)
    findings = findings + checks.run_unloaded(project.activities, activities)  # every finding in one pass
    outcome = Outcome(activities, findings, curriculum=curriculum)
    outcome.seconds["load"] = time.perf_counter() - start
    if execute and activities and not pipeline.has_errors(findings):
        if not quiet:
            click.echo(f"Notebooks: {len(activities) * 4} ({len(activities)} activities × 2 languages × student/teacher); "
                       "unchanged ones come from the cache…", err=True)
        start = time.perf_counter()
        generated, exec_findings = pipeline.execute(project, activities, timeout=timeout, workers=workers,
                                                    progress=None if quiet else _progress)
        outcome.generated = generated
        outcome.findings += exec_findings
        outcome.seconds["execute"] = time.perf_counter() - start
    if strict:
        outcome.findings = [f.as_error() for f in outcome.findings]
    outcome.findings.sort()
    return outcome


def report(findings: list[Finding]) -> None:
    for finding in findings:
        click.echo(finding.format())


def build(project: Project, *, strict: bool = False, timeout: int | None = None, workers: int | None = None,
          student_only: bool = False, quiet: bool = False) -> Outcome:
    from sciedu.site.build import build_site
    from sciedu.site.pages import require_home_page

    for lang in languages():  # before minutes of notebook execution, not after
        require_home_page(project.site_sources, lang)
    outcome = check(project, strict=strict, timeout=timeout, workers=workers, quiet=quiet)
    report(outcome.findings)
    if outcome.errors:
        raise FindingsError(outcome.findings)
    if not quiet:
        click.echo(f"Building the site (mkdocs build --strict, {join_and(languages())})…", err=True)
    start = time.perf_counter()
    executed = {(g.activity.key, g.lang, g.variant): g.notebook for g in outcome.generated}
    build_site(project, outcome.activities, outcome.curriculum, executed, student_only=student_only)
    outcome.seconds["site"] = time.perf_counter() - start
    return outcome


def site_entry(project: Project) -> Path:
    return project.site / "index.html"
