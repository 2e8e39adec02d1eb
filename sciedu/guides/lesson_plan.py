"""The parts of a Chinese lesson plan (教学设计) that the teacher guide adds when ``lesson_plan`` is given:
教材与单元, 学情分析, objectives by competency (核心素养), 教学重点与难点, 设计意图 per phase, 板书设计,
作业设计 with the homework time and the 双减 limit, and a path for a classroom with one computer and a projector.

Every text comes from ``activity.yaml``; nothing here writes content of its own beyond headings and the
policy note on homework time.
"""

from __future__ import annotations

from sciedu.curriculum import Curriculum
from sciedu.guides.text import PHASE_NAMES, g
from sciedu.model import Activity, LessonPlan

#: Written homework per day, all subjects together, under the 2021 rules (双减): none in grades 1–2, on average
#: at most 60 minutes in grades 3–6 and 90 in grades 7–9. None: no national limit for the band.
WRITTEN_HOMEWORK_LIMIT = {"1-2": 0, "3-4": 60, "5-6": 60, "7-9": 90}


def textbook(plan: LessonPlan, lang: str) -> str:
    return "\n".join(f"- {unit[lang]}" for unit in plan.textbook)


def learners(plan: LessonPlan, activity: Activity, lang: str) -> str:
    prior = "\n".join(f"- {p[lang]}" for p in activity.metadata.prior_knowledge)
    text = plan.learners[lang] if plan.learners else ""
    return "\n\n".join(part for part in (text, f"**{g('prior_knowledge', lang)}**\n\n{prior}" if prior else "") if part)


def objectives_by_competency(plan: LessonPlan, curriculum: Curriculum, lang: str) -> str:
    """Objectives grouped under each competency's name from the curriculum data, in the framework's order."""
    groups: dict[str, list[str]] = {}
    for objective in plan.objectives:
        groups.setdefault(objective.competency, []).append(objective.objective[lang])
    parts = []
    for competency, texts in groups.items():
        item = curriculum.item(competency)
        name = item.name[lang] if item is not None else competency
        parts.append(f"**{name}**\n\n" + "\n".join(f"- {text}" for text in texts))
    return "\n\n".join(parts)


def key_and_difficult_points(plan: LessonPlan, lang: str) -> str:
    parts = []
    if plan.key_points:
        parts.append(f"**{g('key_points', lang)}**\n\n" + "\n".join(f"- {p[lang]}" for p in plan.key_points))
    if plan.difficult_points:
        parts.append(f"**{g('difficult_points', lang)}**\n\n" + "\n".join(f"- {p[lang]}" for p in plan.difficult_points))
    return "\n\n".join(parts)


def process_table(activity: Activity, lang: str) -> str:
    """教学过程: each phase with its minutes, what happens and why (设计意图)."""
    phases = activity.metadata.phases
    lines = [f"| {g('phase', lang)} | {g('minutes', lang)} | {g('what', lang)} | {g('intent', lang)} |", "|---|---:|---|---|"]
    lines += [f"| {PHASE_NAMES[p.phase][lang]} | {p.minutes} | {p.what[lang]} | {p.intent[lang] if p.intent else '—'} |" for p in phases]
    lines.append(f"| **{g('total', lang)}** | **{sum(p.minutes for p in phases)}** | | |")
    return "\n".join(lines)


def board_plan(plan: LessonPlan, lang: str) -> str:
    """The board plan as the author laid it out, kept line for line."""
    assert plan.board_plan is not None
    return "```text\n" + plan.board_plan[lang].rstrip() + "\n```"


def homework(plan: LessonPlan, band: str, lang: str) -> str:
    lines = [f"| {g('homework_task', lang)} | {g('homework_kind', lang)} | {g('minutes', lang)} |", "|---|---|---:|"]
    lines += [f"| {h.task[lang]} | {g('homework_' + h.kind, lang)} | {h.minutes} |" for h in plan.homework]
    total = sum(h.minutes for h in plan.homework)
    lines.append(f"| **{g('total', lang)}** | | **{total}** |")
    limit = WRITTEN_HOMEWORK_LIMIT.get(band)
    note = g("homework_limit_note", lang) if limit is not None else ""
    return "\n".join(lines) + (f"\n\n{note}" if note else "")


def projector_path(plan: LessonPlan, lang: str) -> str:
    assert plan.projector_path is not None
    return plan.projector_path[lang]
