"""The lesson plan (教学设计) data: real competencies, homework within the 2021 limits, and every part present
for a school lesson (grades 1–12), so the teacher guide never prints a lesson plan with holes."""

from __future__ import annotations

from collections.abc import Iterator

from sciedu.checks.context import Context
from sciedu.errors import Finding, did_you_mean, error, note, warning
from sciedu.guides.lesson_plan import WRITTEN_HOMEWORK_LIMIT
from sciedu.model import Activity, LessonPlan
from sciedu.yamlfile import load

#: Bands taught in schools, where the teacher guide is a lesson plan (university and adult sessions are not).
SCHOOL_BANDS = ("1-2", "3-4", "5-6", "7-9", "10-12")
#: The parts a school lesson plan must have, as (key, question answered when present).
PARTS = ("learners", "key_points", "difficult_points", "objectives", "board_plan", "homework", "projector_path")


def lesson_plan_complete(activity: Activity, context: Context) -> Iterator[Finding]:
    m = activity.metadata
    if m.grade_band not in SCHOOL_BANDS:
        return
    located = load(activity.yaml_path)
    plan = m.lesson_plan
    if plan is None:
        # a note, not a warning: a new activity (``sciedu new``) starts without one; a plan that is there is checked
        yield note(activity.yaml_path, 1, "lesson-plan-missing",
                      "no lesson_plan: a school lesson's teacher guide is a lesson plan (教学设计); add lesson_plan with "
                      f"{', '.join(PARTS)} (see the activity.yaml reference)")
        return
    missing = [part for part in PARTS if not getattr(plan, part)]
    if missing:
        yield warning(activity.yaml_path, located.line_of(("lesson_plan",)), "lesson-plan-incomplete",
                      f"lesson_plan lacks {', '.join(missing)}")
    without_intent = [index for index, phase in enumerate(m.phases) if phase.intent is None]
    if without_intent:
        yield warning(activity.yaml_path, located.line_of(("phases", without_intent[0])), "lesson-plan-incomplete",
                      f"{len(without_intent)} of {len(m.phases)} phases have no intent (设计意图), the first here")
    competencies = {o.competency for o in plan.objectives}
    frameworks = {c.partition(":")[0] for c in competencies}
    for framework_id in frameworks:
        framework = context.curriculum.frameworks.get(framework_id)
        all_of_it = {item.id for item in framework.items.values() if item.type == "competency"} if framework else set()
        lacking = sorted(all_of_it - competencies)
        if plan.objectives and lacking:
            names = ", ".join(framework.items[c.partition(":")[2]].name["en"] for c in lacking)  # type: ignore[union-attr]
            yield warning(activity.yaml_path, located.line_of(("lesson_plan", "objectives")), "lesson-plan-incomplete",
                          f"objectives cover {len(all_of_it) - len(lacking)} of the {len(all_of_it)} competencies of "
                          f"{framework_id}; none for: {names}")


def competencies_exist(activity: Activity, context: Context) -> Iterator[Finding]:
    plan = activity.metadata.lesson_plan
    if plan is None or not plan.objectives:
        return
    located = load(activity.yaml_path)
    known = {item.id for framework in context.curriculum.frameworks.values() for item in framework.items.values()
             if item.type == "competency"}
    for index, objective in enumerate(plan.objectives):
        if objective.competency not in known:
            yield error(activity.yaml_path, located.line_of(("lesson_plan", "objectives", index, "competency")),
                        "competency-unknown",
                        f"{objective.competency!r} is not a competency in curriculum/{did_you_mean(objective.competency, known)}; "
                        f"expected framework:code of an item of type competency, e.g. cn-compulsory-science-2022:competency-1")


def homework_within_limits(activity: Activity, context: Context) -> Iterator[Finding]:
    plan: LessonPlan | None = activity.metadata.lesson_plan
    band = activity.metadata.grade_band
    limit = WRITTEN_HOMEWORK_LIMIT.get(band)
    if plan is None or not plan.homework or limit is None:
        return
    located = load(activity.yaml_path)
    written = [(index, h) for index, h in enumerate(plan.homework) if h.kind == "written"]
    if limit == 0 and written:
        yield error(activity.yaml_path, located.line_of(("lesson_plan", "homework", written[0][0])), "homework-limit",
                    "grades 1–2 get no written homework (2021 homework rules, 双减): make it practical, observation "
                    f"or reading (kind: practical), found kind: written")
    total = sum(h.minutes for _, h in written)
    if limit and total > limit:
        yield error(activity.yaml_path, located.line_of(("lesson_plan", "homework")), "homework-limit",
                    f"written homework takes {total} minutes, more than the {limit} minutes a day all subjects together "
                    f"may take in grades {band} (2021 homework rules, 双减)")
