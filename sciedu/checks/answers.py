"""Every declared answer key is recomputed from its formula with units; every variant is computable and
used by both notebooks. A wrong key or a dimensionally wrong formula is an error at its line."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sciedu.answers import FormulaError, compare, recompute
from sciedu.checks.context import Context
from sciedu.errors import Finding, error, warning
from sciedu.model import Activity
from sciedu.yamlfile import load

#: Seeds tried when checking that a variant's formula works: the first students of a class.
SAMPLE_SEEDS = range(1, 6)


def answer_keys_recomputed(activity: Activity, context: Context) -> Iterator[Finding]:
    if not activity.metadata.answers:
        return
    located = load(activity.yaml_path)
    for index, answer in enumerate(activity.metadata.answers):
        try:
            computed, stated = recompute(answer)
        except FormulaError as exc:
            yield error(activity.yaml_path, located.line_of(("answers", index, "formula")), "answer-formula", f"{answer.id}: {exc}")
            continue
        problem = compare(computed, stated, answer.tolerance)
        if problem:
            yield error(activity.yaml_path, located.line_of(("answers", index, "key")), "answer-key", f"{answer.id}: {problem}")


#: Units that are a percentage; a formula for one of them is a fraction (pint multiplies by 100 when it converts).
PERCENT_UNITS = ("%", "percent")
HUNDRED = re.compile(r"(?<![\w.])100\s*\*|\*\s*100(?![\w.])")


def variants_computable_and_used(activity: Activity, context: Context) -> Iterator[Finding]:
    if not activity.metadata.variants:
        return
    from sciedu.kit import variant_table

    located = load(activity.yaml_path)
    for index, variant in enumerate(activity.metadata.variants):
        try:
            variant_table(variant.kit_params, variant.compute, SAMPLE_SEEDS, key=variant.id)
        except (FormulaError, ValueError, TypeError) as exc:
            yield error(activity.yaml_path, located.line_of(("variants", index, "formula")), "variant-formula", f"{variant.id}: {exc}")
        if variant.unit.strip() in PERCENT_UNITS and HUNDRED.search(variant.formula):
            yield warning(activity.yaml_path, located.line_of(("variants", index, "formula")), "variant-percent-twice",
                          f"{variant.id}: the unit {variant.unit!r} already turns a fraction into a percentage, so "
                          f"{variant.formula!r} gives 100 times too much; write the fraction (e.g. part/total)")
        used = re.compile(r"key\s*=\s*[\"']" + re.escape(variant.id) + r"[\"']")
        for notebook in activity.notebooks.values():
            code = "\n".join(c.source for c in notebook.nb.cells if c.cell_type == "code")
            if not used.search(code):
                yield error(notebook.path, 1, "variant-unused",
                            f"variant {variant.id!r} is declared in activity.yaml but no code cell calls variants(..., key={variant.id!r})")
