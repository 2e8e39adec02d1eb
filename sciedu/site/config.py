"""The per-language mkdocs config: inherits the project's ``mkdocs.yml`` and adds what is generated."""

from __future__ import annotations

from pathlib import Path

import yaml

from sciedu.languages import default_language, language_name, languages
from sciedu.site.i18n import STRINGS, t

#: Interface strings the theme overrides (site/overrides) read from ``config.extra.sciedu``.
TEMPLATE_STRINGS = ("live_defer", "projector_mode", "made_with", "not_found_title", "not_found_text", "not_found_home",
                    "not_found_catalog", "search_open", "search_title", "search_label", "search_close",
                    "search_loading", "search_failed", "search_none", "search_count", "search_teacher_badge",
                    "search_teacher_elsewhere")


def site_prefix(lang: str) -> str:
    """The default (first) language sits at the site root, the others in a sub-folder named by their code."""
    return "" if lang == default_language() else f"{lang}/"


def write_config(path: Path, *, project_mkdocs: Path, docs_dir: Path, site_dir: Path, overrides: Path,
                 lang: str, nav: list) -> Path:
    """Write ``path``; every path in it is absolute so it does not matter where mkdocs runs."""
    here = site_prefix(lang)
    back_to_root = "../" * here.count("/")
    alternate = [{"name": language_name(other), "link": back_to_root + site_prefix(other), "lang": other} for other in languages()]
    theme = {"name": "material", "language": lang, "custom_dir": str(overrides.resolve())}
    settings = yaml.safe_load(project_mkdocs.read_text(encoding="utf-8")) or {}
    palette = localised_palette(_project_palette(settings), lang)
    if palette:
        theme["palette"] = palette
    config = {
        "INHERIT": str(project_mkdocs.resolve()),
        "docs_dir": str(docs_dir.resolve()),
        "site_dir": str(site_dir.resolve()),
        "theme": theme,
        # site_prefix: the 404 page's links are root-absolute (it is served at any address), so it needs its
        # language's folder
        "extra": {"alternate": alternate,
                  "sciedu": {**{key: t(key, lang) for key in TEMPLATE_STRINGS}, "site_prefix": site_prefix(lang)}},
        "nav": nav,
        **_live_assets(settings),
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _project_palette(settings: dict) -> list[dict]:
    """The ``theme.palette`` list of the project's mkdocs.yml (a single palette is a list of one)."""
    palette = (settings.get("theme") or {}).get("palette") or []
    return palette if isinstance(palette, list) else [palette]


def localised_palette(palette: list[dict], lang: str) -> list[dict]:
    """A copy of ``palette`` whose toggle names (the buttons' accessible names) are in ``lang``.

    A toggle is named after the scheme it leaves (``palette_toggle_<scheme>`` in i18n); toggles of schemes
    we have no string for keep the project's wording.
    """
    localised = []
    for option in palette:
        key = f"palette_toggle_{option.get('scheme', 'default')}"
        toggle = option.get("toggle")
        if toggle and key in STRINGS:
            option = {**option, "toggle": {**toggle, "name": t(key, lang)}}
        localised.append(option)
    return localised


def _live_assets(settings: dict) -> dict[str, list[str]]:
    """The project's extra_css/extra_javascript plus the live widgets' files (lists are not merged by INHERIT)."""
    from sciedu.site import live

    return {"extra_css": [*settings.get("extra_css", []), *live.EXTRA_CSS],
            "extra_javascript": [*settings.get("extra_javascript", []), *live.EXTRA_JAVASCRIPT]}
