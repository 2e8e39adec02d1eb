"""Docs trees → ``mkdocs build --strict`` per language (in parallel) → ``build/site``, swapped in whole.

The new site is built beside the old one and only renamed into place once every language built, so a
failed build never leaves ``build/site`` half-written or missing.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sciedu.curriculum import Curriculum
from sciedu.errors import BuildError
from sciedu.languages import languages
from sciedu.model import Activity
from sciedu.project import Project
from sciedu.site import pages, search, shared_assets, vendor
from sciedu.site.config import site_prefix, write_config


def build_site(project: Project, activities: list[Activity], curriculum: Curriculum,
               executed: dict[tuple[str, str, str], object], *, student_only: bool = False) -> Path:
    """``executed`` maps (activity key, lang, variant) to the executed notebook."""
    recover(project.site)
    katex_dir = vendor.katex(project.vendor)
    staging = project.build / "site.staging"
    shutil.rmtree(staging, ignore_errors=True)
    configs = {}
    for lang in languages():
        notebooks = {
            a.key: pages.Notebooks(
                student=executed[(a.key, lang, "student")],
                teacher=executed[(a.key, lang, "teacher")],
                student_dir=project.notebook_dir(lang, "student", a.key),
            )
            for a in activities
        }
        docs = project.docs / lang
        nav = pages.write_docs(docs, lang, project.site_sources, activities, curriculum, notebooks, katex_dir,
                               student_only=student_only)
        configs[lang] = write_config(
            project.build / f"mkdocs-{lang}.yml", project_mkdocs=project.mkdocs_yml, docs_dir=docs,
            site_dir=staging / f"_{lang}", overrides=project.site_sources / "overrides", lang=lang, nav=nav,
        )
    digests = {lang: _inputs_digest(project, lang, configs[lang]) for lang in languages()}
    built = _built_digests(project.site / STAMP)
    if built == digests:
        shutil.rmtree(staging, ignore_errors=True)
        return project.site  # the pages and the theme are exactly those of the site already built
    # A language whose pages, config and theme are unchanged is taken from the current site, not rebuilt.
    reuse = {lang for lang in languages() if built.get(lang) == digests[lang] and _language_dir(project.site, lang).is_dir()}
    rebuild = [lang for lang in languages() if lang not in reuse]
    with ThreadPoolExecutor(max_workers=max(1, len(rebuild))) as pool:
        failures = [out for out in pool.map(_mkdocs_build, [configs[lang] for lang in rebuild]) if out]
    if failures:
        shutil.rmtree(staging, ignore_errors=True)
        msg = "mkdocs build --strict failed; the previous site is untouched:\n" + "\n".join(failures)
        raise BuildError(msg)
    for lang in rebuild:
        _drop_unused_theme_files(staging / f"_{lang}")
        search.write_index(staging / f"_{lang}", lang)
    for lang in reuse:
        current = _language_dir(project.site, lang)
        shutil.copytree(current, staging / f"_{lang}", copy_function=os.link, ignore=_other_languages(lang, current))
    site = staging / "site"
    (staging / f"_{languages()[0]}").rename(site)
    for lang in languages()[1:]:
        (staging / f"_{lang}").rename(site / site_prefix(lang).rstrip("/"))
        shared_assets.share(site, site / site_prefix(lang).rstrip("/"))
    (site / STAMP).write_text(json.dumps(digests, sort_keys=True), encoding="utf-8")
    _swap(site, project.site)
    shutil.rmtree(staging, ignore_errors=True)
    return project.site


def _drop_unused_theme_files(site: Path) -> None:
    """Source maps, the theme's own search (lunr and its worker, replaced by sciedu/site/search.py) and its script
    bundle (replaced by sciedu.js, see site/overrides/main.html): never loaded by our pages, ~2 MB per language."""
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for bundle in (site / "assets" / "javascripts").glob("bundle.*.min.js"):
        bundle.unlink()
    shutil.rmtree(site / "assets" / "javascripts" / "lunr", ignore_errors=True)
    shutil.rmtree(site / "assets" / "javascripts" / "workers", ignore_errors=True)


STAMP = ".sciedu-inputs"


def _built_digests(stamp: Path) -> dict[str, str]:
    try:
        digests = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return digests if isinstance(digests, dict) else {}


def _language_dir(site: Path, lang: str) -> Path:
    return site / site_prefix(lang).rstrip("/") if site_prefix(lang) else site


def _other_languages(lang: str, root: Path) -> Callable[[str, list[str]], set[str]]:
    """A ``copytree`` ignore: copying the root language's site leaves out the other languages and the stamp."""
    top = {site_prefix(other).rstrip("/") for other in languages() if other != lang and site_prefix(other)} | {STAMP}

    def ignore(folder: str, names: list[str]) -> set[str]:
        return top & set(names) if Path(folder) == root else set()

    return ignore


def _inputs_digest(project: Project, lang: str, config: Path) -> str:
    """A hash of everything one language's site is made from: its docs tree, its config, the theme
    overrides, the shared mkdocs.yml, the search indexer and the versions."""
    import material
    import mkdocs

    h = hashlib.sha256(f"{mkdocs.__version__}|{getattr(material, '__version__', '')}".encode())
    roots = [project.docs / lang, project.site_sources / "overrides"]
    files = [project.mkdocs_yml, config, Path(search.__file__), *(p for root in roots if root.is_dir() for p in sorted(root.rglob("*")) if p.is_file())]
    for path in files:
        h.update(str(path).encode())
        h.update(hashlib.sha256(path.read_bytes()).digest())
    return h.hexdigest()


def _mkdocs_build(config: Path) -> str:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    env["SCIEDU_PARENT_PID"] = str(os.getpid())
    # through sciedu.lifeline: if this build is killed, mkdocs dies with it
    proc = subprocess.run([sys.executable, "-m", "sciedu.lifeline", "mkdocs", "build", "--strict", "--quiet", "-f", str(config)],
                          capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        return f"[{config.name}]\n{proc.stdout}{proc.stderr}".strip()
    return ""


def _swap(new: Path, current: Path) -> None:
    """Put ``new`` in the place of ``current`` so that, whenever the build is killed, a whole site is there.

    Linux exchanges the two folders in one atomic step (``renameat2(RENAME_EXCHANGE)``); elsewhere two
    renames leave a moment with ``current`` missing, which ``recover`` repairs at the next build.
    """
    old = current.with_name(current.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if current.exists() and _exchange(new, current):
        shutil.rmtree(new, ignore_errors=True)  # ``new`` now holds the previous site
        return
    if current.exists():
        current.rename(old)
    new.rename(current)
    shutil.rmtree(old, ignore_errors=True)


def recover(current: Path) -> None:
    """A build killed between the two renames of ``_swap`` left the previous site as ``site.old``: restore it."""
    old = current.with_name(current.name + ".old")
    if old.is_dir() and not current.exists():
        old.rename(current)


RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux 3.15+, glibc 2.28+); False where that is not possible."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):
        return False
    result = renameat2(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE)
    return result == 0
