"""Interface strings of generated pages, written in English and translated by the catalogues (sciedu/locale). Activity content never comes from here."""

from __future__ import annotations

from sciedu.languages import COLON, LIST_SEPARATOR, Message, N_

STRINGS: dict[str, Message] = {
    "home": N_("Home"),
    "activities": N_("Activities"),
    "catalog": N_("Activity catalogue"),
    "teacher_section": N_("For teachers"),
    "teacher_overview": N_("Teacher overview"),
    "authoring": N_("Authoring guide"),
    "grade_band": N_("Grade band"),
    "audience": N_("Audience"),
    "facilitator_guide": N_("Facilitator's guide"),
    "duration": N_("Duration"),
    "minutes": N_("min"),
    "subject": N_("Subject"),
    "title": N_("Activity"),
    "summary": N_("Summary"),
    "standards": N_("Standards"),
    "objectives": N_("Learning objectives"),
    "prior_knowledge": N_("Prior knowledge"),
    "materials": N_("Materials (per group)"),
    "no_materials": N_("Only a computer that runs Jupyter."),
    "safety": N_("Safety"),
    "no_safety": N_("No physical materials are handled in this activity."),
    "misconceptions": N_("Common misconceptions"),
    "addressed_by": N_("How the activity addresses it"),
    "review": N_("Scientific review"),
    "reviewed_by": N_("Reviewed by"),
    "review_checked": N_("Checked so far"),
    "review_awaiting": N_("Still awaiting an expert's review"),
    "review_nothing_awaits": N_("nothing"),
    "sources": N_("Sources"),
    "licence": N_("Licence"),
    "authors": N_("Authors"),
    "keywords": N_("Keywords"),
    "download_student": N_("Download the student notebook"),
    "download_pack": N_("Download the class pack (zip)"),
    "download_teacher": N_("Download the teacher notebook (with answers)"),
    "teacher_version": N_("Teacher version (answers and teaching notes)"),
    "student_version": N_("Student page"),
    "show_code": N_("Show code"),
    "teacher_note": N_("Teacher note"),
    "solution": N_("Solution"),
    "exercise": N_("Your turn"),
    "figure": N_("Figure: output of code cell {n}"),
    "widget_note": N_("Static picture: the saved values of the controls and the figure they drew; nothing here moves. To explore, download the notebook and run it in Jupyter."),
    "teacher_title": N_("Teacher version: {title}"),
    "teacher_warning": N_("This page contains the answers: do not hand it to students. Students use the activity page and the student notebook."),
    "teacher_intro": N_("Each activity's teacher notebook holds the solutions and the teaching notes."),
    "catalog_intro": N_("Every activity comes in Chinese and English: browse it here, or download the notebook to run in class."),
    "filter_all": N_("All"),
    "other_language": N_("中文版"),
    "teacher_guide": N_("Teacher guide"),
    "teacher_notebook": N_("Teacher notebook"),
    "session_plan": N_("Scientist-in-school plan"),
    "session_plans": N_("Session plans by activity"),
    "scientists": N_("Scientists in schools"),
    "print_version": N_("Printable version (A4)"),
    "sessions_intro": N_("Every activity has a ready scientist-in-school plan (about 90 minutes in primary, 120 in secondary school)."),
    "session_other_lengths": N_("Need another length (such as 40 or 45 minutes)? Run `sciedu session {id} --minutes 45 --lang {code} --format html`."),
    "student_edition": N_("This is the student edition of the site: teacher material (answers, teaching notes, guides and session plans) is not included. Teachers use the full site."),
    "standards_overview": N_("Standards overview"),
    "standards_items": N_("Items and activities"),
    "standards_intro": N_("Every item of each framework, the activities that teach it, and the gaps nothing teaches yet."),
    "framework": N_("Framework"),
    "publisher": N_("Publisher"),
    "items": N_("Items"),
    "coverage": N_("Coverage"),
    "coverage_intro": N_("Each square shows how many activities teach the item at that grade band (darker means more; hover to see them). {covered} of {total} items are covered."),
    "coverage_table": N_("As a table: the activities behind each cell (links)"),
    "requirement_stated": N_("The standard states a requirement for this band"),
    "gaps": N_("Items no activity teaches yet"),
    "no_activity": N_("no activity yet"),
    "rights": N_("Rights"),
    "framework_notes": N_("About this data"),
    "taught_by": N_("Taught by"),
    "crosswalk": N_("Crosswalk"),
    "crosswalks": N_("Crosswalks"),
    "crosswalks_intro": N_("Associated items of different frameworks, side by side (relation types as in CASE)."),
    "item": N_("Item"),
    "relation": N_("Relation"),
    "review_line": N_("Reviewed by: {reviewer}, {date}. Licence: {licence}."),
    "palette_toggle_default": N_("Switch to dark mode"),
    "palette_toggle_slate": N_("Switch to light mode"),
    "projector_mode": N_("Projector mode (larger type, high contrast)"),
    "made_with": N_("Made with {link}"),
    "live_defer": N_("The page can't be sure about this answer: check it in the notebook."),
    "search_open": N_("Search"),
    "search_title": N_("Search this site"),
    "search_label": N_("Words to find (separate several with spaces)"),
    "search_close": N_("Close search"),
    "search_loading": N_("Loading the search index…"),
    "search_failed": N_("The search index could not be loaded. Reload the page and try again."),
    "search_none": N_("No page contains all of these words."),
    "search_count": N_("{n} pages found"),
    "search_teacher_badge": N_("For teachers"),
    "search_teacher_elsewhere": N_("Pages of the teacher area (with the answers) are not listed here: search from the teacher area."),
    "not_found_title": N_("404: page not found"),
    "not_found_text": N_("There is no page at this address: the link may be wrong, or the page has moved. Start again from the {home} or the {catalog}, or search."),
    "not_found_home": N_("home page"),
    "not_found_catalog": N_("activity catalogue"),
}

SUBJECT_NAMES: dict[str, Message] = {
    "physics": N_("Physics"),
    "chemistry": N_("Chemistry"),
    "biology": N_("Biology"),
    "earth-space": N_("Earth and space"),
    "engineering": N_("Engineering"),
    "general-science": N_("General science"),
}

BAND_NAMES: dict[str, Message] = {
    "1-2": N_("Grades 1–2"),
    "3-4": N_("Grades 3–4"),
    "5-6": N_("Grades 5–6"),
    "7-9": N_("Grades 7–9"),
    "10-12": N_("Grades 10–12"),
    "university": N_("University general education"),
    "adult": N_("Adults"),
}

#: The audiences of ``audience:``; "students" is the default and is not shown on pages.
AUDIENCE_NAMES: dict[str, Message] = {
    "students": N_("Students"),
    "older-adults": N_("Older adults"),
    "rural": N_("Rural residents"),
    "workers": N_("Workers"),
    "general-public": N_("General public"),
}




def audience_names(audience: tuple[str, ...], lang: str) -> str:
    """``老年人、社会公众`` / ``Older adults, General public``: an activity's audiences as one line."""
    return LIST_SEPARATOR[lang].join(AUDIENCE_NAMES[a][lang] for a in audience)


def labelled(key: str, lang: str, value: str) -> str:
    """``学科：物理`` / ``Subject: Physics``: a label from STRINGS, the language's colon, the value."""
    return f"{t(key, lang)}{COLON[lang]}{value}"


def t(key: str, lang: str, **values: object) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text
