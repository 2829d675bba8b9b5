"""What every plan export shares: labels in the plan's language, block details, the day.

Exports are documents for the participants, so they are written in the plan's own language
(``language:`` in the plan file), whatever the interface language is.
"""

from __future__ import annotations

from facilitate.i18n import catalog_methods, catalog_plans
from facilitate.model.plan.agenda import AgendaLine, line_text
from facilitate.model.plan.clocktime import format_range
from facilitate.model.plan.programme import PlannedBlock, Programme
from facilitate.model.plan.schedule import lay_out


def label(lang: str, key: str, **values: object) -> str:
    """The message ``key`` in ``lang`` (not the interface language)."""
    for area in (catalog_plans, catalog_methods):
        table = area.SV if lang == "sv" else area.EN
        if key in table:
            return table[key].format(**values) if values else table[key]
    return key


def length_text(seconds: float, lang: str) -> str:
    """``5700`` -> ``1 h 35 min`` (``1 tim 35 min``)."""
    minutes = round(seconds / 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return label(lang, "dur.h_min", h=hours, m=rest)
    if hours:
        return label(lang, "dur.h", h=hours)
    return label(lang, "dur.min", m=minutes)


def details(block: PlannedBlock, lang: str) -> list[str]:
    """Who, where and notes of a block, one item each."""
    found = [block.presenter] if block.presenter else []
    if block.responsible:
        found.append(label(lang, "plan.show.responsible", who=block.responsible))
    if block.room:
        found.append(label(lang, "plan.show.room", room=block.room))
    if block.notes:
        found.append(block.notes.get(lang).strip())
    for name, texts in block.lists:
        shown = "; ".join(f"{n}. {text.get(lang)}" for n, text in enumerate(texts, start=1))
        found.append(f"{name.get(lang)}: {shown}")
    return found


def sub_label(line: AgendaLine, lang: str) -> str:
    """A track's block or a method's step as one line of text."""
    return line_text(line, lang, lambda n, of: label(lang, "plan.show.round", n=n, of=of))


def meta_line(programme: Programme) -> str:
    """``2014-03-11 · Eslövs medborgarhus · organiser``."""
    meta = [programme.date.isoformat() if programme.date else "", programme.place or ""]
    meta.append(programme.organiser or "")
    return " · ".join(m for m in meta if m)


def day_text(programme: Programme, lang: str) -> str:
    """``Dagen: 09.30–16.00 (6 tim 30 min)``."""
    end = programme.end if programme.end is not None else lay_out(programme)[-1].end
    span = format_range(programme.start, end, lang)
    return label(lang, "plan.show.day", range=span, length=length_text(end - programme.start, lang))
