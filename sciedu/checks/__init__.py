"""Checks: each rule is a function ``rule(activity, context) -> Iterable[Finding]``; ``run`` collects them all.

Loading (``sources``, ``curriculum``) already reports syntax, schema, missing files, duplicate ids and
dangling references; execution (``pipeline``) reports cells that fail or time out. The rules here look
at a loaded activity against the loaded curriculum.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sciedu.checks import answers, code_safety, content, guides, markup, parity, standards, syntax
from sciedu.checks.context import Context
from sciedu.errors import Finding
from sciedu.model import Activity

Rule = Callable[[Activity, Context], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    parity.code_cells_match,
    content.starts_with_title,
    content.has_exercise,
    content.local_images_exist,
    markup.unsafe_html,
    markup.text_shape,
    syntax.code_parses,
    code_safety.code_reaches_out,
    content.review_has_sources,
    standards.aligned_items_exist,
    guides.phases_add_up,
    guides.safety_with_materials,
    guides.guide_complete,
    answers.answer_keys_recomputed,
    answers.variants_computable_and_used,
)


def run(activities: Iterable[Activity], context: Context) -> list[Finding]:
    return [finding for activity in activities for rule in RULES for finding in rule(activity, context)]
