"""The per-language mkdocs config: inherits the project's ``mkdocs.yml`` and adds what is generated."""

from __future__ import annotations

from pathlib import Path

import yaml

from sciedu.model import LANGUAGES

LANGUAGE_NAMES = {"zh": "中文", "en": "English"}
#: The default language sits at the site root, the others in a sub-folder named by their code.
DEFAULT_LANGUAGE = "zh"


def site_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def write_config(path: Path, *, project_mkdocs: Path, docs_dir: Path, site_dir: Path, overrides: Path,
                 lang: str, nav: list) -> Path:
    """Write ``path``; every path in it is absolute so it does not matter where mkdocs runs."""
    here = site_prefix(lang)
    back_to_root = "../" * here.count("/")
    alternate = [{"name": LANGUAGE_NAMES[other], "link": back_to_root + site_prefix(other), "lang": other} for other in LANGUAGES]
    config = {
        "INHERIT": str(project_mkdocs.resolve()),
        "docs_dir": str(docs_dir.resolve()),
        "site_dir": str(site_dir.resolve()),
        "theme": {"name": "material", "language": lang, "custom_dir": str(overrides.resolve())},
        "plugins": [{"search": {"lang": [lang, "en"] if lang != "en" else ["en"]}}],
        "extra": {"alternate": alternate},
        "nav": nav,
        **_live_assets(project_mkdocs),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _live_assets(project_mkdocs: Path) -> dict[str, list[str]]:
    """The project's extra_css/extra_javascript plus the live widgets' files (lists are not merged by INHERIT)."""
    from sciedu.site import live

    inherited = yaml.safe_load(project_mkdocs.read_text(encoding="utf-8")) or {}
    return {"extra_css": [*inherited.get("extra_css", []), *live.EXTRA_CSS],
            "extra_javascript": [*inherited.get("extra_javascript", []), *live.EXTRA_JAVASCRIPT]}
