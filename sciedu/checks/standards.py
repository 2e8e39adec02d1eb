"""Every standard an activity names must be a real item of a framework in ``curriculum/``.

Unknown framework or code: an error with did-you-mean suggestions; when the framework's ``official_codes``
(framework.yaml) describe the code, the error says the code is real but not in our data yet, and names the
nearest item we hold to align to meanwhile. A grade band that does not fit the
item's: a warning (an activity may stretch a band on purpose). University general-education activities
may claim upper-secondary (10-12) items: such courses revisit school science for non-science majors.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from sciedu.checks.context import Context
from sciedu.curriculum.model import Framework
from sciedu.errors import Finding, did_you_mean, display_path, error, warning
from sciedu.model import Activity
from sciedu.yamlfile import load


def aligned_items_exist(activity: Activity, context: Context) -> Iterator[Finding]:
    curriculum = context.curriculum
    located = None
    for index, standard in enumerate(activity.metadata.standards):
        framework_id, _, code = standard.partition(":")
        located = located or load(activity.yaml_path)
        line = located.line_of(("standards", index))
        framework = curriculum.frameworks.get(framework_id)
        if framework is None:
            known = ", ".join(sorted(curriculum.frameworks)) or "none (no curriculum/ folder)"
            yield error(activity.yaml_path, line, "standard-framework-unknown",
                        f"unknown framework {framework_id!r} in {standard!r}{did_you_mean(framework_id, set(curriculum.frameworks))}; known: {known}")
            continue
        item = framework.items.get(code)
        if item is None and framework.official_codes is not None and framework.official_codes.describes(code):
            yield error(activity.yaml_path, line, "standard-not-in-data", _not_in_data(standard, code, framework))
            continue
        if item is None:
            yield error(activity.yaml_path, line, "standard-unknown", f"{standard!r} is not an item of {framework_id}{_suggest(code, framework.items)}")
            continue
        band = activity.metadata.grade_band
        if not item.fits_band(band) and not (band == "university" and item.band == "10-12"):
            yield warning(activity.yaml_path, line, "standard-band-mismatch",
                          f"{standard} is for band {item.band} but the activity is for {activity.metadata.grade_band}")


def _suggest(code: str, codes: dict) -> str:
    close = difflib.get_close_matches(code, list(codes), n=3, cutoff=0.5)
    return f" (did you mean {', '.join(repr(c) for c in close)}?)" if close else ""


def _not_in_data(standard: str, code: str, framework: Framework) -> str:
    official = framework.official_codes
    how = "a code of" if official is not None and code in official.codes else "a valid code form of"
    message = (f"{standard!r} is {how} {framework.title.zh} ({framework.id}) but is not in our data yet "
               f"(see {display_path(framework.path)} notes)")
    held = nearest_held(code, framework)
    if held is not None:
        message += f"; meanwhile align to {framework.id}:{held} ({framework.items[held].name.en}) or add the item"
    return message


def nearest_held(code: str, framework: Framework) -> str | None:
    """The longest leading part of ``code`` that is an item we hold: '2.2-5-6' -> '2.2' or else '2'."""
    while True:
        shorter = re.sub(r"[.\-][^.\-]*$", "", code)
        if shorter == code:
            return None
        if shorter in framework.items:
            return shorter
        code = shorter
