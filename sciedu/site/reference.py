"""The generated page "Reference: activity.yaml": every key of the schema, at every depth, in one language.

Like mkdocs' own configuration reference, each key gets a heading, what it is for, its type and whether it
is required (both read from the validators), where its value shows up, and a YAML example (which the tests
validate against the schema). Written to ``reference.md`` beside the hand-written ``authoring.md``.
"""

from __future__ import annotations

import re

from sciedu.schema_doc import DOCS, PLACES, Field, fields, type_of

FILE_NAME = "reference.md"

TEXT: dict[str, dict[str, str]] = {
    "title": {"zh": "参考：activity.yaml 的全部键", "en": "Reference: activity.yaml"},
    "intro": {
        "zh": "本页由 sciedu 的元数据模式（`sciedu/metadata.py`）自动生成，列出 `activity.yaml` 中每一个键，包括嵌套的键："
              "它的用途、类型、是否必填、在哪些页面上显示，以及一个示例。每个示例都经过模式校验。"
              "怎样编写一个活动，请看[编写指南](authoring.md)。",
        "en": "This page is generated from sciedu's metadata schema (`sciedu/metadata.py`). It lists every key of "
              "`activity.yaml`, nested keys included: what it is for, its type, whether it is required, where it shows "
              "up, and an example. Every example is validated against the schema. How to write an activity is in the "
              "[authoring guide](authoring.md).",
    },
    "nesting": {
        "zh": "嵌套的键写作 `父键.子键`；列表中的每一项都有这些子键，`<name>` 表示由作者自己取的名称。",
        "en": "A nested key is written `parent.child`; every entry of a list has these child keys, and `<name>` stands for a name you choose.",
    },
    "overview": {"zh": "一览", "en": "Overview"},
    "key": {"zh": "键", "en": "Key"},
    "type": {"zh": "类型", "en": "Type"},
    "required": {"zh": "必填", "en": "Required"},
    "places": {"zh": "显示在", "en": "Shown in"},
    "yes": {"zh": "是", "en": "yes"},
    "no": {"zh": "否", "en": "no"},
    "example": {"zh": "示例", "en": "Example"},
}


def _t(key: str, lang: str) -> str:
    return TEXT[key][lang]


def anchor(path: str) -> str:
    """The heading's id: ``assessment.options.misconception`` → ``assessment-options-misconception``."""
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def example_yaml(field: Field) -> str:
    """The documented example as it is written under its own key."""
    example = DOCS[field.path].example
    if "\n" in example or example.startswith("- "):
        return f"{field.name}:\n" + "\n".join(f"  {line}" for line in example.splitlines())
    return f"{field.name}: {example}"


def _places(field: Field, lang: str) -> str:
    separator = "、" if lang == "zh" else ", "
    return separator.join(PLACES[p][lang] for p in DOCS[field.path].places)


def _entry(field: Field, lang: str) -> str:
    doc = DOCS[field.path]
    level = "#" * min(2 + field.depth, 6)
    text = doc.zh if lang == "zh" else doc.en
    facts = "\n".join([
        f"| {_t('type', lang)} | {_t('required', lang)} | {_t('places', lang)} |", "|---|---|---|",
        f"| {type_of(field.validate, lang)} | {_t('yes' if field.required else 'no', lang)} | {_places(field, lang)} |",
    ])
    return f"{level} `{field.path}` {{ #{anchor(field.path)} }}\n\n{text}\n\n{facts}\n\n```yaml\n{example_yaml(field)}\n```\n"


def page(lang: str) -> str:
    """The whole reference page in ``lang`` (Markdown for mkdocs)."""
    all_fields = fields()
    rows = [f"| [`{f.path}`](#{anchor(f.path)}) | {_t('yes' if f.required else 'no', lang)} | {(DOCS[f.path].zh if lang == 'zh' else DOCS[f.path].en)} |"
            for f in all_fields if f.depth == 0]
    overview = "\n".join([f"| {_t('key', lang)} | {_t('required', lang)} | |", "|---|---|---|", *rows])
    entries = "\n".join(_entry(f, lang) for f in all_fields)
    return (f"# {_t('title', lang)}\n\n{_t('intro', lang)}\n\n{_t('nesting', lang)}\n\n"
            f"## {_t('overview', lang)}\n\n{overview}\n\n{entries}")
