"""The closed set of entry kinds, and how 0.1.0's free words map onto it (no payload types:
the method model reads the kinds without them)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, get_args

EntryKind = Literal["note", "reflection", "card", "pair_split", "rating", "dots", "theme", "entry"]
ENTRY_KINDS: tuple[EntryKind, ...] = get_args(EntryKind)
_KIND_SET = frozenset(ENTRY_KINDS)
TEXT_KINDS: frozenset[str] = frozenset({"note", "reflection", "card", "theme"})
"""The kinds whose text is what they are (it may not be empty)."""

LEGACY_KINDS: Mapping[str, EntryKind] = {
    "notes": "note",
    "anteckning": "note",
    "anteckningar": "note",
    "reflections": "reflection",
    "reflektion": "reflection",
    "reflektioner": "reflection",
    "cards": "card",
    "kort": "card",
    "pair-split": "pair_split",
    "pairsplit": "pair_split",
    "parpoäng": "pair_split",
    "ratings": "rating",
    "betyg": "rating",
    "dot": "dots",
    "prick": "dots",
    "prickar": "dots",
    "themes": "theme",
    "tema": "theme",
    "teman": "theme",
    "entries": "entry",
    "post": "entry",
}
"""Words 0.1.0 accepted with ``--kind`` that name a kind of the closed set."""


def upgrade_kind(recorded: str) -> tuple[EntryKind, str | None]:
    """The kind of a recorded entry, and the recorded word when that was not a kind.

    ``reflektion`` becomes ``("reflection", "reflektion")``; a word that names no kind
    (``idea``) is read as a note that keeps its word: ``("note", "idea")``.
    """
    if recorded in _KIND_SET:
        return recorded, None
    word = recorded.strip().lower()
    if word in _KIND_SET:
        return word, recorded
    return LEGACY_KINDS.get(word, "note"), recorded
