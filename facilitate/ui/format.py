"""Clock and duration formatting shared by the live view, run summaries and session views.

One style everywhere: ``MM:SS`` (``05:00``, ``12:30``), ``H:MM:SS`` from one hour up.
"""

from __future__ import annotations

NONE = "–"
"""Shown where there is no value (a step not yet ended, a missing time)."""


def format_clock(seconds: float) -> str:
    """``75`` -> ``01:15``, ``3725`` -> ``1:02:05``: whole seconds (rounded), sign dropped."""
    hours, rest = divmod(abs(round(seconds)), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def format_duration(seconds: float | None) -> str:
    """Like :func:`format_clock`, with ``-`` for a negative value (overtime); None -> ``–``."""
    if seconds is None:
        return NONE
    return ("-" if round(seconds) < 0 else "") + format_clock(seconds)


def format_signed(seconds: float) -> str:
    """A change of time: ``120`` -> ``+02:00``, ``-60`` -> ``-01:00``."""
    return ("-" if round(seconds) < 0 else "+") + format_clock(seconds)


def format_minutes(seconds: float) -> str:
    """A length for humans: ``20 min``, ``1:30 min`` or ``45 s`` (the same in sv and en)."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes, secs = divmod(seconds, 60)
    return f"{minutes}:{secs:02d} min" if secs else f"{minutes} min"
