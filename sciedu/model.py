"""Typed records that flow through the pipeline. Built once by ``sources``; never mutated downstream."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import nbformat

GRADE_BANDS = ("1-2", "3-4", "5-6", "7-9", "10-12", "university", "adult")
SUBJECTS = ("physics", "chemistry", "biology", "earth-space", "engineering", "general-science")
VARIANTS = ("student", "teacher")
#: Who an activity is for. "students" are school and university classes; the others are the public audiences
#: of the 2021 Outline's improvement actions (older people, farmers and rural learners, industrial workers) and
#: everyone else, met in community centres, village halls and senior universities (老年大学).
AUDIENCES = ("students", "older-adults", "rural", "workers", "general-public")


class Text:
    """A string in each of the project's languages: ``text["zh"]``.

    Activities carry every configured language (the metadata check sees to it); curriculum data is in Chinese and
    English, so a language it lacks reads as the English, then as whatever it has.
    """

    __slots__ = ("values",)

    def __init__(self, values: dict[str, str] | None = None, /, **by_lang: str) -> None:
        object.__setattr__(self, "values", {**(values or {}), **by_lang})

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("Text is immutable")

    def __reduce__(self) -> tuple:  # pickling (the load cache) would otherwise set the slots through __setattr__
        return (Text, (self.values,))

    def __getitem__(self, lang: str) -> str:
        found = self.values.get(lang)
        if found is None:
            found = self.values.get("en", next(iter(self.values.values()), ""))
        return found

    zh = property(lambda self: self["zh"])
    en = property(lambda self: self["en"])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and self.values == other.values

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.values.items())))

    def __repr__(self) -> str:
        return f"Text({self.values!r})"


@dataclass(frozen=True)
class Misconception:
    misconception: Text
    addressed_by: Text


@dataclass(frozen=True)
class Source:
    title: str
    url: str


@dataclass(frozen=True)
class ReviewCheck:
    """One check made on the activity: by whom, as a role (never an invented name), and what was checked."""

    role: Text
    what: Text


@dataclass(frozen=True)
class Review:
    reviewer: str
    date: str
    sources: tuple[Source, ...]
    checked: tuple[ReviewCheck, ...] = ()
    awaiting: tuple[Text, ...] | None = None  # what still awaits an expert; None: not stated


PHASES = {
    "5e": ("engage", "explore", "explain", "elaborate", "evaluate"),
    "poe": ("engage", "predict", "observe", "explain", "evaluate"),
}


@dataclass(frozen=True)
class Phase:
    """One lesson phase. ``min_minutes``: the shortest it still works (default: its full minutes);
    ``core``: kept in a short scientist visit; ``kind``: outdoor and hands-on phases are never shortened."""

    phase: str
    minutes: int
    what: Text
    min_minutes: int | None = None
    core: bool = False
    kind: str = "discussion"
    intent: Text | None = None  # 设计意图: why the phase is there and what it prepares

    @property
    def shortest(self) -> int:
        return self.minutes if self.kind in FIXED_KINDS or self.min_minutes is None else self.min_minutes


#: Kinds of homework; 双减 limits written homework (none in grades 1–2).
HOMEWORK_KINDS = ("written", "practical", "observation", "reading")


@dataclass(frozen=True)
class Homework:
    task: Text
    minutes: int
    kind: str = "written"


@dataclass(frozen=True)
class CompetencyObjective:
    """A lesson objective under one competency of a framework (e.g. the 2022 standard's 核心素养)."""

    competency: str  # framework:code of an item of type competency
    objective: Text


@dataclass(frozen=True)
class LessonPlan:
    """What a Chinese lesson plan (教学设计) has beyond the teacher guide's other parts."""

    textbook: tuple[Text, ...] = ()
    learners: Text | None = None
    key_points: tuple[Text, ...] = ()
    difficult_points: tuple[Text, ...] = ()
    objectives: tuple[CompetencyObjective, ...] = ()
    board_plan: Text | None = None
    homework: tuple[Homework, ...] = ()
    projector_path: Text | None = None


@dataclass(frozen=True)
class Facilitation:
    """How a public session runs where participants have no computers: a facilitator's guide, not a lesson plan."""

    without_computers: Text
    accessibility: tuple[Text, ...] = ()


#: Kinds of phase; outdoor work and hands-on work keep their declared minutes in every session plan.
PHASE_KINDS = ("discussion", "demonstration", "computer", "writing", "hands-on", "outdoor")
FIXED_KINDS = ("hands-on", "outdoor")


@dataclass(frozen=True)
class SessionCore:
    """The least a short scientist visit can hold: one demonstration and two questions."""

    minutes: int
    demonstration: Text
    questions: tuple[Text, ...]


@dataclass(frozen=True)
class WorksheetTable:
    """The data table students fill in during the hands-on part."""

    title: Text
    columns: tuple[Text, ...]
    rows: int


@dataclass(frozen=True)
class Worksheet:
    """What the printable student worksheet (学习单) adds to the notebook's own predictions and exercises."""

    table: WorksheetTable | None = None
    self_check: tuple[Text, ...] = ()


@dataclass(frozen=True)
class Term:
    term: Text
    definition: Text
    avoid: Text | None = None


@dataclass(frozen=True)
class Prompt:
    prompt: Text
    expected: Text


class QuizOption(Text):
    """An option of a quiz question, in every language; a wrong option may name the misconception that makes it
    attractive."""

    __slots__ = ("misconception",)

    def __init__(self, values: dict[str, str] | None = None, /, misconception: Text | None = None, **by_lang: str) -> None:
        super().__init__(values, **by_lang)
        object.__setattr__(self, "misconception", misconception)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, QuizOption) and (self.values, self.misconception) == (other.values, other.misconception)

    def __hash__(self) -> int:
        return hash((super().__hash__(), self.misconception))

    def __repr__(self) -> str:
        return f"QuizOption({self.values!r}, misconception={self.misconception!r})"

    def __reduce__(self) -> tuple:
        return (QuizOption, (self.values, self.misconception))


@dataclass(frozen=True)
class QuizItem:
    question: Text
    options: tuple[QuizOption, ...]
    answer: int
    explanation: Text
    misconception: Text | None = None


@dataclass(frozen=True)
class RubricRow:
    criterion: Text
    levels: tuple[Text, ...]


@dataclass(frozen=True)
class Myth:
    claim: Text
    truth: Text


@dataclass(frozen=True)
class Differentiation:
    support: tuple[Text, ...] = ()
    extension: tuple[Text, ...] = ()


@dataclass(frozen=True)
class DeclaredPrerequisite:
    """A prerequisite (id from curriculum/prerequisites.yaml) the students need; ``acknowledged`` says why
    one above the activity's band is used anyway (shown to teachers)."""

    id: str
    acknowledged: Text | None = None


@dataclass(frozen=True)
class Metadata:
    id: str
    title: Text
    summary: Text
    subject: str
    grade_band: str
    duration: int
    standards: tuple[str, ...]
    objectives: tuple[Text, ...]
    materials: tuple[Text, ...]
    safety: tuple[Text, ...]
    misconceptions: tuple[Misconception, ...]
    licence: str
    authors: tuple[str, ...]
    review: Review
    keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    prior_knowledge: tuple[Text, ...] = ()
    timeout: int = 60
    # for the teacher guide and the scientist-in-school session plan
    model: str = "5e"
    phases: tuple[Phase, ...] = ()
    vocabulary: tuple[Term, ...] = ()
    analogies: tuple[Text, ...] = ()
    differentiation: Differentiation = Differentiation()
    discussion: tuple[Prompt, ...] = ()
    assessment: tuple[QuizItem, ...] = ()
    rubric: tuple[RubricRow, ...] = ()
    myth: Myth | None = None
    careers: tuple[Text, ...] = ()
    answers: tuple = ()  # sciedu.answers.Answer
    variants: tuple = ()  # sciedu.answers.VariantSpec
    prerequisites: tuple[DeclaredPrerequisite, ...] = ()
    session_core: SessionCore | None = None
    worksheet: Worksheet = Worksheet()
    lesson_plan: LessonPlan | None = None
    audience: tuple[str, ...] = ("students",)
    facilitation: Facilitation | None = None

    @property
    def public(self) -> bool:
        """For a public audience (adults outside school): the guide is a facilitator's guide, the worksheet a
        large-print handout."""
        return any(a != "students" for a in self.audience)


@dataclass
class SourceNotebook:
    """One language's MyST notebook, as read by jupytext, with the source line of every cell."""

    path: Path
    lang: str
    nb: nbformat.NotebookNode
    cell_lines: dict[str, int]

    def line_of(self, cell_id: str) -> int:
        return self.cell_lines.get(cell_id, 1)


@dataclass
class Activity:
    folder: Path
    metadata: Metadata
    notebooks: dict[str, SourceNotebook]
    assets: tuple[Path, ...] = ()

    @property
    def id(self) -> str:
        return self.metadata.id

    @property
    def key(self) -> str:
        """``subject/id``, the activity's address in the library and on the site."""
        return f"{self.metadata.subject}/{self.metadata.id}"

    @property
    def yaml_path(self) -> Path:
        return self.folder / "activity.yaml"
