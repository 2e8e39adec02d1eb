"""The generated page "Reference: activity.yaml": every key of the schema, at every depth, in one language.

Like mkdocs' own configuration reference, each key gets a heading, what it is for, its type and whether it
is required (both read from the validators), where its value shows up, and a YAML example (which the tests
validate against the schema). Written to ``reference.md`` beside the hand-written ``authoring.md``.
"""

from __future__ import annotations

import re

from sciedu.languages import C_, LIST_SEPARATOR, Message, N_
from sciedu.schema_doc import PLACES, Field, doc_for, fields, type_of

FILE_NAME = "reference.md"

TEXT: dict[str, Message] = {
    "title": N_("Reference: activity.yaml"),
    "intro": N_("This page is generated from sciedu's metadata schema (`sciedu/metadata.py`). It lists every key of `activity.yaml`, nested keys included: what it is for, its type, whether it is required, where it shows up, and an example. Every example is validated against the schema. How to write an activity is in the [authoring guide](authoring.md)."),
    "nesting": N_("A nested key is written `parent.child`; every entry of a list has these child keys, and `<name>` stands for a name you choose."),
    "overview": C_("schema reference", "Overview"),
    "key": C_("mapping key", "Key"),
    "type": N_("Type"),
    "required": N_("Required"),
    "places": N_("Shown in"),
    "yes": N_("yes"),
    "no": N_("no"),
    "example": N_("Example"),
}


def _t(key: str, lang: str) -> str:
    return TEXT[key][lang]


def anchor(path: str) -> str:
    """The heading's id: ``assessment.options.misconception`` → ``assessment-options-misconception``."""
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def example_yaml(field: Field) -> str:
    """The documented example as it is written under its own key."""
    example = doc_for(field.path).example
    if "\n" in example or example.startswith("- "):
        return f"{field.name}:\n" + "\n".join(f"  {line}" for line in example.splitlines())
    return f"{field.name}: {example}"


def _places(field: Field, lang: str) -> str:
    return LIST_SEPARATOR[lang].join(PLACES[p][lang] for p in doc_for(field.path).places)


def _entry(field: Field, lang: str) -> str:
    doc = doc_for(field.path)
    level = "#" * min(2 + field.depth, 6)
    text = doc.text[lang]
    facts = "\n".join([
        f"| {_t('type', lang)} | {_t('required', lang)} | {_t('places', lang)} |", "|---|---|---|",
        f"| {type_of(field.validate, lang)} | {_t('yes' if field.required else 'no', lang)} | {_places(field, lang)} |",
    ])
    return f"{level} `{field.path}` {{ #{anchor(field.path)} }}\n\n{text}\n\n{facts}\n\n```yaml\n{example_yaml(field)}\n```\n"


def page(lang: str) -> str:
    """The whole reference page in ``lang`` (Markdown for mkdocs)."""
    all_fields = fields()
    rows = [f"| [`{f.path}`](#{anchor(f.path)}) | {_t('yes' if f.required else 'no', lang)} | {doc_for(f.path).text[lang]} |"
            for f in all_fields if f.depth == 0]
    overview = "\n".join([f"| {_t('key', lang)} | {_t('required', lang)} | |", "|---|---|---|", *rows])
    entries = "\n".join(_entry(f, lang) for f in all_fields)
    return (f"# {_t('title', lang)}\n\n{_t('intro', lang)}\n\n{_t('nesting', lang)}\n\n"
            f"## {_t('overview', lang)}\n\n{overview}\n\n{entries}")
