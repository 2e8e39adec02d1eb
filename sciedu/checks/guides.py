"""What the teacher guide and the session plan need from ``activity.yaml``."""

from __future__ import annotations

from collections.abc import Iterator

from sciedu.checks.context import Context
from sciedu.errors import Finding, error, warning
from sciedu.model import PHASES, Activity
from sciedu.yamlfile import load

GUIDE_KEYS = ("phases", "vocabulary", "discussion", "assessment", "rubric")


def phases_add_up(activity: Activity, context: Context) -> Iterator[Finding]:
    m = activity.metadata
    if not m.phases:
        return
    located = load(activity.yaml_path)
    total = sum(p.minutes for p in m.phases)
    if total != m.duration:
        parts = " + ".join(str(p.minutes) for p in m.phases)
        yield error(activity.yaml_path, located.line_of(("phases",)), "phase-minutes",
                    f"the phases take {parts} = {total} minutes but duration is {m.duration}; they must add up")
    allowed = PHASES[m.model]
    for index, phase in enumerate(m.phases):
        if phase.phase not in allowed:
            yield warning(activity.yaml_path, located.line_of(("phases", index, "phase")), "phase-model",
                          f"phase {phase.phase!r} is not part of the {m.model} model ({', '.join(allowed)})")


def session_fits(activity: Activity, context: Context) -> Iterator[Finding]:
    """The core of a scientist visit must fit the longest session plan (180 minutes)."""
    from sciedu.guides.session import MAX_MINUTES, SessionTooShort, fit

    if not activity.metadata.phases:
        return
    try:
        fit(activity, MAX_MINUTES)
    except SessionTooShort as exc:
        located = load(activity.yaml_path)
        yield error(activity.yaml_path, located.line_of(("phases",)), "session-core-too-long",
                    f"{str(exc).split('; choose')[0]}; mark fewer phases core: true or lower their min_minutes")


def safety_with_materials(activity: Activity, context: Context) -> Iterator[Finding]:
    m = activity.metadata
    if m.materials and not m.safety:
        located = load(activity.yaml_path)
        yield error(activity.yaml_path, located.line_of(("safety",)), "safety-missing",
                    f"the activity uses {len(m.materials)} physical material(s) but safety is empty; add safety notes")


def guide_complete(activity: Activity, context: Context) -> Iterator[Finding]:
    m = activity.metadata
    missing = [key for key in GUIDE_KEYS if not getattr(m, key)]
    if missing:
        yield warning(activity.yaml_path, 1, "guide-incomplete",
                      f"the teacher guide and session plan have no {', '.join(missing)}; add them to activity.yaml")
