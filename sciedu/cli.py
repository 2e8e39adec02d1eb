"""The ``sciedu`` command: a thin click layer. Each command parses options and calls one function."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from sciedu import __version__
from sciedu.errors import SciEduError, UsageError
from sciedu.metadata import CURRICULUM_LANGUAGES
from sciedu.model import GRADE_BANDS

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}

project_option = click.option("--project", "-C", "project_dir", type=click.Path(file_okay=False, path_type=Path),
                              default=None, help="Project folder (default: found from the current folder upwards).")
timeout_option = click.option("--timeout", type=click.IntRange(min=1), default=None,
                              help="Per-cell timeout in seconds (default: the activity's, else 60).")
jobs_option = click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
                           help="Notebooks executed in parallel (default: the number of cores).")


class _LanguageCode(click.ParamType):
    """A language code; whether the project publishes in it is known once the project is open (``_project``)."""

    name = "language"

    def convert(self, value, param, ctx):  # noqa: ANN001, ANN201 (click's signature)
        return str(value).strip().lower()


LANGUAGE = _LanguageCode()


def _first_language() -> str:
    from sciedu.languages import default_language

    return default_language()


def _project(project_dir: Path | None, lang: str | None = None):
    """The project, with its languages active; ``lang`` (a --lang value) must be one of them."""
    from sciedu.languages import languages
    from sciedu.project import Project

    project = Project.find(project_dir)
    if lang is not None and lang not in languages():
        msg = f"--lang {lang!r}: this project's languages are {', '.join(languages())} (extra.languages in {project.mkdocs_yml.name})"
        raise UsageError(msg)
    return project


@click.group(context_settings=CONTEXT)
@click.version_option(__version__, prog_name="sciedu")
def cli() -> None:
    """Write a science activity once; get student and teacher notebooks, checks and an offline site.

    Run the commands from the project folder (the one with mkdocs.yml and activities/).
    """
    logging.basicConfig(format="%(levelname)s: %(message)s", level=logging.WARNING)


@cli.command(context_settings=CONTEXT)
@project_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@timeout_option
@jobs_option
@click.option("--student-only", is_flag=True, help="Leave teacher pages and notebooks out of the site.")
def build(project_dir: Path | None, strict: bool, timeout: int | None, jobs: int | None, student_only: bool) -> None:
    """Check everything, execute the notebooks and build the site into build/site/."""
    from sciedu import commands
    from sciedu.languages import join_and, languages

    project = _project(project_dir)
    outcome = commands.build(project, strict=strict, timeout=timeout, workers=jobs, student_only=student_only)
    took = sum(outcome.seconds.values())
    entry = commands.site_entry(project)
    click.echo(f"Built {len(outcome.activities)} activities in {join_and(languages())} in {took:.1f} s.", err=True)
    click.echo(f"Site: {entry.parent}\nOpen {entry} in a browser, or run `sciedu serve` and visit http://127.0.0.1:8000/", err=True)


@cli.command(context_settings=CONTEXT)
@project_option
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--no-execute", is_flag=True, help="Skip running the notebooks (faster, checks less).")
@timeout_option
@jobs_option
def check(project_dir: Path | None, strict: bool, no_execute: bool, timeout: int | None, jobs: int | None) -> None:
    """Run every check without building the site.

    Prints findings as `path:line: severity rule-id: message`. Exit status: 0 clean, 1 errors found
    (with --strict, warnings count as errors), 2 usage error.
    """
    from sciedu import commands

    outcome = commands.check(_project(project_dir), strict=strict, execute=not no_execute, timeout=timeout, workers=jobs)
    commands.report(outcome.findings)
    warnings = sum(f.severity == "warning" for f in outcome.findings)
    notes = sum(f.severity == "note" for f in outcome.findings)  # acknowledged warnings, never fail --strict
    click.echo(f"{len(outcome.activities)} activities checked: {len(outcome.errors)} error(s), {warnings} warning(s)"
               + (f", {notes} note(s)" if notes else "") + ".", err=True)
    if outcome.errors:
        sys.exit(1)


@cli.command(context_settings=CONTEXT)
@project_option
@click.option("--band", default="5-6", show_default=True, metavar="BAND",
              help="Grade band: 1-2, 3-4, 5-6, 7-9, 10-12, university or adult; sets the level of the mathematics.")
@click.option("--subject", default=None, metavar="SUBJECT",
              help="physics, chemistry, biology, earth-space, engineering or general-science; then ADDRESS may be just ID.")
@click.argument("address", metavar="SUBJECT/ID")
def new(project_dir: Path | None, band: str, subject: str | None, address: str) -> None:
    """Create activities/SUBJECT/ID/ from the template for a subject and grade band.

    The template is a short, scientifically checked activity that shows each part of the science kit (a
    prediction, a slider, a calculation with units, a multiple choice with misconception feedback, an answer
    key that `sciedu check` recomputes, each student's own numbers). It passes `sciedu check --strict` as it
    is; replace its content with your own. Example: `sciedu new chemistry/salt-water --band 7-9`.
    """
    from sciedu import scaffold

    folder = scaffold.new_activity(_project(project_dir), address, band=band, subject=subject)
    click.echo(f"Created {folder}/: edit activity.yaml, zh.md and en.md, then run `sciedu check`.")


@cli.command(context_settings=CONTEXT)
@project_option
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@timeout_option
def serve(project_dir: Path | None, port: int, host: str, timeout: int | None) -> None:
    """Build, serve the site locally and rebuild when a source changes (the page reloads itself)."""
    from sciedu import serve as serving

    serving.serve(_project(project_dir), host=host, port=port, timeout=timeout)


@cli.command(context_settings={**CONTEXT, "ignore_unknown_options": True})
@project_option
@click.option("--lang", type=LANGUAGE, default=None, help="Language code (default: the project's first language).")
@click.option("--teacher", is_flag=True, help="Open the teacher notebooks (with solutions) instead.")
@click.option("--dry-run", is_flag=True, help="Print the JupyterLab command instead of running it.")
@click.argument("lab_args", nargs=-1, type=click.UNPROCESSED)
def lab(project_dir: Path | None, lang: str, teacher: bool, dry_run: bool, lab_args: tuple[str, ...]) -> None:
    """Open JupyterLab on the generated notebooks of one language, for running a class.

    Options after `--` go to JupyterLab, e.g. `sciedu lab --lang en -- --no-browser --port=8890`.
    As root, `--allow-root` is added for you.
    """
    from sciedu import commands
    from sciedu.lab import lab_argv

    project = _project(project_dir, lang)
    lang = lang or _first_language()
    variant = "teacher" if teacher else "student"
    folder = project.notebooks / lang / variant
    if not any(folder.glob("*/*/*.ipynb")):
        click.echo("Generating the notebooks first…", err=True)
        outcome = commands.check(project)
        commands.report(outcome.findings)
        if outcome.errors:
            raise UsageError("the notebooks could not be generated; fix the errors above first")
    command = lab_argv(folder, lab_args)
    if dry_run:
        click.echo(" ".join(command))
        return
    import os

    os.execv(sys.executable, command)


@cli.command(context_settings=CONTEXT)
@project_option
@click.argument("activity", metavar="ACTIVITY")
@click.option("--minutes", type=click.IntRange(30, 180), default=None, help="Session length (default: 90 primary, 120 secondary).")
@click.option("--lang", type=LANGUAGE, default=None, help="Language code (default: the project's first language).")
@click.option("--format", "fmt", type=click.Choice(["md", "html"]), default="md", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help="Write to a file instead of printing.")
def session(project_dir: Path | None, activity: str, minutes: int | None, lang: str, fmt: str, output: Path | None) -> None:
    """A scientist-in-school session plan for ACTIVITY (its id or SUBJECT/ID), fitted to --minutes.

    Example: sciedu session stopping-distance --minutes 45 --lang zh --format html -o plan.html
    """
    from sciedu import sources
    from sciedu.guides import printable
    from sciedu.guides.session import SessionTooShort, default_minutes, session_plan

    project = _project(project_dir, lang)
    lang = lang or _first_language()
    activities, _ = sources.load_library(project.activities)
    found = [a for a in activities if activity in (a.id, a.key)]
    if not found:
        from sciedu.errors import did_you_mean

        raise UsageError(f"no activity {activity!r}{did_you_mean(activity, {a.id for a in activities})}; run `sciedu check` if it should exist")
    chosen = found[0]
    try:
        title, sections = session_plan(chosen, minutes or default_minutes(chosen), lang, notebook_link=f"{chosen.id}-{lang}.ipynb")
    except SessionTooShort as exc:
        raise UsageError(str(exc)) from None
    text = f"# {title}\n\n" + "\n".join(s.markdown() for s in sections)
    if fmt == "html":
        text = printable.render(title, text, lang=lang, assets="assets/")
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(text)


@cli.command(context_settings=CONTEXT)
@project_option
@click.argument("activity", metavar="ACTIVITY")
@click.option("--lang", type=LANGUAGE, default=None, help="Language code (default: the project's first language).")
@click.option("--class", "class_size", type=click.IntRange(1, 100), default=None,
              help="A class set: one page per student, numbered 1..N, with each student's seeded numbers.")
@click.option("--format", "fmt", type=click.Choice(["html", "pdf"]), default="html", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file (default for pdf: ACTIVITY-worksheet-LANG.pdf; html is printed otherwise).")
def worksheet(project_dir: Path | None, activity: str, lang: str, class_size: int | None, fmt: str, output: Path | None) -> None:
    """A printable A4 student worksheet (学习单) for ACTIVITY, without answers.

    Example: sciedu worksheet noon-shadows --lang zh --class 40 --format pdf -o class-set.pdf
    """
    from sciedu import sources
    from sciedu.guides import worksheet as sheets
    from sciedu.site import vendor

    project = _project(project_dir, lang)
    lang = lang or _first_language()
    activities, _ = sources.load_library(project.activities)
    found = [a for a in activities if activity in (a.id, a.key)]
    if not found:
        from sciedu.errors import did_you_mean

        raise UsageError(f"no activity {activity!r}{did_you_mean(activity, {a.id for a in activities})}; run `sciedu check` if it should exist")
    chosen = found[0]
    seeds = list(range(1, class_size + 1)) if class_size else None
    document = sheets.render(chosen, lang, katex=vendor.katex(project.vendor).resolve().as_uri() + "/", seeds=seeds)
    if fmt == "pdf":
        browser = sheets.chromium()
        if browser is None:
            raise UsageError("a PDF needs Chromium (apt-get install chromium); or use --format html and print from the browser")
        target = output or Path(f"{chosen.id}-worksheet-{lang}.pdf")
        sheets.to_pdf(document, target, browser)
        click.echo(f"Wrote {target}", err=True)
    elif output:
        output.write_text(document, encoding="utf-8")
        click.echo(f"Wrote {output}", err=True)
    else:
        click.echo(document)


@cli.command(context_settings=CONTEXT)
@project_option
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json", "md"]), default="text", show_default=True)
@click.option("--lang", type=LANGUAGE, default=None, help="Language code (default: the project's first language).")
def report(project_dir: Path | None, folder: Path, fmt: str, lang: str) -> None:
    """Aggregate evaluation records of held sessions (YAML/CSV files in FOLDER).

    Prints sessions, students reached and the mean pre→post gain per activity. Bad records are reported
    as findings (path:line) and skipped; the others are still counted. Exit 1 if any record was bad.
    """
    from sciedu import evaluation, sources

    try:
        project = _project(project_dir)
        activities, _ = sources.load_library(project.activities)
        known = {a.key for a in activities}
    except UsageError:
        known = None  # records can be summarised outside a project too
    lang = lang or _first_language()
    records, findings = evaluation.load_records(folder, known_activities=known)
    summary = evaluation.aggregate(records)
    if fmt == "json":
        click.echo(evaluation.render_json(summary))
    elif fmt == "md":
        click.echo(evaluation.render_markdown(summary, lang, findings=findings))
    else:
        click.echo(evaluation.render_text(summary, lang))
    for finding in findings:
        click.echo(finding.format(), err=True)
    if any(f.severity == "error" for f in findings):
        sys.exit(1)


def _curriculum(project):
    from sciedu import curriculum as curriculum_module
    from sciedu.commands import report

    curriculum, findings = curriculum_module.load(project.curriculum)
    if findings:
        report(findings)
        raise UsageError(f"{project.curriculum} has {len(findings)} problem(s); fix them first (see above)")
    return curriculum


def _framework_id(curriculum, framework: str) -> str:
    from sciedu.curriculum.search import framework_hint

    if framework not in curriculum.frameworks:
        known = ", ".join(sorted(curriculum.frameworks))
        raise UsageError(f"unknown framework {framework!r}{framework_hint(framework, curriculum.frameworks)}; known: {known}")
    return framework


@cli.command(context_settings=CONTEXT)
@project_option
@click.argument("framework", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json", "md"]), default="table", show_default=True)
@click.option("--lang", type=click.Choice(CURRICULUM_LANGUAGES), default="zh", show_default=True, help="Language of item names.")
def coverage(project_dir: Path | None, framework: str | None, fmt: str, lang: str) -> None:
    """Which items of a framework the activities teach, by grade band, and the gaps.

    Without FRAMEWORK: one line per framework with how many of its row items are covered, then the library's
    activities by grade band and audience.
    """
    from sciedu import sources
    from sciedu.curriculum import coverage as cov

    project = _project(project_dir)
    curriculum = _curriculum(project)
    activities, _ = sources.load_library(project.activities)
    if framework is None:
        for fw in curriculum.frameworks.values():
            result = cov.coverage(fw, activities)
            covered = len(result.rows) - len(result.gaps)
            click.echo(f"{fw.id:32} {len(fw.items):4} items  {covered:3}/{len(result.rows):<3} rows covered")
        click.echo(cov.library_summary(activities), nl=False)
        return
    result = cov.coverage(curriculum.frameworks[_framework_id(curriculum, framework)], activities)
    click.echo(cov.render(result, fmt, lang), nl=False)


@cli.command("export-case", context_settings=CONTEXT)
@project_option
@click.argument("framework")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The JSON file to write.")
def export_case(project_dir: Path | None, framework: str, output: Path) -> None:
    """Write FRAMEWORK as a CASE 1.1 package (CFDocument, CFItems, CFAssociations) to a JSON file."""
    from sciedu.curriculum import case

    project = _project(project_dir)
    curriculum = _curriculum(project)
    package = case.export(curriculum, _framework_id(curriculum, framework))
    output.write_text(case.dumps(package), encoding="utf-8")
    click.echo(f"Wrote {output}: {len(package['CFItems'])} items, {len(package['CFAssociations'])} associations.", err=True)


@cli.group(context_settings=CONTEXT)
def catalogue() -> None:
    """The interface's message catalogues (gettext .po files): adding a language, keeping them up to date."""


@catalogue.command("init", context_settings=CONTEXT)
@project_option
@click.argument("lang")
def catalogue_init(project_dir: Path | None, lang: str) -> None:
    """Start the catalogues of LANG (a language code such as ug, bo or ko) in the project's locale/ folder.

    Translate their msgstr lines; untranslated messages show in English. Then list LANG under extra.languages
    in mkdocs.yml and add LANG.md and LANG texts to every activity.
    """
    from sciedu import catalogues
    from sciedu.languages import LanguageConfigError, check_code

    project = _project(project_dir)
    try:
        check_code(lang, where="LANG")
    except LanguageConfigError as exc:
        raise UsageError(str(exc)) from None
    written = catalogues.init(lang, project.locale)
    for po in written:
        click.echo(f"wrote {po.relative_to(project.root)}")
    if not written:
        click.echo(f"{lang}: the catalogues already exist in {project.locale.relative_to(project.root)}/; "
                   "`sciedu catalogue update` merges new messages into them", err=True)


@catalogue.command("update", context_settings=CONTEXT)
@project_option
def catalogue_update(project_dir: Path | None) -> None:
    """Merge the current messages into the project's catalogues and say how much of each is translated."""
    from sciedu import catalogues

    project = _project(project_dir)
    written = False
    for domain in catalogues.DOMAINS.values():
        fresh = catalogues.template(domain)
        for po in catalogues.update(domain, project.locale, fresh):
            done, total = catalogues.progress(po, fresh)
            click.echo(f"{po.relative_to(project.root)}: {done} of {total} messages translated")
            written = True
    if not written:
        click.echo(f"no catalogues in {project.locale}: `sciedu catalogue init LANG` starts one", err=True)


@cli.group(context_settings=CONTEXT)
def standards() -> None:
    """Look up curriculum standards (the frameworks in curriculum/)."""


@standards.command("search", context_settings=CONTEXT)
@project_option
@click.argument("text")
@click.option("--framework", "-f", default=None, help="Only this framework, e.g. ngss-2013.")
@click.option("--band", "-b", type=click.Choice(GRADE_BANDS), default=None, help="Only items for this grade band.")
@click.option("--lang", type=click.Choice(CURRICULUM_LANGUAGES), default=None, help="Match names and statements in this language only.")
def standards_search(project_dir: Path | None, text: str, framework: str | None, band: str | None, lang: str | None) -> None:
    """Items whose code, name or statement contains TEXT (Chinese or English, any case), best first.

    Prints each item's full id (framework:code, as activity.yaml's standards list wants it) with its
    name and statement in both languages. Example: sciedu standards search 动能 --band 7-9
    """
    from sciedu.curriculum import search

    curriculum = _curriculum(_project(project_dir))
    if framework is not None:
        _framework_id(curriculum, framework)
    hits = search.search(curriculum, text, framework=framework, band=band, lang=lang)
    if not hits:
        click.echo(f"no item matches {text!r}", err=True)
        return
    click.echo(search.render(hits), nl=False)


def main() -> None:
    try:
        cli(standalone_mode=True)
    except SciEduError as exc:  # pragma: no cover - click handles ClickException in standalone mode
        exc.show()
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
