"""A Python-Markdown extension: each task-list checkbox (pymdownx.tasklist) is labelled by its item's text.

pymdownx.tasklist writes ``<li><input type="checkbox" disabled/> text</li>``: a form control without a
label, which screen readers announce as an unnamed checkbox (axe: ``label``, critical). Here the checkbox
and the text of its line go into one ``<label>``, so the text names the control.

Usage: ``markdown_extensions: [pymdownx.tasklist, sciedu.site.task_labels]``.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree
from typing import Any

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor


class TaskLabelsTreeprocessor(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for item in root.iter("li"):
            if "task-list-item" not in item.get("class", "").split():
                continue
            # the checkbox opens the item's own text, or the text of its first paragraph (a loose list)
            holder = item if item.text else next(iter(item), None)
            if holder is not None and holder.text:
                _wrap_text_in_label(holder)


def _wrap_text_in_label(holder: etree.Element) -> None:
    label = etree.Element("label")
    label.text, holder.text = holder.text, None
    holder.insert(0, label)


class TaskLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after pymdownx.tasklist (25) put the checkbox into the text, before 'inline' (20) parses that text
        md.treeprocessors.register(TaskLabelsTreeprocessor(md), "sciedu_task_labels", 24)


def makeExtension(**kwargs: Any) -> TaskLabelsExtension:
    return TaskLabelsExtension(**kwargs)
