"""Messages of a big session's overview: counts by run, step and kind, the last entries."""

from __future__ import annotations

EN: dict[str, str] = {
    "overview.opt.last": "How many of the last entries to show.",
    "overview.opt.all": "Show every entry (read and printed one at a time).",
    "overview.label.counts": "Entries by run, step and kind",
    "overview.label.last": "The last {shown} of {count} entries (all: --all; more: --last N)",
    "overview.col.run": "Run",
    "overview.col.kind": "Kind",
    "overview.col.count": "Count",
    "overview.err.last": "--last must be 0 or more (got {got}).",
}

SV: dict[str, str] = {
    "overview.opt.last": "Hur många av de senaste posterna som visas.",
    "overview.opt.all": "Visa alla poster (läses och skrivs ut en i taget).",
    "overview.label.counts": "Poster per körning, steg och slag",
    "overview.label.last": "De senaste {shown} av {count} poster (alla: --all; fler: --last N)",
    "overview.col.run": "Körning",
    "overview.col.kind": "Slag",
    "overview.col.count": "Antal",
    "overview.err.last": "--last måste vara 0 eller mer (fick {got}).",
}
