"""What rules may look at besides the activity itself."""

from __future__ import annotations

from dataclasses import dataclass, field

from sciedu.curriculum.model import Curriculum


@dataclass(frozen=True)
class Context:
    curriculum: Curriculum = field(default_factory=Curriculum)
