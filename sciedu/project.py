"""Where things are: the project's source folders and everything generated under ``build/``."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sciedu.errors import UsageError


@dataclass(frozen=True)
class Project:
    root: Path

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
    mkdocs_yml = property(lambda self: self.root / "mkdocs.yml")
    build = property(lambda self: self.root / "build")
    cache = property(lambda self: self.build / "cache")
    notebooks = property(lambda self: self.build / "notebooks")
    docs = property(lambda self: self.build / "docs")
    site = property(lambda self: self.build / "site")
    vendor = property(lambda self: self.build / "vendor")

    def notebook_dir(self, lang: str, variant: str, key: str) -> Path:
        return self.notebooks / lang / variant / key
