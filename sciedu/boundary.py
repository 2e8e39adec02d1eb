"""The publishing boundary: what an activity may reach is inside its own folder.

Sources come from strangers' pull requests. A symbolic link in an activity could make the build read,
execute against or publish any file on the build machine (``assets/key -> ~/.ssh/id_rsa``), so links that
leave their activity folder are refused, as are activity and subject folders that are links leading out of
``activities/``. Links that stay inside the folder are harmless: what they reach is published anyway.
"""

from __future__ import annotations

import os
from pathlib import Path

from sciedu.errors import Finding, error
from sciedu.model import Activity


def inside(path: Path, folder: Path) -> bool:
    """Whether ``path``, with every link resolved, is ``folder`` or below it."""
    return path.resolve().is_relative_to(folder.resolve())


def escaping_links(folder: Path) -> list[Finding]:
    """A finding for every symbolic link under ``folder`` whose target is outside it (or missing)."""
    findings = []
    for current, dirs, files in os.walk(folder, followlinks=False):
        for name in sorted([*dirs, *files]):
            path = Path(current) / name
            if path.is_symlink() and not (path.exists() and inside(path, folder)):
                findings.append(link_finding(path, folder))
    return findings


def link_finding(path: Path, folder: Path) -> Finding:
    target = os.readlink(path)
    return error(path, 1, "symlink-outside",
                 f"{path.name} is a symbolic link to {target}, which is outside {folder.name}/ or missing; "
                 f"nothing outside an activity folder is read or published: copy the file into {folder.name}/ instead")


def copy_assets(activity: Activity, folder: Path) -> None:
    """Copy the activity's assets into ``folder`` by content (links leading out were refused at loading)."""
    for asset in activity.assets:
        target = folder / asset.relative_to(activity.folder)
        target.parent.mkdir(parents=True, exist_ok=True)
        data = asset.read_bytes()
        if not target.is_file() or target.is_symlink() or target.read_bytes() != data:
            target.unlink(missing_ok=True)
            target.write_bytes(data)
