"""The folder a notebook executes in: a fresh scratch folder under ``build/``, never the source tree.

A cell's working directory is where relative paths land (``open("data.csv")``, ``savefig("out.png")``,
``open("../../evil.txt", "w")``). Running in a throw-away copy of the activity's assets keeps every such
write out of ``activities/`` and out of the notebooks that are published; the folder is emptied before
each run, so a previous run's files can never leak into the next.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sciedu.boundary import copy_assets
from sciedu.model import Activity


def prepare(folder: Path, activity: Activity) -> Path:
    """An empty ``folder`` (under build/) holding a copy of the activity's assets, for one execution."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    copy_assets(activity, folder)
    return folder

