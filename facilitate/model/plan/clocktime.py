"""Clock times of a day as seconds since local midnight: parsing and the programme's style.

A plan's times live on one local day; the model never reads a clock. Swedish programmes write
``09.30–10.00``, English ones ``09:30–10:00``; both spellings are read.
"""

from __future__ import annotations

import re

DAY = 24 * 3600
_CLOCK_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")
RANGE_DASH = "–"


def parse_clock(text: str) -> float | None:
    """``"09:30"`` or ``"9.30"`` -> ``34200.0``; None for anything that is not HH:MM."""
    match = _CLOCK_RE.match(text.strip())
    if match is None:
        return None
    return float(int(match.group(1)) * 3600 + int(match.group(2)) * 60)


def format_clock(seconds: float, lang: str = "sv") -> str:
    """``34200`` -> ``09.30`` (sv) or ``09:30`` (en), rounded to the minute."""
    minutes = round(seconds / 60) % (DAY // 60)
    hours, rest = divmod(minutes, 60)
    separator = "." if lang == "sv" else ":"
    return f"{hours:02d}{separator}{rest:02d}"


def format_range(start: float, end: float, lang: str = "sv") -> str:
    """``09.30–10.00``: start and end of a block the way a printed programme shows them."""
    return f"{format_clock(start, lang)}{RANGE_DASH}{format_clock(end, lang)}"
