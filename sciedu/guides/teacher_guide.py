"""The teacher guide: metadata, the prerequisites with the band that teaches each, phases, materials, safety, misconceptions, vocabulary, analogies,
differentiation, discussion, the myth to test, the answer key taken from the executed teacher notebook, the
quiz with the misconception behind each wrong option, the rubric and careers."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass

import nbformat

from sciedu.languages import COLON
from sciedu.curriculum import Curriculum, prerequisites
from sciedu.guides import lesson_plan
from sciedu.guides.text import PHASE_NAMES, g, printed_unit
from sciedu.model import Activity
from sciedu.site import markdown
from sciedu.site.i18n import BAND_NAMES, SUBJECT_NAMES, audience_names, t
from sciedu.site.standards import activity_standards


@dataclass(frozen=True)
class Section:
    title: str
    body: str

    def markdown(self, level: int = 2) -> str:
        return f"{'#' * level} {self.title}\n\n{self.body.strip()}\n"


@dataclass(frozen=True)
class Guide:
    title: str
    sections: tuple[Section, ...]
    files: dict[str, bytes]

    def markdown(self) -> str:
        return f"# {self.title}\n\n" + "\n".join(s.markdown() for s in self.sections)


def bullets(texts, lang: str) -> str:
    return "\n".join(f"- {x[lang]}" for x in texts) or g("no_guide_data", lang)


def teacher_guide(activity: Activity, curriculum: Curriculum, teacher_nb: nbformat.NotebookNode, lang: str,
                  figure_prefix: str = "figures/guide-") -> Guide:
    m = activity.metadata
    answer_key = answer_key_page(teacher_nb, lang, figure_prefix)
    needed = prerequisites.guide_markdown(m.prerequisites, m.grade_band, curriculum.vocabulary, lang)
    plan = m.lesson_plan
    sections = [
        Section(g("overview", lang), _overview(activity, lang)),
        *([Section(g("textbook", lang), lesson_plan.textbook(plan, lang))] if plan and plan.textbook else []),
        Section(g("public_standards", lang) if m.public else t("standards", lang), activity_standards(activity, curriculum, lang, heading=False, from_root="../../../")),
        *([Section(g("learners", lang), lesson_plan.learners(plan, activity, lang))] if plan and plan.learners
          else [Section(t("prior_knowledge", lang), bullets(m.prior_knowledge, lang))]),
        *([Section(g("prerequisites", lang), f"{g('prerequisites_intro', lang)}\n\n{needed}")] if needed else []),
        Section(g("session_objectives", lang) if m.public else t("objectives", lang), bullets(m.objectives, lang)),
        *([Section(g("competency_objectives", lang), lesson_plan.objectives_by_competency(plan, curriculum, lang))]
          if plan and plan.objectives else []),
        *([Section(g("key_and_difficult", lang), lesson_plan.key_and_difficult_points(plan, lang))]
          if plan and (plan.key_points or plan.difficult_points) else []),
        *([Section(g("without_computers", lang), _without_computers(activity, lang))] if m.public else []),
        *([Section(g("accessibility", lang), bullets(m.facilitation.accessibility, lang))]
          if m.facilitation and m.facilitation.accessibility else []),
        Section(t("materials", lang), bullets(m.materials, lang) if m.materials else t("no_materials", lang)),
        Section(t("safety", lang), bullets(m.safety, lang) if m.safety else t("no_safety", lang)),
        Section(g("process", lang) if plan else g("session_phases" if m.public else "phases", lang),
                lesson_plan.process_table(activity, lang) if plan and m.phases else phase_table(activity, lang)),
        *([Section(g("board_plan", lang), lesson_plan.board_plan(plan, lang))] if plan and plan.board_plan else []),
        *([Section(g("homework", lang), lesson_plan.homework(plan, m.grade_band, lang))] if plan and plan.homework else []),
        *([Section(g("projector_path", lang), lesson_plan.projector_path(plan, lang))] if plan and plan.projector_path else []),
        Section(t("misconceptions", lang), _misconceptions(activity, lang)),
        Section(g("vocabulary", lang), vocabulary_table(activity, lang)),
        Section(g("analogies", lang), bullets(m.analogies, lang)),
        Section(g("differentiation", lang), _differentiation(activity, lang)),
        Section(g("discussion", lang), _discussion(activity, lang)),
        Section(g("myth", lang), myth(activity, lang)),
        Section(g("answer_key", lang), answer_key.markdown + ("\n\n" + declared_answers(activity, lang) if m.answers else "")),
        *([Section(g("variants", lang), variant_tables(activity, lang))] if m.variants else []),
        Section(g("public_quiz" if m.public else "quiz", lang), quiz(activity, lang, with_answers=True)),
        Section(g("public_rubric" if m.public else "rubric", lang), rubric_table(activity, lang)),
        Section(g("careers", lang), bullets(m.careers, lang)),
    ]
    name = g("facilitator_guide" if m.public else "guide", lang)
    title = f"{name}{COLON[lang]}{m.title[lang]}"
    return Guide(title, tuple(sections), answer_key.files)


def _without_computers(activity: Activity, lang: str) -> str:
    """A public session: who it is for, how it runs on paper, and where the handout is."""
    m = activity.metadata
    who = audience_names(m.audience, lang)
    how = m.facilitation.without_computers[lang] if m.facilitation else ""
    return "\n\n".join(part for part in (f"**{g('audience', lang)}**{COLON[lang]}{who}", how, g("handout_note", lang)) if part)


#: Seeds in the printed variant table: student numbers 1–40 cover most classes.
CLASS_SEEDS = range(1, 41)


def declared_answers(activity: Activity, lang: str) -> str:
    """The answer keys declared in activity.yaml, each recomputed from its formula (``sciedu check`` fails
    the build when one disagrees, so what is printed here is what the formula gives)."""
    from sciedu.answers import FormulaError, describe, recompute

    lines = [f"**{g('declared', lang)}**", "", f"| {g('question', lang)} | {g('formula', lang)} | {g('given', lang)} | {g('key', lang)} | {g('recomputed', lang)} |", "|---|---|---|---|---|"]
    for answer in activity.metadata.answers:
        try:
            computed, stated = recompute(answer)
            value = describe(computed.to(stated.units) if hasattr(computed, "to") else computed)
        except (FormulaError, Exception) as exc:  # the check reports it; the guide still builds
            value = f"({exc})"
        given = ", ".join(f"{k} = {v}" for k, v in answer.given.items())
        tolerance = f" (± {answer.tolerance * 100:g}%)"
        lines.append(f"| {answer.label[lang]} | `{answer.formula}` | {given} | {answer.key}{tolerance} | {value} |")
    return "\n".join(lines)


def variant_tables(activity: Activity, lang: str) -> str:
    """For each seeded exercise: every student number's parameters and answer, for the teacher to print."""
    from sciedu.kit import variant_table

    parts = []
    for variant in activity.metadata.variants:
        table = variant_table(variant.kit_params, variant.compute, CLASS_SEEDS, key=variant.id)
        units = ", ".join(f"{p.name}: {printed_unit(p.unit)}" for p in variant.parameters if p.unit)
        unit_note = f" ({units}; {g('answer', lang)}: {printed_unit(variant.unit)})" if units or variant.unit else ""
        constants = "".join(f", {name} = {value}" for name, value in variant.constants.items())
        parts.append(f"**{variant.label[lang]}**{unit_note} · `{variant.formula}`{constants}\n\n{table.to_markdown(lang)}")
    return f"{g('variants_intro', lang)}\n\n" + "\n\n".join(parts)


def _overview(activity: Activity, lang: str) -> str:
    m = activity.metadata
    model = g("model_" + m.model, lang)
    rows = [
        (t("subject", lang), SUBJECT_NAMES[m.subject][lang]),
        (t("grade_band", lang), BAND_NAMES[m.grade_band][lang]),
        (t("duration", lang), f"{m.duration} {t('minutes', lang)}"),
        (g("session_model_label" if m.public else "model_label", lang), model),
        *([(g("audience", lang), audience_names(m.audience, lang))] if m.public else []),
    ]
    table = f"| {g('aspect', lang)} | {g('detail', lang)} |\n|---|---|\n" + "\n".join(f"| {k} | {v} |" for k, v in rows)
    return f"{m.summary[lang]}\n\n{table}"


def phase_table(activity: Activity, lang: str) -> str:
    m = activity.metadata
    if not m.phases:
        return g("no_guide_data", lang)
    lines = [f"| {g('phase', lang)} | {g('minutes', lang)} | {g('what', lang)} |", "|---|---:|---|"]
    lines += [f"| {PHASE_NAMES[p.phase][lang]} | {p.minutes} | {p.what[lang]} |" for p in m.phases]
    lines.append(f"| **{g('total', lang)}** | **{sum(p.minutes for p in m.phases)}** | |")
    return "\n".join(lines)


def _misconceptions(activity: Activity, lang: str) -> str:
    rows = activity.metadata.misconceptions
    if not rows:
        return g("no_guide_data", lang)
    head = f"| {t('misconceptions', lang)} | {t('addressed_by', lang)} |\n|---|---|\n"
    return head + "\n".join(f"| {c.misconception[lang]} | {c.addressed_by[lang]} |" for c in rows)


def vocabulary_table(activity: Activity, lang: str) -> str:
    terms = activity.metadata.vocabulary
    if not terms:
        return g("no_guide_data", lang)
    lines = [f"| {g('term', lang)} | {g('definition', lang)} | {g('avoid', lang)} |", "|---|---|---|"]
    lines += [f"| **{x.term[lang]}** | {x.definition[lang]} | {x.avoid[lang] if x.avoid else ''} |" for x in terms]
    return "\n".join(lines)


def _differentiation(activity: Activity, lang: str) -> str:
    d = activity.metadata.differentiation
    support, extension = ("public_support", "public_extension") if activity.metadata.public else ("support", "extension")
    return f"**{g(support, lang)}**\n\n{bullets(d.support, lang)}\n\n**{g(extension, lang)}**\n\n{bullets(d.extension, lang)}"


def _discussion(activity: Activity, lang: str) -> str:
    prompts = activity.metadata.discussion
    if not prompts:
        return g("no_guide_data", lang)
    return "\n".join(f"{n}. {p.prompt[lang]}\n\n    *{g('expected', lang)}:* {p.expected[lang]}\n" for n, p in enumerate(prompts, 1))


def myth(activity: Activity, lang: str) -> str:
    m = activity.metadata
    if m.myth is None:
        return g("no_guide_data", lang)
    return f"**{g('claim', lang)}:** {m.myth.claim[lang]}\n\n**{g('truth', lang)}:** {m.myth.truth[lang]}"


LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def quiz(activity: Activity, lang: str, *, with_answers: bool) -> str:
    """The questions with one option per line; with answers, each item's key and explanation, and each wrong
    option with the misconception behind it, so a teacher can read a class's answers as a diagnosis."""
    items = activity.metadata.assessment
    if not items:
        return g("no_guide_data", lang)
    lines = []
    for n, item in enumerate(items, 1):
        lines.append(f"{n}. {item.question[lang]}\n")
        lines += [f"    - {LETTERS[i]}. {option[lang]}" for i, option in enumerate(item.options)]
        lines.append("")
    if with_answers:
        lines.append(f"**{g('quiz_answers', lang)}**\n")
        for n, item in enumerate(items, 1):
            lines.append(f"{n}. **{LETTERS[item.answer]}**: {item.explanation[lang]}\n")
            colon = COLON[lang]
            lines += [f"    - {LETTERS[i]}. {o[lang]} · *{g('misconception', lang)}*{colon}{o.misconception[lang]}"
                      for i, o in enumerate(item.options) if i != item.answer and o.misconception]
            if item.misconception:
                lines.append(f"\n    *{g('item_misconception', lang)}*{colon}{item.misconception[lang]}")
            lines.append("")
    return "\n".join(lines)


def rubric_table(activity: Activity, lang: str) -> str:
    rows = activity.metadata.rubric
    if not rows:
        return g("no_guide_data", lang)
    names = g("levels", lang).split("|")
    width = max(len(r.levels) for r in rows)
    head = [g("criterion", lang), *(names[i] if i < len(names) else str(i + 1) for i in range(width))]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| **" + r.criterion[lang] + "** | " + " | ".join(level[lang] for level in r.levels) + " |" for r in rows]
    return "\n".join(lines)


def solution_cells(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The exercises with their solutions: each solution cell, after the prompt that precedes it."""
    cells = nb.cells
    keep: list[int] = []
    for index, cell in enumerate(cells):
        if "solution" in cell.metadata.get("tags", []):
            if index > 0 and cells[index - 1].cell_type == "markdown" and "solution" not in cells[index - 1].metadata.get("tags", []) \
                    and index - 1 not in keep:
                keep.append(index - 1)
            keep.append(index)
    out = nbformat.v4.new_notebook(metadata=nb.metadata)
    out.cells = [copy.deepcopy(cells[i]) for i in keep]
    return out


def answer_key_page(teacher_nb: nbformat.NotebookNode, lang: str, figure_prefix: str) -> markdown.Page:
    subset = solution_cells(teacher_nb)
    # inside the guide the solutions are shown plainly, not in "solution" call-outs
    # the notebook's headings sit below the guide's own h2: its highest one here becomes an h3 (no level skipped)
    levels = [len(h) for c in subset.cells if c.cell_type == "markdown" for h in re.findall(r"^(#{1,6}) ", c.source, flags=re.M)]
    shift = 3 - min(levels, default=3)
    for cell in subset.cells:
        cell.metadata["tags"] = [x for x in cell.metadata.get("tags", []) if x not in ("solution", "hide-input", "remove-input")]
        if cell.cell_type == "markdown":
            cell.source = re.sub(r"^(#{1,6}) ", lambda h: "#" * max(3, min(len(h.group(1)) + shift, 6)) + " ", cell.source, flags=re.M)
    return markdown.convert(subset, lang, figure_prefix=figure_prefix)
