"""A public activity (older adults, rural residents, workers, the general public) is a facilitator-led session:
it says how it runs without computers and aligns to the citizens' scientific literacy benchmarks; an adult
activity names its public audience."""

from __future__ import annotations

from collections.abc import Iterator

from sciedu.checks.context import Context
from sciedu.curriculum.coverage import CITIZENS_FRAMEWORK, aligns_to_citizens
from sciedu.errors import Finding, warning
from sciedu.model import Activity
from sciedu.yamlfile import load


def public_session_complete(activity: Activity, context: Context) -> Iterator[Finding]:
    m = activity.metadata
    located = load(activity.yaml_path)
    if m.grade_band == "adult" and not m.public:
        yield warning(activity.yaml_path, located.line_of(("grade_band",)), "audience-missing",
                      "grade_band is adult but audience is students only: name the public audience, e.g. "
                      "audience: [older-adults, general-public]")
    if not m.public:
        if m.facilitation is not None:
            yield warning(activity.yaml_path, located.line_of(("facilitation",)), "facilitation-unused",
                          "facilitation is shown only for a public audience; add one to audience, or remove facilitation")
        return
    line = located.line_of(("audience",))
    if m.facilitation is None:
        yield warning(activity.yaml_path, line, "facilitation-missing",
                      "a public session needs facilitation.without_computers: how the facilitator runs it with the "
                      "handout and at most one screen, since participants have no computers")
    if not aligns_to_citizens(activity):
        yield warning(activity.yaml_path, located.line_of(("standards",)), "audience-benchmark-missing",
                      f"a public activity aligns to the citizens' benchmarks: add an item of {CITIZENS_FRAMEWORK} to "
                      f"standards (sciedu standards search TEXT --framework {CITIZENS_FRAMEWORK})")
