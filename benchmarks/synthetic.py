"""A synthetic library: the bundled activities copied N times over with distinct ids, for scale benchmarks.

Copy *k* of activity ``subject/id`` becomes ``subject/id-sNNNN``: its ``activity.yaml`` gets the new id, and the first code cell of each language gets a comment naming the copy, so that every
copy's notebooks have their own execution cache key and really execute (a library of 100 activities costs
what 100 different activities would, not what 3 cached ones do). Code cells change identically in zh and en,
so the language-parity checks still pass.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n(?::[^\n]*\n)*(?:\n)?", re.MULTILINE)


def make_library(source: Path, target: Path, count: int) -> list[str]:
    """``count`` activities under ``target`` (an ``activities/`` folder), made from those under ``source``.

    The first copy of each activity keeps its own id (so ``count`` equal to the bundled number gives the
    bundled library itself); later copies are ``<id>-sNNNN``. Returns the activity keys.
    """
    originals = sorted(p.parent for p in source.glob("*/*/activity.yaml"))
    if not originals:
        msg = f"no activities under {source}"
        raise ValueError(msg)
    target.mkdir(parents=True, exist_ok=True)
    keys = []
    for number in range(count):
        original = originals[number % len(originals)]
        copy_index = number // len(originals)
        subject, name = original.parent.name, original.name
        new_id = name if copy_index == 0 else f"{name}-s{copy_index:04d}"
        folder = target / subject / new_id
        shutil.copytree(original, folder, ignore=shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints"))
        if copy_index:
            _rename(folder, name, new_id, copy_index)
        keys.append(f"{subject}/{new_id}")
    return keys


def _rename(folder: Path, old_id: str, new_id: str, copy_index: int) -> None:
    meta = folder / "activity.yaml"
    text = meta.read_text(encoding="utf-8")
    text = re.sub(rf"^id: {re.escape(old_id)}\s*$", f"id: {new_id}", text, count=1, flags=re.MULTILINE)
    meta.write_text(text, encoding="utf-8")
    for lang in ("zh", "en"):
        page = folder / f"{lang}.md"
        if page.is_file():
            source = page.read_text(encoding="utf-8")
            match = CODE_CELL.search(source)
            if match:
                source = f"{source[:match.end()]}# synthetic copy {copy_index}\n{source[match.end():]}"
            page.write_text(source, encoding="utf-8")
