"""A plan's programme as Markdown: a heading, the facts of the day and a table of blocks."""

from __future__ import annotations

from facilitate.export.plan_text import day_text, details, label, meta_line, sub_label
from facilitate.model.plan.agenda import agenda
from facilitate.model.plan.clocktime import format_range
from facilitate.model.plan.programme import Programme


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def plan_markdown(programme: Programme, *, steps: bool = False) -> str:
    """The programme in the plan's language, one table row per block (tracks and steps below)."""
    lang = programme.language
    out = [f"# {_cell(programme.title.get(lang))}", ""]
    meta = meta_line(programme)
    if meta:
        out += [meta, ""]
    if programme.notes:
        out += [" ".join(programme.notes.get(lang).split()), ""]
    out += [f"## {label(lang, 'plan.export.programme')}", ""]
    out += [
        f"| {label(lang, 'plan.export.time')} | {label(lang, 'plan.export.what')} |",
        "|---|---|",
    ]
    for line in agenda(programme, steps=steps):
        times = format_range(line.start, line.end, lang)
        if line.depth == 0:
            cell = f"**{_cell(line.block.title.get(lang))}**"
            cell += "".join(f"<br>{_cell(d)}" for d in details(line.block, lang))
            out.append(f"| {times} | {cell} |")
        else:
            indent = "&nbsp;&nbsp;" * (line.depth - 1)
            out.append(f"| | {indent}{times} {_cell(sub_label(line, lang))} |")
    out += ["", f"**{day_text(programme, lang)}**", ""]
    return "\n".join(out)
