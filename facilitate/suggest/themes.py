"""Theme suggestions the facilitator accepts or edits; nothing here changes a theme board.

Two kinds, both offline and deterministic (the same items give the same suggestions, in the
same order):

* near-duplicates: items whose texts are nearly the same (rapidfuzz's token sort ratio on
  the case-folded words), linked into groups;
* shared word stems: items that share a word once stop words are dropped and words are
  stemmed (Snowball). A stem of five letters or more also gathers the longer stems that
  begin with it, so Swedish and Norwegian compounds join their first part ("kunskap"
  gathers "kunskapsbank"), and a Swedish noun in -a gathers its definite form ("skola",
  "skolan").

Near-duplicate comparisons grow with the square of the number of items; a workshop's few
hundred items take milliseconds.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Literal

from rapidfuzz import fuzz, process

from facilitate.model.themes import MAX_THEME_NAME, ThemeBoard
from facilitate.records import Record
from facilitate.suggest.words import (
    MIN_WORD,
    content_words,
    detect_language,
    language_code,
    tokens,
)

MIN_ROOT = 5


class ThemeSuggestion(Record):
    """A group of items that might make a theme, with a name to start from.

    ``words`` are the shared words (for "shared_stem"); ``similarity`` (0–100) is the lowest
    likeness that links a near-duplicate group.
    """

    kind: Literal["near_duplicate", "shared_stem"]
    name: str
    items: tuple[str, ...]
    words: tuple[str, ...] = ()
    similarity: int | None = None


def suggest_themes(
    items: Mapping[str, str],
    language: str | None = None,
    board: ThemeBoard | None = None,
    *,
    min_items: int = 2,
    similarity: int = 85,
    max_share: float = 0.5,
) -> tuple[ThemeSuggestion, ...]:
    """Suggestions for ``items`` (id -> text, in order): near-duplicates first, then stems.

    ``language`` ("sv", "no", "en"; None: guessed from the stop words in the texts) chooses
    the stemmer. A word shared by more than ``max_share`` of the items (the workshop's own
    topic) is not suggested. With ``board``, a group already under one theme is left out.
    """
    ids = list(items)
    texts = [items[i] for i in ids]
    lang = language_code(language) if language else detect_language(texts)
    duplicates = _near_duplicates(ids, texts, similarity)
    seen = {frozenset(s.items) for s in duplicates}
    limit = max(min_items, int(max_share * len(ids)))
    stems = [
        s
        for s in _shared_stems(ids, texts, lang)
        if min_items <= len(s.items) <= limit and frozenset(s.items) not in seen
    ]
    return tuple(s for s in (*duplicates, *stems) if not _already_grouped(s.items, board))


def _already_grouped(items: Sequence[str], board: ThemeBoard | None) -> bool:
    if board is None:
        return False
    themes = {board.theme_of(i) for i in items}
    return len(themes) == 1 and None not in themes


def _name(text: str) -> str:
    """A theme name from ``text``: one line, at most the longest name a theme may have."""
    return " ".join(text.split())[:MAX_THEME_NAME].strip()


# -- near-duplicates ------------------------------------------------------------------------


def _near_duplicates(ids: list[str], texts: list[str], cutoff: int) -> list[ThemeSuggestion]:
    norm = [" ".join(tokens(t)) for t in texts]
    parent = list(range(len(ids)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    lowest: dict[int, float] = {}
    for i, query in enumerate(norm):
        if not query:
            continue
        found = process.extract(
            query, norm[i + 1 :], scorer=fuzz.token_sort_ratio, score_cutoff=cutoff, limit=None
        )
        for _, score, offset in found:
            j = i + 1 + offset
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)
            lowest[min(a, b)] = min(score, lowest.get(a, 100.0), lowest.get(b, 100.0))
    groups: dict[int, list[int]] = {}
    for i in range(len(ids)):
        groups.setdefault(root(i), []).append(i)
    return [
        ThemeSuggestion(
            "near_duplicate",
            _name(texts[members[0]]),
            tuple(ids[m] for m in members),
            similarity=int(lowest[first]),
        )
        for first, members in groups.items()
        if len(members) > 1
    ]


# -- shared stems ---------------------------------------------------------------------------


def _joins(prefix: str, stem: str, prefix_words: Collection[str]) -> bool:
    """Whether known stem ``prefix`` gathers the longer ``stem``: a first part of MIN_ROOT
    letters or more, or a Swedish noun in -a whose definite form the stemmer keeps ("skola"
    is stemmed "skol" but "skolan" stays "skolan")."""
    if len(prefix) >= MIN_ROOT:
        return True
    return stem == prefix + "an" and prefix + "a" in prefix_words


def _roots(words: Mapping[str, Collection[str]]) -> dict[str, str]:
    """Each stem's root (``words``: stem -> its words): the shortest stem that gathers it."""
    root: dict[str, str] = {}
    for stem in sorted(words, key=lambda s: (len(s), s)):
        prefixes = (stem[:k] for k in range(MIN_WORD, len(stem)))
        parent = next((p for p in prefixes if p in words and _joins(p, stem, words[p])), None)
        root[stem] = root[parent] if parent is not None else stem
    return root


def _shared_stems(ids: list[str], texts: list[str], lang: str) -> list[ThemeSuggestion]:
    members: dict[str, list[int]] = {}
    counts: dict[str, dict[str, int]] = {}
    words_of = [content_words(text, lang) for text in texts]
    surface: dict[str, set[str]] = {}
    for stem, word in (pair for words in words_of for pair in words):
        surface.setdefault(stem, set()).add(word)
    roots = _roots(surface)
    for i, words in enumerate(words_of):
        for stem, word in words:
            group = members.setdefault(roots[stem], [])
            if not group or group[-1] != i:
                group.append(i)
            tally = counts.setdefault(roots[stem], {})
            tally[word] = tally.get(word, 0) + 1
    # by size, then by where the group starts, then by the words' first appearance
    order = sorted(members, key=lambda r: (-len(members[r]), members[r][0]))
    by_items: dict[tuple[int, ...], list[str]] = {}
    for r in order:
        if len(members[r]) > 1:
            by_items.setdefault(tuple(members[r]), []).append(r)
    return [_stem_suggestion(ids, g, rs, counts, surface) for g, rs in by_items.items()]


def _label(counts: dict[str, int], own_words: Collection[str]) -> str:
    """The word to name a group by: the commonest of the root's own words."""
    own = {w: n for w, n in counts.items() if w in own_words}
    pool = own or counts
    return max(pool, key=lambda w: pool[w])


def _stem_suggestion(
    ids: list[str],
    group: tuple[int, ...],
    roots: list[str],
    counts: dict[str, dict[str, int]],
    surface: Mapping[str, Collection[str]],
) -> ThemeSuggestion:
    words = [_label(counts[r], surface[r]) for r in roots]
    name = words[0][:1].upper() + words[0][1:]
    return ThemeSuggestion("shared_stem", _name(name), tuple(ids[i] for i in group), tuple(words))
