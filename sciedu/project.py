"""Where things are: the project's source folders and everything generated under ``build/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sciedu.errors import UsageError
from sciedu.languages import activate, configured_languages


@dataclass(frozen=True)
class Project:
    """A project. Opening one makes its languages (``extra.languages`` of mkdocs.yml) the active ones, and compiles
    its own message catalogues (``locale/``, if it has any) into ``build/locale``, ahead of sciedu's."""

    root: Path

    def __post_init__(self) -> None:
        activate(configured_languages(self.mkdocs_yml))
        if self.locale.is_dir():
            from sciedu.catalogues import compile_project

            compile_project(self.locale, self.build / "locale")

    @classmethod
    def find(cls, start: Path | None = None) -> Project:
        """The nearest folder at or above ``start`` holding ``mkdocs.yml`` and ``activities/``."""
        here = (start or Path.cwd()).resolve()
        for folder in (here, *here.parents):
            if (folder / "mkdocs.yml").is_file() and (folder / "activities").is_dir():
                return cls(folder)
        msg = f"no sciedu project at or above {here}: expected a folder with mkdocs.yml and activities/"
        raise UsageError(msg)

    activities = property(lambda self: self.root / "activities")
    curriculum = property(lambda self: self.root / "curriculum")
    site_sources = property(lambda self: self.root / "site")
    locale = property(lambda self: self.root / "locale")
    mkdocs_yml = property(lambda self: self.root / "mkdocs.yml")
    build = property(lambda self: self.root / "build")
    cache = property(lambda self: self.build / "cache")
    notebooks = property(lambda self: self.build / "notebooks")
    docs = property(lambda self: self.build / "docs")
    site = property(lambda self: self.build / "site")
    vendor = property(lambda self: self.build / "vendor")

    def notebook_dir(self, lang: str, variant: str, key: str) -> Path:
        return self.notebooks / lang / variant / key
