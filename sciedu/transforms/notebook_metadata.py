"""Steps that set notebook-level metadata."""

from __future__ import annotations

import nbformat

from sciedu.model import Activity
from sciedu.transforms import Resources, Transform

NAMESPACE = "sciedu"


def set_metadata(activity: Activity, variant: str) -> Transform:
    """Activity metadata under one namespaced key. Nothing secret: no answers, no teacher notes."""
    meta = activity.metadata

    def step(nb: nbformat.NotebookNode, resources: Resources) -> tuple[nbformat.NotebookNode, Resources]:
        lang = resources["lang"]
        nb.metadata[NAMESPACE] = {
            "id": meta.id,
            "subject": meta.subject,
            "title": meta.title[lang],
            "lang": lang,
            "variant": variant,
            "grade_band": meta.grade_band,
            "duration": meta.duration,
            "standards": list(meta.standards),
            "licence": meta.licence,
        }
        nb.metadata["title"] = meta.title[lang]
        return nb, resources

    step.__name__ = "set_metadata"
    return step
