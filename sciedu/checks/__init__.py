"""Checks: each rule is a function ``rule(activity) -> Iterable[Finding]``; ``run`` collects all of them.

Loading (``sources``) already reports syntax, schema, missing files and duplicate ids; execution
(``pipeline``) reports cells that fail or time out. The rules here look at a loaded activity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sciedu.checks import content, parity, standards
from sciedu.errors import Finding
from sciedu.model import Activity

Rule = Callable[[Activity], Iterable[Finding]]

RULES: tuple[Rule, ...] = (
    parity.code_cells_match,
    content.starts_with_title,
    content.has_exercise,
    content.local_images_exist,
    content.review_has_sources,
    standards.known_frameworks,
)


def run(activities: Iterable[Activity]) -> list[Finding]:
    return [finding for activity in activities for rule in RULES for finding in rule(activity)]
