"""The closest of some names to one that is not among them, for "did you mean …?" hints."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(name: str, options: Iterable[str]) -> str:
    """The closest option to ``name``, or "" when nothing is close."""
    close = difflib.get_close_matches(name, list(options), n=1, cutoff=0.6)
    return close[0] if close else ""
