"""Standards named by an activity must belong to a known framework.

Item-level validation (does the code exist, does the grade band fit) arrives with the curriculum data;
until then the framework part of ``framework:code`` is checked against the frameworks we publish.
"""

from __future__ import annotations

from collections.abc import Iterator

from sciedu.errors import Finding, did_you_mean, error
from sciedu.model import Activity
from sciedu.yamlfile import load

FRAMEWORKS = (
    "cn-compulsory-science-2022",
    "cn-hs-physics",
    "cn-hs-chemistry",
    "cn-hs-biology",
    "ngss-2013",
    "public-science-literacy",
    "university-gened",
)


def known_frameworks(activity: Activity) -> Iterator[Finding]:
    located = None
    for index, code in enumerate(activity.metadata.standards):
        framework = code.split(":", 1)[0]
        if framework not in FRAMEWORKS:
            located = located or load(activity.yaml_path)
            yield error(activity.yaml_path, located.line_of(("standards", index)), "standard-framework-unknown",
                        f"unknown framework {framework!r} in {code!r}{did_you_mean(framework, set(FRAMEWORKS))}; known: {', '.join(FRAMEWORKS)}")
