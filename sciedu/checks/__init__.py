"""Checks: each rule is a function ``rule(activity, context) -> Iterable[Finding]``; ``run`` collects them all.

Loading (``sources``, ``curriculum``) already reports syntax, schema, missing files, duplicate ids and
dangling references; execution (``pipeline``) reports cells that fail or time out. The rules here look
at a loaded activity against the loaded curriculum.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from sciedu import sources
from sciedu.checks import answers, audience, cells, code_safety, content, guides, lesson_plan, markup, parity, prerequisites, standards, syntax
from sciedu.checks.context import Context
from sciedu.errors import Finding
from sciedu.languages import languages
from sciedu.model import Activity, SourceNotebook

Rule = Callable[[Activity, Context], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    cells.known_tags_and_keys,
    parity.code_cells_match,
    content.starts_with_title,
    content.has_exercise,
    content.local_images_exist,
    markup.unsafe_html,
    markup.text_shape,
    syntax.code_parses,
    code_safety.code_reaches_out,
    content.review_has_sources,
    content.review_record_honest,
    standards.aligned_items_exist,
    prerequisites.declared_prerequisites_fit,
    prerequisites.student_cells_within_band,
    prerequisites.aligned_items_prerequisites_declared,
    guides.phases_add_up,
    guides.session_fits,
    guides.safety_with_materials,
    guides.guide_complete,
    lesson_plan.lesson_plan_complete,
    lesson_plan.competencies_exist,
    lesson_plan.homework_within_limits,
    audience.public_session_complete,
    answers.answer_keys_recomputed,
    answers.variants_computable_and_used,
)


#: The rules that need only the two notebooks, not the metadata.
NOTEBOOK_RULES: tuple[Callable[[Mapping[str, SourceNotebook]], Iterable[Finding]], ...] = (
    cells.check_notebooks,
    parity.compare,
)


def run(activities: Iterable[Activity], context: Context) -> list[Finding]:
    return [finding for activity in activities for rule in RULES for finding in rule(activity, context)]


def run_unloaded(root: Path, loaded: Iterable[Activity]) -> list[Finding]:
    """The notebook rules on activities that did not load (activity.yaml with errors, a duplicate id),
    so one pass reports the notebooks' problems too. Unreadable notebooks were reported when loading."""
    done = {activity.folder for activity in loaded}
    findings: list[Finding] = []
    for folder in sources.layout_findings(root)[0]:
        if folder in done:
            continue
        notebooks = _readable_notebooks(folder)
        if len(notebooks) == len(languages()):
            findings += [finding for rule in NOTEBOOK_RULES for finding in rule(notebooks)]
    return findings


def _readable_notebooks(folder: Path) -> dict[str, SourceNotebook]:
    notebooks = {}
    for lang in languages():
        try:
            notebooks[lang] = sources.read_notebook(folder / f"{lang}.md", lang, f"{folder.parent.name}/{folder.name}")
        except Exception:  # noqa: BLE001 - already reported by sources.load_activity as notebook-unreadable
            continue
    return notebooks
