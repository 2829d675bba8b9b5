"""A session at any size: its facts and runs, its entries counted, the last ones, and every
entry as one line (``--all``) — each line made and printed as it is read."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from facilitate.i18n import t
from facilitate.model.session import Entry, LiveStatus, SessionHeader, SessionState
from facilitate.model.session_digest import EntryCount, SessionDigest
from facilitate.ui.format import NONE
from facilitate.ui.safe_text import safe_line
from facilitate.ui.session_text import (
    cells,
    clock_time,
    entry_step,
    kind_name,
    short_id,
)
from facilitate.ui.session_views import entries_table, session_head

LAST = 10**9
"""Sorts a count whose run or step is not known after the others."""


def overview_view(
    header: SessionHeader,
    digest: SessionDigest,
    recent: tuple[Entry, ...],
    names: Mapping[str, str],
    labels: Mapping[str, Mapping[str, str]] | None = None,
    live: LiveStatus | None = None,
) -> RenderableType:
    """The session's facts and runs, its live entries counted by run, step and kind, and
    ``recent`` (its last entries) by kind."""
    parts = session_head(header, digest, names, labels, live)
    parts += [Text(""), Text(t("sessions.label.entries", count=digest.entries), style="bold")]
    if not digest.entries:
        parts.append(Text(t("sessions.label.no_entries")))
    else:
        parts += [Text(t("overview.label.counts"), style="italic"), counts_table(digest)]
    steps = SessionState(header=header, runs=digest.runs)  # for the steps' titles
    if len(recent) < digest.entries:
        shown = t("overview.label.last", shown=len(recent), count=digest.entries)
        parts.append(Text(shown, style="dim"))
    groups: dict[str, list[Entry]] = {}
    for entry in recent:
        groups.setdefault(entry.kind, []).append(entry)
    for kind, entries in groups.items():
        parts.append(entries_table(steps, kind, entries))
    if digest.deleted_entries:
        count, session_id = digest.deleted_entries, safe_line(header.id)
        parts.append(Text(t("sessions.label.deleted", count=count, id=session_id)))
    return Group(*parts)


def counts_table(digest: SessionDigest) -> Table:
    """How many live entries each run's steps hold, by kind, in the order the steps ran (its
    title is a line above it: a table's title would wrap within a narrow table)."""
    table = Table()
    table.box, table.pad_edge = box.SIMPLE_HEAD, False
    table.add_column(t("overview.col.run"), justify="right")
    table.add_column(t("sessions.col.step"))
    table.add_column(t("overview.col.kind"))
    table.add_column(t("overview.col.count"), justify="right")
    steps = SessionState(runs=digest.runs)
    for number, count in _in_run_order(digest, digest.counts):
        run = str(number) if number else ""
        step = _step_name(steps, count)
        table.add_row(*cells(run, step, kind_name(count.kind), f"{count.count:,}"))
    return table


def _step_name(steps: SessionState, count: EntryCount) -> str:
    """The step's title as its run recorded it, else its id and round (as for an entry)."""
    if not count.step:
        return NONE
    label = f"{count.step}#{count.round}" if count.round else count.step
    return steps.step_title(count.step, count.round, count.run_id) or label


def _in_run_order(
    digest: SessionDigest, counts: Iterable[EntryCount]
) -> list[tuple[int, EntryCount]]:
    """Counts with their run's number, by run, then by where the step first ran in it."""
    runs = {run.run_id: run for run in digest.runs}

    def order(count: EntryCount) -> tuple[Any, ...]:
        run = runs.get(count.run_id or "")
        if run is None:
            return (LAST, LAST, count.step or "", count.round or 0, count.kind)
        where = (s.index for s in run.steps if (s.step, s.round) == (count.step, count.round))
        return (run.number, next(where, LAST), count.step or "", count.round or 0, count.kind)

    ordered = sorted(counts, key=order)
    return [(runs[c.run_id].number if c.run_id in runs else 0, c) for c in ordered]


def entry_lines(steps: SessionState, entries: Iterable[Entry]) -> Iterator[str]:
    """One line per entry (``--all``): id, time, kind, step, author, text — made safe."""
    edited = f"  ({t('sessions.label.edited')})"
    kinds: dict[str, str] = {}
    names: dict[tuple[str | None, int | None, str | None], str] = {}
    for entry in entries:
        kind = kinds.get(entry.kind)
        if kind is None:
            kind = kinds[entry.kind] = safe_line(kind_name(entry.kind))
        where = (entry.step, entry.round, entry.run_id)
        step = names.get(where)
        if step is None:
            step = names[where] = safe_line(entry_step(steps, entry))
        text = entry.text + (edited if entry.edits else "")
        parts = (short_id(entry.entry_id), clock_time(entry.added_at), kind, step)
        yield "  ".join((*parts, safe_line(entry.author), safe_line(text)))
