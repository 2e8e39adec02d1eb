"""Curriculum frameworks as data: load and validate ``curriculum/``, look items up, compute coverage,
export CASE. ``load(folder)`` returns a ``Curriculum`` and the findings for whatever was wrong."""

from sciedu.curriculum.loader import load
from sciedu.curriculum.model import Association, Curriculum, Framework, Item

__all__ = ["Association", "Curriculum", "Framework", "Item", "load"]
