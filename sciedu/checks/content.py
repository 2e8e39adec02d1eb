"""Rules on the notebooks' content that a reviewer would otherwise have to catch by eye."""

from __future__ import annotations

from collections.abc import Iterator

from sciedu.checks import markup
from sciedu.checks.context import Context
from sciedu.errors import Finding, error, warning
from sciedu.model import Activity
from sciedu.yamlfile import load


def starts_with_title(activity: Activity, context: Context) -> Iterator[Finding]:
    for notebook in activity.notebooks.values():
        cells = notebook.nb.cells
        first = cells[0] if cells else None
        if first is None or first.cell_type != "markdown" or not first.source.lstrip().startswith("# "):
            line = notebook.line_of(first.id) if first is not None else 1
            yield error(notebook.path, line, "title-missing", "the first cell must be Markdown starting with a level-1 heading '# ...' (the page title)")


def has_exercise(activity: Activity, context: Context) -> Iterator[Finding]:
    for notebook in activity.notebooks.values():
        if not any("solution" in c.metadata.get("tags", []) for c in notebook.nb.cells):
            yield warning(notebook.path, 1, "no-exercise", "no cell is tagged 'solution': students get nothing to answer")


def local_images_exist(activity: Activity, context: Context) -> Iterator[Finding]:
    """Markdown and ``<img>`` images: alt text, a file in assets/, nothing remote (see ``markup.images``)."""
    yield from markup.images(activity, context)


def review_has_sources(activity: Activity, context: Context) -> Iterator[Finding]:
    if not activity.metadata.review.sources:
        yield error(activity.yaml_path, 1, "review-sources", "review.sources is empty: cite what the science was checked against")


def review_record_honest(activity: Activity, context: Context) -> Iterator[Finding]:
    """The review record says who checked what (as roles) and what still awaits an expert (``[]``: nothing)."""
    review = activity.metadata.review
    if review.checked and review.awaiting is not None:
        return
    line = load(activity.yaml_path).line_of(("review",))
    if not review.checked:
        yield warning(activity.yaml_path, line, "review-record",
                      "review.checked is missing: list who checked what, as roles (e.g. `- role: {zh: 学科教师, en: "
                      "subject teacher}` with `what: {zh: ..., en: ...}`), never an invented name")
    if review.awaiting is None:
        yield warning(activity.yaml_path, line, "review-record",
                      "review.awaiting is missing: say what still awaits an expert's review (`awaiting: []` when "
                      "nothing does)")
