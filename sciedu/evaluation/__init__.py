"""Evaluation records: one held scientist-in-school session per record, and the statistics over them.

A record documents one session a scientist ran with one class: which activity, when, where, for whom, in
which format and, optionally, the class's scores on the same short test before and after the session,
the teacher's feedback and the scientist's reflection. Records live in a folder as YAML or CSV files;
``site/evaluations/README.md`` documents the format for users and ``SCHEMA`` (in ``records``) is the same table in code. The modules: ``records`` (schema and reading), ``stats``
(the statistics), ``render`` (text, JSON, the site page) and ``numbers`` (exact in, rounded out).

    load_records(folder)      -> (records, findings)  a bad record is a located finding and is skipped
    aggregate(records)        -> Report               exact numbers (``Fraction``), rounded only when rendered
    render_text(report, lang), render_json(report), render_markdown(report, lang)
    report_page(folder, lang) -> str                  the whole site page, findings included
"""

from __future__ import annotations

from sciedu.evaluation.records import SCHEMA, Record, activity_key, load_records
from sciedu.evaluation.render import bar_chart_svg, render_json, render_markdown, render_text, report_page
from sciedu.evaluation.stats import ActivityStats, Report, aggregate

__all__ = ["SCHEMA", "ActivityStats", "Record", "Report", "activity_key", "aggregate", "bar_chart_svg", "load_records",
           "render_json", "render_markdown", "render_text", "report_page"]
