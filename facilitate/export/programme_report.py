"""A programme's report (:mod:`facilitate.model.programme_report`) as Markdown, CSV or JSON.

Markdown is for people (its words in ``lang``); CSV is one row per figure (``section`` says
which part: a session, a theme's item, a card at the top of a ranking, a method's time);
JSON is the report's data as it is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from facilitate.export.tables import neutralised
from facilitate.export.templating import cell, md
from facilitate.i18n import Translator
from facilitate.model.programme_report import ProgrammeReport

REPORT_FORMATS = ("md", "csv", "json")


def render_report(report: ProgrammeReport, fmt: str, lang: str = "en") -> str:
    """``report`` in ``fmt`` (one of :data:`REPORT_FORMATS`)."""
    if fmt == "json":
        return json.dumps(report.to_data(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(report)
    return _markdown(report, Translator(lang))


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.1f}"


def _markdown(report: ProgrammeReport, words: Translator) -> str:
    """The report for people; every text from a session is escaped as the export's Markdown
    escapes it, so a title or a card is shown as written and never read as markup."""
    lines = [f"# {words('archive.doc.title')}", ""]
    lines.append(words("archive.doc.sessions", count=len(report.sessions)))
    lines += [""] + [f"- {s.date} {md(s.title)} ({md(s.id)})" for s in report.sessions] + [""]
    lines += [f"## {words('archive.doc.themes')}", ""]
    for theme in report.themes:
        name = cell(theme.name)
        heading = words("archive.doc.theme", name=name, sessions=len(theme.sessions))
        lines += [f"### {heading}", ""]
        lines += [f"- {md(item.text)} ({md(item.session)})" for item in theme.items] + [""]
    lines += [f"## {words('archive.doc.top', top=report.top_n)}", ""]
    for top in report.top:
        run = words("archive.doc.run", number=top.run) if top.run is not None else ""
        lines += [f"### {cell(top.session)} · {cell(top.method)} {run} · {cell(top.step)}", ""]
        lines += [f"{row.rank}. {md(row.text)} ({row.total})" for row in top.rows] + [""]
    lines += [f"## {words('archive.doc.times')}", ""]
    lines += [
        "| " + " | ".join(words(f"archive.doc.col.{c}") for c in _TIME_COLUMNS) + " |",
        "|" + "---|" * len(_TIME_COLUMNS),
    ]
    for t in report.times:
        cells = (cell(t.method), t.runs, t.steps, _minutes(t.planned_seconds),
                 _minutes(t.actual_seconds), _minutes(t.difference_seconds))  # fmt: skip
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


_TIME_COLUMNS = ("method", "runs", "steps", "planned", "actual", "difference")
_CSV_COLUMNS = ("section", "session", "name", "text", "rank", "value", "planned", "actual")


def _csv(report: ProgrammeReport) -> str:
    """One row per figure; a cell a spreadsheet would run as a formula gets a leading ``'``
    (as the export's CSV does)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for row in _csv_rows(report):
        writer.writerow([neutralised(v) if isinstance(v, str) else v for v in row])
    return buffer.getvalue()


def _csv_rows(report: ProgrammeReport) -> Iterator[tuple[object, ...]]:
    for s in report.sessions:
        yield ("session", s.id, s.title, s.date, "", s.programme or "", "", "")
    for theme in report.themes:
        for item in theme.items:
            yield ("theme", item.session, theme.name, item.text, "", "", "", "")
    for top in report.top:
        name = f"{top.method}/{top.step}" + (f"#{top.run}" if top.run is not None else "")
        for row in top.rows:
            yield ("top", top.session, name, row.text, row.rank, row.total, "", "")
    for t in report.times:
        yield ("time", "", t.method, "", "", t.steps, t.planned_seconds, t.actual_seconds)
