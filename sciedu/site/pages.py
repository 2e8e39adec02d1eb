"""Write one language's docs tree: hand-written pages from ``site/<lang>/``, plus generated pages:

    index.md, authoring.md, ...                      copied from site/<lang>/
    reference.md                                     "Reference: activity.yaml", generated from the schema
    activities/index.md                              the catalogue, with filters
    activities/<subject>/<id>/index.md               student view, downloads, figures
    teacher/index.md, teacher/<subject>/<id>/index.md  teacher notebooks (left out with student_only)
    assets/                                          sciedu.css/js and the vendored KaTeX

Returns the nav. Files are only written, never read back: the docs tree is a pure output.
"""

from __future__ import annotations

import html
import io
import json
import shutil
import zipfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sciedu import evaluation
from sciedu.boundary import copy_assets
from sciedu.errors import UsageError
from sciedu.exporters import dumps
from sciedu.curriculum import Curriculum
from sciedu.guides import printable, worksheet
from sciedu.guides.session import default_minutes, fit, session_core_note, session_plan
from sciedu.guides.teacher_guide import teacher_guide
from sciedu.kit.states import STATES_KEY
from sciedu.languages import C_, N_
from sciedu.kit.lang import catalogue_files
from sciedu.model import Activity, Review
from sciedu.site import live, markdown, reference, standards
from sciedu.site.i18n import AUDIENCE_NAMES, BAND_NAMES, COLON, LIST_SEPARATOR, SUBJECT_NAMES, audience_names, labelled, t

FULL_STOP = C_("punctuation", ". ")

HERE = Path(__file__).parent
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
REQUIREMENTS = "jupyterlab>=4.2\nipywidgets>=8.1\nsympy>=1.13\npint>=0.24\nnumpy>=1.26\nmatplotlib>=3.8\n"

Nav = list[Any]


@dataclass(frozen=True)
class Notebooks:
    """The executed student and teacher notebooks of one activity in one language."""

    student: Any
    teacher: Any
    student_dir: Path


def require_home_page(hand_written: Path, lang: str) -> None:
    """UsageError unless ``lang`` has its hand-written pages, at least ``index.md`` (the home page)."""
    home = hand_written / lang / "index.md"
    if not home.is_file():
        msg = (f"{home}: missing. Each language of extra.languages needs its hand-written pages in "
               f"{hand_written.name}/{lang}/, at least index.md (the home page): copy those of another language and "
               "translate them")
        raise UsageError(msg)


def write_docs(docs: Path, lang: str, hand_written: Path, activities: list[Activity], curriculum: Curriculum,
               notebooks: dict[str, Notebooks], katex_dir: Path, *, student_only: bool = False) -> Nav:
    if docs.exists():
        shutil.rmtree(docs)
    docs.mkdir(parents=True)
    require_home_page(hand_written, lang)
    shutil.copytree(hand_written / lang, docs, dirs_exist_ok=True)
    _write(docs / reference.FILE_NAME, reference.page(lang))
    _write_assets(docs / "assets", katex_dir, hand_written)
    ordered = sorted(activities, key=lambda a: (a.metadata.subject, a.metadata.title[lang]))
    _write(docs / "activities" / "index.md", _catalog(ordered, lang))
    for activity in ordered:
        _write_activity(docs, activity, lang, notebooks[activity.key], curriculum, student_only)
    if student_only:  # hand-written pages may link here: say where the teacher material went
        for section in ("teacher", "sessions"):
            _write(docs / section / "index.md", f"# {t('teacher_section', lang)}\n\n{t('student_edition', lang)}\n")
    else:
        _write(docs / "teacher" / "index.md", _teacher_index(ordered, lang))
        _write(docs / "sessions" / "index.md", _sessions_index(ordered, lang))
        records = hand_written / "evaluations"
        if records.is_dir():
            page = evaluation.report_page(records, lang, example=True, known_activities={a.key for a in activities})
            _write(docs / "report.md", page)
    standards_nav = standards.write_pages(docs, lang, curriculum, ordered)
    return _nav(docs, ordered, lang, student_only, standards_nav)


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _write_assets(assets: Path, katex_dir: Path, hand_written: Path) -> None:
    assets.mkdir(parents=True, exist_ok=True)
    for name in ("sciedu.css", "sciedu.js", "sciedu-search.js"):
        shutil.copy2(HERE / name, assets / name)
    live.write_assets(assets)
    shutil.copytree(katex_dir, assets / "katex", dirs_exist_ok=True)
    if (hand_written / "assets").is_dir():
        shutil.copytree(hand_written / "assets", assets, dirs_exist_ok=True)


# --- catalogue -----------------------------------------------------------------------------------

def _catalog(activities: list[Activity], lang: str) -> str:
    rows = []
    for a in activities:
        m = a.metadata
        rows.append(
            f'<tr data-subject="{m.subject}" data-band="{m.grade_band}" data-audience="{" ".join(m.audience)}">'
            f'<td><a href="{m.subject}/{m.id}/index.html">{html.escape(m.title[lang])}</a></td>'
            f"<td>{SUBJECT_NAMES[m.subject][lang]}</td><td>{_band_and_audience(m, lang)}</td>"
            f"<td>{m.duration} {t('minutes', lang)}</td><td>{html.escape(m.summary[lang])}</td></tr>"
        )
    subjects = sorted({a.metadata.subject for a in activities})
    bands = [b for b in BAND_NAMES if any(a.metadata.grade_band == b for a in activities)]
    audiences = [x for x in AUDIENCE_NAMES if any(x in a.metadata.audience for a in activities)]
    filters = (
        '<div class="sciedu-filters">'
        + _select("subject", t("subject", lang), [(s, SUBJECT_NAMES[s][lang]) for s in subjects], lang)
        + _select("band", t("grade_band", lang), [(b, BAND_NAMES[b][lang]) for b in bands], lang)
        + (_select("audience", t("audience", lang), [(a, AUDIENCE_NAMES[a][lang]) for a in audiences], lang) if len(audiences) > 1 else "")
        + "</div>"
    )
    head = "".join(f"<th>{t(k, lang)}</th>" for k in ("title", "subject", "grade_band", "duration", "summary"))
    table = f'<table class="sciedu-catalog">\n<thead><tr>{head}</tr></thead>\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"
    return f"# {t('catalog', lang)}\n\n{t('catalog_intro', lang)}\n\n{filters}\n\n{table}\n"


def _band_and_audience(m, lang: str) -> str:
    """``成人 · 老年人、农村居民``: the band, and a public activity's audiences after it."""
    band = BAND_NAMES[m.grade_band][lang]
    return f"{band} · {audience_names(m.audience, lang)}" if m.public else band


def guide_name(activity: Activity, lang: str) -> str:
    """A public session's guide is a facilitator's guide; a class's is a teacher guide."""
    return t("facilitator_guide" if activity.metadata.public else "teacher_guide", lang)


def _select(name: str, label: str, options: list[tuple[str, str]], lang: str) -> str:
    items = f'<option value="">{t("filter_all", lang)}</option>' + "".join(f'<option value="{v}">{html.escape(n)}</option>' for v, n in options)
    return f'<label>{label} <select name="{name}" aria-label="{label}">{items}</select></label>'


# --- one activity --------------------------------------------------------------------------------

def _write_activity(docs: Path, activity: Activity, lang: str, nbs: Notebooks, curriculum: Curriculum, student_only: bool) -> None:
    m = activity.metadata
    page_dir = docs / "activities" / m.subject / m.id
    student_file = f"{m.id}-{lang}.ipynb"
    pack_file = f"{m.id}-{lang}-class-pack.zip"
    _write(page_dir / student_file, _read(nbs.student_dir / f"{m.id}.ipynb"))
    (page_dir / pack_file).write_bytes(class_pack(activity, lang, nbs.student_dir))
    downloads = [(student_file, t("download_student", lang)), (pack_file, t("download_pack", lang)),
                 worksheet.write_page(page_dir, activity, lang)]
    links = [] if student_only else [(f"../../../teacher/{m.subject}/{m.id}/index.md", t("teacher_version", lang))]
    page = markdown.convert(nbs.student, lang)
    aligned = standards.activity_standards(activity, curriculum, lang)
    names = standard_names(activity, curriculum, lang)
    _write(page_dir / "index.md", _page(activity, lang, page.markdown + "\n\n" + aligned, downloads, links, standard_names=names))
    _write_files(page_dir, page.files)
    copy_assets(activity, page_dir)  # images in the Markdown link assets/<name>, relative to the page
    if student_only:
        return
    teacher_dir = docs / "teacher" / m.subject / m.id
    teacher_file = f"{m.id}-{lang}-teacher.ipynb"
    _write(teacher_dir / teacher_file, dumps(nbs.teacher))
    # the teacher page's widgets are the student page's: same cells, same ids, states computed once
    teacher_page = markdown.convert(nbs.teacher, lang, teacher=True, states=nbs.student.metadata.get(STATES_KEY, {}))
    body = teacher_page.markdown + "\n\n" + standards.activity_standards(activity, curriculum, lang) + "\n\n" + _teacher_notes(activity, lang)
    back = [(f"../../../activities/{m.subject}/{m.id}/index.md", t("student_version", lang))]
    banner = f'<div class="sciedu-teacher-banner">{t("teacher_warning", lang)}</div>'
    guide_links = [("guide.md", guide_name(activity, lang)), (f"../../../sessions/{m.subject}/{m.id}/index.md", t("session_plan", lang))]
    _write(teacher_dir / "index.md", _page(activity, lang, body, [(teacher_file, t("download_teacher", lang))], back + guide_links, banner,
                                            standard_names=names, teacher=True))
    _write_files(teacher_dir, teacher_page.files)
    copy_assets(activity, teacher_dir)
    _write_guide(teacher_dir, activity, curriculum, nbs.teacher, lang)
    _write_session(docs / "sessions" / m.subject / m.id, activity, lang)


def _write_guide(folder: Path, activity: Activity, curriculum: Curriculum, teacher_nb: Any, lang: str) -> None:
    guide = teacher_guide(activity, curriculum, teacher_nb, lang)
    print_link = f'<div class="sciedu-downloads" markdown>\n\n[{t("print_version", lang)}](guide-print.html){{ .md-button }}\n\n</div>\n\n'
    page = guide.markdown().replace("\n\n", "\n\n" + print_link, 1)
    _write(folder / "guide.md", page)
    _write_files(folder, guide.files)
    _write(folder / "guide-print.html", printable.render(guide.title, guide.markdown(), lang=lang, assets="../../../assets/",
                                                       source=f"sciedu · {activity.key} · {activity.metadata.licence}"))


def _write_session(folder: Path, activity: Activity, lang: str) -> None:
    m = activity.metadata
    notebook = f"../../../activities/{m.subject}/{m.id}/{m.id}-{lang}.ipynb"
    minutes = default_minutes(activity)
    title, sections = session_plan(activity, minutes, lang, notebook_link=f"[{m.id}-{lang}.ipynb]({notebook})")
    body = "\n".join(section.markdown() for section in sections)
    other = t("session_other_lengths", lang, id=activity.key, code=lang)
    if m.session_core and not fit(activity, minutes).session_core:  # the declared session core, for shorter visits
        other += "\n\n" + session_core_note(activity, lang)
    print_link = f'<div class="sciedu-downloads" markdown>\n\n[{t("print_version", lang)}](session-print.html){{ .md-button }}\n\n</div>'
    _write(folder / "index.md", f"# {title}\n\n{print_link}\n\n{other}\n\n{body}")
    # the printable page sits beside index.md, so the same relative links work there
    _write(folder / "session-print.html", printable.render(title, f"# {title}\n\n{body}", lang=lang, assets="../../../assets/"))


def standard_names(activity: Activity, curriculum: Curriculum, lang: str) -> list[str]:
    """The facts line's names of the standards an activity teaches (``3 物质的运动与相互作用``), not their ids."""
    names = []
    for standard in activity.metadata.standards:
        item = curriculum.item(standard)
        names.append(f"{item.code} {item.name[lang]}" if item is not None else standard)
    return names


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _write_files(folder: Path, files: dict[str, bytes]) -> None:
    for relative, data in files.items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def _page(activity: Activity, lang: str, body: str, downloads: list[tuple[str, str]], links: list[tuple[str, str]], banner: str = "",
          standard_names: list[str] = (), *, teacher: bool = False) -> str:
    """Front matter, the notebook's title, the facts line, the downloads, then the rest of the notebook.

    A teacher page says so in its title and stays out of the search index: it repeats the student page with
    the answers, which must never come up in a student's search under the student page's title."""
    m = activity.metadata
    standard_names = list(standard_names) or m.standards
    title_line, _, rest = body.partition("\n") if body.startswith("# ") else (f"# {m.title[lang]}", "", body)
    if teacher:
        title_line = f"# {t('teacher_title', lang, title=title_line.removeprefix('# '))}"
    facts = [
        labelled("subject", lang, SUBJECT_NAMES[m.subject][lang]),
        labelled("grade_band", lang, BAND_NAMES[m.grade_band][lang]),
        *([labelled("audience", lang, audience_names(m.audience, lang))] if m.public else []),
        labelled("duration", lang, f"{m.duration} {t('minutes', lang)}"),
        labelled("standards", lang, LIST_SEPARATOR[lang].join(standard_names)),
    ]
    meta = '<div class="sciedu-meta">' + "".join(f"<span>{html.escape(f)}</span>" for f in facts) + "</div>"
    buttons = " ".join(f"[{label}]({href}){{ .md-button }}" for href, label in [*downloads, *links])
    description = json.dumps(" ".join(m.summary[lang].split()), ensure_ascii=False)  # any text is one valid YAML string
    exclude = "search:\n  exclude: true\n" if teacher else ""
    head = f'---\ndescription: {description}\n{exclude}---\n\n{title_line}\n\n{meta}\n\n<div class="sciedu-downloads" markdown>\n\n{buttons}\n\n</div>\n\n'
    return head + (f"{banner}\n\n" if banner else "") + f"{rest.strip()}\n\n{_about(activity, lang)}\n"


def _about(activity: Activity, lang: str) -> str:
    m = activity.metadata
    objectives = "\n".join(f"- {o[lang]}" for o in m.objectives)
    sources = "\n".join(f"- [{s.title}]({s.url})" for s in m.review.sources)
    keywords = f"\n\n{labelled('keywords', lang, LIST_SEPARATOR[lang].join(m.keywords[lang]))}" if m.keywords.get(lang) else ""
    return (
        f"## {t('objectives', lang)}\n\n{objectives}{keywords}\n\n"
        f"## {t('review', lang)}\n\n{labelled('authors', lang, LIST_SEPARATOR[lang].join(m.authors))}{FULL_STOP[lang]}"
        f"{t('review_line', lang, reviewer=m.review.reviewer, date=m.review.date, licence=m.licence)}"
        f"{_review_record(m.review, lang)}"
        f"\n\n**{t('sources', lang)}**\n\n{sources}"
    )


def _review_record(review: Review, lang: str) -> str:
    """Who checked what (as roles) and what still awaits an expert, as the author declared them."""
    parts = []
    if review.checked:
        rows = "\n".join(f"- **{c.role[lang]}**{COLON[lang]}{c.what[lang]}" for c in review.checked)
        parts.append(f"**{t('review_checked', lang)}**\n\n{rows}")
    if review.awaiting is not None:
        rows = "\n".join(f"- {item[lang]}" for item in review.awaiting) or f"- {t('review_nothing_awaits', lang)}"
        parts.append(f"**{t('review_awaiting', lang)}**\n\n{rows}")
    return "".join(f"\n\n{part}" for part in parts)


def _teacher_notes(activity: Activity, lang: str) -> str:
    m = activity.metadata
    parts = []
    if m.prior_knowledge:
        parts.append(f"## {t('prior_knowledge', lang)}\n\n" + "\n".join(f"- {p[lang]}" for p in m.prior_knowledge))
    materials = "\n".join(f"- {x[lang]}" for x in m.materials) or t("no_materials", lang)
    parts.append(f"## {t('materials', lang)}\n\n{materials}")
    safety = "\n".join(f"- {x[lang]}" for x in m.safety) or t("no_safety", lang)
    parts.append(f"## {t('safety', lang)}\n\n{safety}")
    if m.misconceptions:
        rows = "\n".join(f"| {c.misconception[lang]} | {c.addressed_by[lang]} |" for c in m.misconceptions)
        parts.append(f"## {t('misconceptions', lang)}\n\n| {t('misconceptions', lang)} | {t('addressed_by', lang)} |\n|---|---|\n{rows}")
    return "\n\n".join(parts)


def _activity_list(title: str, intro: str, activities: list[Activity], lang: str, minutes=lambda a: a.metadata.duration) -> str:
    """A section's index page: one line per activity, linking to ``<subject>/<id>/index.md``."""
    lines = [f"# {title}", "", intro, ""]
    for a in activities:
        m = a.metadata
        lines.append(f"- [{m.title[lang]}]({a.key}/index.md) · {BAND_NAMES[m.grade_band][lang]} · {minutes(a)} {t('minutes', lang)}")
    return "\n".join(lines) + "\n"


def _teacher_index(activities: list[Activity], lang: str) -> str:
    return _activity_list(t("teacher_section", lang), t("teacher_intro", lang), activities, lang)


# --- class pack ----------------------------------------------------------------------------------

PACK_README = N_("{title}\n\n1. Install Python 3.11 or newer.\n2. In this folder run: pip install -r requirements.txt\n3. Run: jupyter lab {id}.ipynb\n")


def class_pack(activity: Activity, lang: str, student_dir: Path) -> bytes:
    """A zip a teacher can hand out: the student notebook, its assets, requirements, a README.

    Deterministic: entries sorted, fixed timestamps and permissions.
    """
    m = activity.metadata
    entries: dict[str, bytes] = {
        f"{m.id}/{m.id}.ipynb": (student_dir / f"{m.id}.ipynb").read_bytes(),
        f"{m.id}/requirements.txt": REQUIREMENTS.encode(),
        f"{m.id}/README.txt": PACK_README[lang].format(title=m.title[lang], id=m.id).encode(),
    }
    for asset in activity.assets:
        entries[f"{m.id}/{asset.relative_to(activity.folder).as_posix()}"] = asset.read_bytes()
    entries.update({f"{m.id}/{name}": data for name, data in kit_files().items()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, entries[name])
    return buffer.getvalue()


def kit_files() -> dict[str, bytes]:
    """``sciedu.kit`` as the notebooks import it, with its compiled catalogues, so a class pack runs without
    installing sciedu."""
    package = HERE.parent
    files = {"sciedu/__init__.py": (package / "__init__.py").read_bytes()}
    for path in sorted((package / "kit").glob("*.py")):
        files[f"sciedu/kit/{path.name}"] = path.read_bytes()
    # the compiled catalogues the kit reads now: its own, and the project's, which win for the same language
    for name, mo in catalogue_files().items():
        files[f"sciedu/kit/locale/{name}"] = mo.read_bytes()
    return files


# --- nav -----------------------------------------------------------------------------------------

def _nav(docs: Path, activities: list[Activity], lang: str, student_only: bool, standards_nav: Nav) -> Nav:
    by_subject: dict[str, list[Activity]] = defaultdict(list)
    for a in activities:
        by_subject[a.metadata.subject].append(a)
    activity_nav: Nav = [{t("catalog", lang): "activities/index.md"}]
    for subject, items in sorted(by_subject.items()):
        activity_nav.append({SUBJECT_NAMES[subject][lang]: [{a.metadata.title[lang]: f"activities/{a.key}/index.md"} for a in items]})
    nav: Nav = [{t("home", lang): "index.md"}, {t("activities", lang): activity_nav}]
    if not student_only:
        teacher_nav: Nav = [{t("teacher_overview", lang): "teacher/index.md"}]
        teacher_nav += [{a.metadata.title[lang]: [
            {t("teacher_notebook", lang): f"teacher/{a.key}/index.md"},
            {guide_name(a, lang): f"teacher/{a.key}/guide.md"},
        ]} for a in activities]
        nav.append({t("teacher_section", lang): teacher_nav})
        scientists: Nav = [{_page_title(docs / name): name} for name in SCIENTIST_PAGES if (docs / name).is_file()]
        scientists.append({t("session_plans", lang): "sessions/index.md"})
        scientists += [{a.metadata.title[lang]: f"sessions/{a.key}/index.md"} for a in activities]
        nav.append({t("scientists", lang): scientists})
    nav.append({t("standards", lang): standards_nav})
    placed = set(SCIENTIST_PAGES)
    if student_only:
        nav += [{_page_title(docs / name): name} for name in SCIENTIST_PAGES if (docs / name).is_file()]
    for extra in sorted(p for p in docs.glob("*.md") if p.name != "index.md" and p.name not in placed):
        nav.append({_page_title(extra): extra.name})
    return nav


SCIENTIST_PAGES = ("scientists.md", "session-template.md", "report.md")


def _sessions_index(activities: list[Activity], lang: str) -> str:
    return _activity_list(t("session_plans", lang), t("sessions_intro", lang), activities, lang, default_minutes)


def _page_title(path: Path) -> str:
    """The nav title: front matter ``title:`` if given (for a shorter tab), else the level-1 heading."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        for line in text.split("\n---", 1)[0].splitlines():
            if line.startswith("title:"):
                return line.removeprefix("title:").strip()
    for line in text.splitlines():
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem
