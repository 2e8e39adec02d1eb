"""Interface strings of generated pages, in both languages. Activity content never comes from here."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "home": {"zh": "首页", "en": "Home"},
    "activities": {"zh": "活动", "en": "Activities"},
    "catalog": {"zh": "活动目录", "en": "Activity catalogue"},
    "teacher_section": {"zh": "教师专区", "en": "For teachers"},
    "teacher_overview": {"zh": "教师专区概览", "en": "Teacher overview"},
    "authoring": {"zh": "编写指南", "en": "Authoring guide"},
    "grade_band": {"zh": "学段", "en": "Grade band"},
    "audience": {"zh": "面向人群", "en": "Audience"},
    "facilitator_guide": {"zh": "主持人指南", "en": "Facilitator's guide"},
    "duration": {"zh": "时长", "en": "Duration"},
    "minutes": {"zh": "分钟", "en": "min"},
    "subject": {"zh": "学科", "en": "Subject"},
    "title": {"zh": "活动", "en": "Activity"},
    "summary": {"zh": "简介", "en": "Summary"},
    "standards": {"zh": "课程标准", "en": "Standards"},
    "objectives": {"zh": "学习目标", "en": "Learning objectives"},
    "prior_knowledge": {"zh": "已有知识", "en": "Prior knowledge"},
    "materials": {"zh": "材料（每组）", "en": "Materials (per group)"},
    "no_materials": {"zh": "只需要能运行 Jupyter 的电脑。", "en": "Only a computer that runs Jupyter."},
    "safety": {"zh": "安全提示", "en": "Safety"},
    "no_safety": {"zh": "本活动不涉及实物操作。", "en": "No physical materials are handled in this activity."},
    "misconceptions": {"zh": "常见误区", "en": "Common misconceptions"},
    "addressed_by": {"zh": "本活动如何应对", "en": "How the activity addresses it"},
    "review": {"zh": "科学审核", "en": "Scientific review"},
    "reviewed_by": {"zh": "审核", "en": "Reviewed by"},
    "review_checked": {"zh": "已核对", "en": "Checked so far"},
    "review_awaiting": {"zh": "尚待专家审核", "en": "Still awaiting an expert's review"},
    "review_nothing_awaits": {"zh": "无", "en": "nothing"},
    "sources": {"zh": "参考资料", "en": "Sources"},
    "licence": {"zh": "许可协议", "en": "Licence"},
    "authors": {"zh": "作者", "en": "Authors"},
    "keywords": {"zh": "关键词", "en": "Keywords"},
    "download_student": {"zh": "下载学生 notebook", "en": "Download the student notebook"},
    "download_pack": {"zh": "下载班级资源包（zip）", "en": "Download the class pack (zip)"},
    "download_teacher": {"zh": "下载教师 notebook（含答案）", "en": "Download the teacher notebook (with answers)"},
    "teacher_version": {"zh": "教师版（含答案与教学提示）", "en": "Teacher version (answers and teaching notes)"},
    "student_version": {"zh": "学生版页面", "en": "Student page"},
    "show_code": {"zh": "显示代码", "en": "Show code"},
    "teacher_note": {"zh": "教师提示", "en": "Teacher note"},
    "solution": {"zh": "参考答案", "en": "Solution"},
    "exercise": {"zh": "练习", "en": "Your turn"},
    "figure": {"zh": "图：代码单元 {n} 的输出", "en": "Figure: output of code cell {n}"},
    "widget_note": {
        "zh": "静态图片：这里只显示控件保存下来的取值和它画出的图，不能拖动。想亲自调节，请下载 notebook 在 Jupyter 中运行。",
        "en": "Static picture: the saved values of the controls and the figure they drew; nothing here moves. To explore, download the notebook and run it in Jupyter.",
    },
    "teacher_title": {"zh": "教师版：{title}", "en": "Teacher version: {title}"},
    "teacher_warning": {
        "zh": "本页含答案，请不要直接发给学生。学生请使用活动页面和学生 notebook。",
        "en": "This page contains the answers: do not hand it to students. Students use the activity page and the student notebook.",
    },
    "teacher_intro": {
        "zh": "每个活动的教师版 notebook 含参考答案和教学提示。",
        "en": "Each activity's teacher notebook holds the solutions and the teaching notes.",
    },
    "catalog_intro": {
        "zh": "所有活动都有中英文版本，可在网页上浏览，也可以下载 notebook 在课堂上运行。",
        "en": "Every activity comes in Chinese and English: browse it here, or download the notebook to run in class.",
    },
    "filter_all": {"zh": "全部", "en": "All"},
    "other_language": {"zh": "English version", "en": "中文版"},
    "teacher_guide": {"zh": "教师指南", "en": "Teacher guide"},
    "teacher_notebook": {"zh": "教师版 notebook", "en": "Teacher notebook"},
    "session_plan": {"zh": "科学家进校园方案", "en": "Scientist-in-school plan"},
    "session_plans": {"zh": "各活动的进校园方案", "en": "Session plans by activity"},
    "scientists": {"zh": "科学家进校园", "en": "Scientists in schools"},
    "print_version": {"zh": "打印版（A4）", "en": "Printable version (A4)"},
    "sessions_intro": {
        "zh": "每个活动都有一份现成的科学家进校园方案（小学约 90 分钟，中学约 120 分钟）。",
        "en": "Every activity has a ready scientist-in-school plan (about 90 minutes in primary, 120 in secondary school).",
    },
    "session_other_lengths": {
        "zh": "需要其他时长（如 40 或 45 分钟）？运行 `sciedu session {id} --minutes 45 --lang {code} --format html`。",
        "en": "Need another length (such as 40 or 45 minutes)? Run `sciedu session {id} --minutes 45 --lang {code} --format html`.",
    },
    "student_edition": {
        "zh": "这是学生版网站，不包含教师材料（答案、教学提示、教师指南和进校园方案）。教师请使用完整版网站。",
        "en": "This is the student edition of the site: teacher material (answers, teaching notes, guides and session plans) is not included. Teachers use the full site.",
    },
    "standards_overview": {"zh": "课程标准概览", "en": "Standards overview"},
    "standards_items": {"zh": "条目与对应活动", "en": "Items and activities"},
    "standards_intro": {
        "zh": "各课程标准框架的全部条目、对应的活动，以及尚无活动覆盖的空白。",
        "en": "Every item of each framework, the activities that teach it, and the gaps nothing teaches yet.",
    },
    "framework": {"zh": "框架", "en": "Framework"},
    "publisher": {"zh": "发布者", "en": "Publisher"},
    "items": {"zh": "条目数", "en": "Items"},
    "coverage": {"zh": "覆盖情况", "en": "Coverage"},
    "coverage_intro": {
        "zh": "每格表示某个学段中教授该条目的活动数量（颜色越深，活动越多；鼠标悬停可看到活动名称）。{total} 个条目中已有 {covered} 个被覆盖。",
        "en": "Each square shows how many activities teach the item at that grade band (darker means more; hover to see them). {covered} of {total} items are covered.",
    },
    "coverage_table": {"zh": "表格视图：每个学段对应的活动（可点击）", "en": "As a table: the activities behind each cell (links)"},
    "requirement_stated": {"zh": "课程标准对这个学段提出了要求", "en": "The standard states a requirement for this band"},
    "gaps": {"zh": "尚无活动覆盖的条目", "en": "Items no activity teaches yet"},
    "no_activity": {"zh": "暂无活动", "en": "no activity yet"},
    "rights": {"zh": "版权说明", "en": "Rights"},
    "framework_notes": {"zh": "关于本框架的数据", "en": "About this data"},
    "taught_by": {"zh": "对应活动", "en": "Taught by"},
    "crosswalk": {"zh": "对照", "en": "Crosswalk"},
    "crosswalks": {"zh": "标准对照", "en": "Crosswalks"},
    "crosswalks_intro": {
        "zh": "不同框架之间相互对应的条目，并排列出（关系类型采用 CASE 标准的术语）。",
        "en": "Associated items of different frameworks, side by side (relation types as in CASE).",
    },
    "item": {"zh": "条目", "en": "Item"},
    "relation": {"zh": "关系", "en": "Relation"},
    "review_line": {"zh": "审核：{reviewer}，{date}。许可协议：{licence}。", "en": "Reviewed by: {reviewer}, {date}. Licence: {licence}."},
    # the theme's own controls and pages (passed to the templates as config.extra.sciedu)
    "palette_toggle_default": {"zh": "切换到深色模式", "en": "Switch to dark mode"},
    "palette_toggle_slate": {"zh": "切换到浅色模式", "en": "Switch to light mode"},
    "projector_mode": {"zh": "投影模式（大字号、高对比度）", "en": "Projector mode (larger type, high contrast)"},
    "made_with": {"zh": "本站使用 {link} 构建", "en": "Made with {link}"},
    "search_open": {"zh": "搜索", "en": "Search"},
    "search_title": {"zh": "搜索本站", "en": "Search this site"},
    "search_label": {"zh": "输入要找的词（多个词用空格隔开）", "en": "Words to find (separate several with spaces)"},
    "search_close": {"zh": "关闭搜索", "en": "Close search"},
    "search_loading": {"zh": "正在加载搜索索引……", "en": "Loading the search index…"},
    "search_failed": {"zh": "搜索索引加载失败，请刷新页面后重试。", "en": "The search index could not be loaded. Reload the page and try again."},
    "search_none": {"zh": "没有找到包含这些词的页面。", "en": "No page contains all of these words."},
    "search_count": {"zh": "找到 {n} 个页面", "en": "{n} pages found"},
    "search_teacher_badge": {"zh": "教师专区", "en": "For teachers"},
    "search_teacher_elsewhere": {
        "zh": "教师专区的页面（含答案）不在这里列出，请到教师专区里搜索。",
        "en": "Pages of the teacher area (with the answers) are not listed here: search from the teacher area.",
    },
    "not_found_title": {"zh": "404：找不到这个页面", "en": "404: page not found"},
    "not_found_text": {
        "zh": "这个地址没有页面，可能是链接有误或页面已经移动。可以从{home}或{catalog}重新找起，也可以使用搜索。",
        "en": "There is no page at this address: the link may be wrong, or the page has moved. Start again from the {home} or the {catalog}, or search.",
    },
    "not_found_home": {"zh": "首页", "en": "home page"},
    "not_found_catalog": {"zh": "活动目录", "en": "activity catalogue"},
}

SUBJECT_NAMES: dict[str, dict[str, str]] = {
    "physics": {"zh": "物理", "en": "Physics"},
    "chemistry": {"zh": "化学", "en": "Chemistry"},
    "biology": {"zh": "生物", "en": "Biology"},
    "earth-space": {"zh": "地球与宇宙", "en": "Earth and space"},
    "engineering": {"zh": "技术与工程", "en": "Engineering"},
    "general-science": {"zh": "综合科学", "en": "General science"},
}

BAND_NAMES: dict[str, dict[str, str]] = {
    "1-2": {"zh": "1–2 年级", "en": "Grades 1–2"},
    "3-4": {"zh": "3–4 年级", "en": "Grades 3–4"},
    "5-6": {"zh": "5–6 年级", "en": "Grades 5–6"},
    "7-9": {"zh": "7–9 年级", "en": "Grades 7–9"},
    "10-12": {"zh": "高中", "en": "Grades 10–12"},
    "university": {"zh": "大学通识", "en": "University general education"},
    "adult": {"zh": "成人", "en": "Adults"},
}

#: The audiences of ``audience:``; "students" is the default and is not shown on pages.
AUDIENCE_NAMES: dict[str, dict[str, str]] = {
    "students": {"zh": "学生", "en": "Students"},
    "older-adults": {"zh": "老年人", "en": "Older adults"},
    "rural": {"zh": "农村居民", "en": "Rural residents"},
    "workers": {"zh": "职工", "en": "Workers"},
    "general-public": {"zh": "社会公众", "en": "General public"},
}


#: Between a label and its value: Chinese takes the full-width colon, with no space after it.
COLON = {"zh": "：", "en": ": "}
#: Between the items of an inline list.
LIST_SEPARATOR = {"zh": "、", "en": ", "}


def audience_names(audience: tuple[str, ...], lang: str) -> str:
    """``老年人、社会公众`` / ``Older adults, General public``: an activity's audiences as one line."""
    return LIST_SEPARATOR[lang].join(AUDIENCE_NAMES[a][lang] for a in audience)


def labelled(key: str, lang: str, value: str) -> str:
    """``学科：物理`` / ``Subject: Physics``: a label from STRINGS, the language's colon, the value."""
    return f"{t(key, lang)}{COLON[lang]}{value}"


def t(key: str, lang: str, **values: object) -> str:
    text = STRINGS[key][lang]
    return text.format(**values) if values else text
