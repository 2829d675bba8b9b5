"""The words of a document, in the document's language (not the interface's)."""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime

from facilitate.export.document import ProgrammeRun
from facilitate.i18n import catalog_export
from facilitate.records import Record

_PREFIX = "export.doc."


class Words(Record):
    """Look-ups of ``export.doc.*`` words in ``lang`` ("sv" or "en"), English as fallback."""

    lang: str

    def __call__(self, key: str, /, **values: object) -> str:
        """The word ``key`` (without the ``export.doc.`` prefix), formatted with ``values``."""
        catalogue = catalog_export.SV if self.lang == "sv" else catalog_export.EN
        full = _PREFIX + key
        template = catalogue.get(full) or catalog_export.EN.get(full) or key
        return template.format(**values) if values else template

    def count(self, kind: str, count: int) -> str:
        """``3 reflections`` / ``1 reflection``; kinds without words of their own are "other"."""
        known = _PREFIX + f"kind.{kind}" in catalog_export.EN
        key = f"kind.{kind if known else 'other'}"
        return self(f"{key}.one") if count == 1 else self(key, count=count)

    def date(self, iso: str) -> str:
        """``2014-03-11`` as ``11 mars 2014`` (``11 March 2014``); anything else as it is."""
        try:
            day = Date.fromisoformat(iso)
        except ValueError:
            return iso
        month = self("months").split()[day.month - 1]
        return self("date_format", day=day.day, month=month, year=day.year)

    def join(self, parts: list[str]) -> str:
        """``a, b and c`` (``a, b och c``)."""
        if len(parts) < 2:
            return "".join(parts)
        return f"{', '.join(parts[:-1])} {self('summary.and')} {parts[-1]}"

    def minutes(self, value: float | None) -> str:
        """``20 min`` (one decimal below ten minutes when it is not whole); "" for None."""
        if value is None:
            return ""
        shown = f"{value:.0f}" if value >= 10 or float(value).is_integer() else f"{value:.1f}"
        return self("minutes", minutes=shown.replace(".", "," if self.lang == "sv" else "."))

    def number(self, value: float) -> str:
        """``600``, ``1,5`` (``1.5`` in English)."""
        shown = f"{value:.0f}" if float(value).is_integer() else f"{value:g}"
        return shown.replace(".", ",") if self.lang == "sv" else shown

    def run_note(self, run: ProgrammeRun) -> str:
        """`` (planerat 09:45–11:28 · repetition i ×600)`` after a run's name, or ""."""
        notes = []
        if run.planned_start and run.planned_end:
            notes.append(self("planned_at", start=run.planned_start, end=run.planned_end))
        if run.speed != 1:
            notes.append(self("rehearsal", speed=self.number(run.speed)))
        return f" ({' · '.join(notes)})" if notes else ""

    def status(self, status: str, as_of: str | None) -> str:
        """A session's status in words: ``pågår, läget kl. 10:42``."""
        return self(f"status.{status}", time=as_of or "")


def clock_time(at: str | None) -> str | None:
    """The local time of a record's timestamp, ``10:42``; None for none or a bad one."""
    if not at:
        return None
    try:
        return datetime.fromisoformat(at).strftime("%H:%M")
    except ValueError:
        return None
