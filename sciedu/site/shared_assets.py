"""One copy of the theme's and our assets for every language.

Each language's site is built on its own, so each gets an ``assets/`` folder, and a reader who switches
language would download the same 1 MB again under another address. After the build, a language folder
whose ``assets/`` is byte-for-byte the default language's is pointed at the default language's copy: the
``href``/``src`` values of its pages that lead into its own ``assets/`` are rewritten to the shared folder,
and its copy is removed. A language whose assets differ in any file keeps its own.
"""

from __future__ import annotations

import filecmp
import posixpath
import re
import shutil
from pathlib import Path

ASSET_LINK = re.compile(r'\b(href|src)="([^"#?]*assets/[^"]*)"')


def identical_trees(a: Path, b: Path) -> bool:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    return files_a == files_b and all(filecmp.cmp(a / f, b / f, shallow=False) for f in files_a)


def share(site: Path, language_dir: Path) -> bool:
    """Point ``language_dir``'s pages at ``site/assets``; False (nothing changed) when the assets differ."""
    site, language_dir = site.resolve(), language_dir.resolve()
    own, shared = language_dir / "assets", site / "assets"
    if not own.is_dir() or not shared.is_dir() or not identical_trees(own, shared):
        return False
    for page in language_dir.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        new = ASSET_LINK.sub(lambda m: _relink(m, page, own, shared), text)
        if new != text:
            page.write_text(new, encoding="utf-8")
    shutil.rmtree(own)
    return True


def _relink(match: re.Match[str], page: Path, own: Path, shared: Path) -> str:
    attribute, url = match.groups()
    if "://" in url or url.startswith(("/", "data:")):
        return match.group(0)
    path, _, rest = url.partition("?")
    target = Path(posixpath.normpath(posixpath.join(page.parent.as_posix(), path)))
    if not target.is_relative_to(own):
        return match.group(0)
    new = posixpath.relpath((shared / target.relative_to(own)).as_posix(), page.parent.as_posix())
    return f'{attribute}="{new}{"?" + rest if rest else ""}"'
