"""A plan's programme as a standalone HTML page (no scripts, no outside files)."""

from __future__ import annotations

from html import escape

from facilitate.export.plan_text import day_text, details, label, meta_line, sub_label
from facilitate.model.plan.agenda import agenda
from facilitate.model.plan.clocktime import format_range
from facilitate.model.plan.programme import Programme

STYLE = (
    "body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}"
    "td{vertical-align:top;padding:.3rem .8rem .3rem 0}td.time{white-space:nowrap;font-weight:600}"
    ".detail{color:#555;font-size:.92em}.sub td{color:#555;font-size:.92em;padding-top:0}"
)


def plan_html(programme: Programme, *, steps: bool = False) -> str:
    """The programme in the plan's language as one HTML document."""
    lang = programme.language
    title = escape(programme.title.get(lang))
    body = [f"<h1>{title}</h1>"]
    meta = meta_line(programme)
    if meta:
        body.append(f"<p>{escape(meta)}</p>")
    if programme.notes:
        body.append(f"<p>{escape(programme.notes.get(lang).strip())}</p>")
    body.append(f"<h2>{escape(label(lang, 'plan.export.programme'))}</h2>")
    body.append("<table>")
    for line in agenda(programme, steps=steps):
        times = escape(format_range(line.start, line.end, lang))
        if line.depth == 0:
            cell = f"<strong>{escape(line.block.title.get(lang))}</strong>"
            cell += "".join(
                f'<br><span class="detail">{escape(d)}</span>' for d in details(line.block, lang)
            )
            body.append(f'<tr><td class="time">{times}</td><td>{cell}</td></tr>')
        else:
            pad = f' style="padding-left:{line.depth - 1}rem"' if line.depth > 1 else ""
            text = escape(sub_label(line, lang))
            body.append(f'<tr class="sub"><td></td><td{pad}>{times} {text}</td></tr>')
    body.append("</table>")
    body.append(f"<p><strong>{escape(day_text(programme, lang))}</strong></p>")
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )
