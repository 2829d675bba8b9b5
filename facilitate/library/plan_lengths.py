"""Lengths of time as a plan's reader sees them: ``5700`` seconds is ``1 h 35 min``."""

from __future__ import annotations

from facilitate.i18n.messages import Message, Translate, message


def length_message(seconds: float) -> Message:
    """``5700`` -> ``1 h 35 min`` (``1 tim 35 min`` in Swedish)."""
    minutes = round(seconds / 60)
    hours, rest = divmod(minutes, 60)
    if hours and rest:
        return message("dur.h_min", h=hours, m=rest)
    if hours:
        return message("dur.h", h=hours)
    if seconds and seconds < 60:
        return message("dur.s", s=round(seconds))
    return message("dur.min", m=minutes)


def format_length(seconds: float, translate: Translate) -> str:
    """``5700`` -> ``1 h 35 min`` in the language of ``translate``."""
    return length_message(seconds).render(translate)
