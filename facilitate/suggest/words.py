"""Words of a text for theme suggestions: tokens, stop words dropped, Snowball stems.

Languages are "sv" (Swedish), "no" (Norwegian bokmål; "nb" and "nn" are taken as "no") and
"en" (English). Stemming is offline: the Snowball algorithms in ``snowballstemmer``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import snowballstemmer  # type: ignore[import-untyped]

from facilitate.suggest.stopwords import STOP_WORDS

LANGUAGES = ("sv", "no", "en")
_ALIASES = {"nb": "no", "nn": "no"}
_SNOWBALL = {"sv": "swedish", "no": "norwegian", "en": "english"}
_WORD = re.compile(r"[^\W\d_]+")
MIN_WORD = 3


def language_code(lang: str) -> str:
    """``lang`` as one of LANGUAGES ("nb" -> "no"); ValueError for a language not supported."""
    code = _ALIASES.get(lang.lower(), lang.lower())
    if code not in LANGUAGES:
        raise ValueError(lang)
    return code


def tokens(text: str) -> list[str]:
    """The words of ``text``, case-folded (letters only: digits and punctuation split words)."""
    return _WORD.findall(text.casefold())


def detect_language(texts: Iterable[str]) -> str:
    """The language whose stop words occur most in ``texts`` (Swedish on a tie or none)."""
    hits = dict.fromkeys(LANGUAGES, 0)
    for text in texts:
        for word in tokens(text):
            for lang in LANGUAGES:
                hits[lang] += word in STOP_WORDS[lang]
    return max(LANGUAGES, key=lambda lang: hits[lang])


@lru_cache(maxsize=len(LANGUAGES))
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_SNOWBALL[lang])


def content_words(text: str, lang: str) -> list[tuple[str, str]]:
    """(stem, word) for each word of ``text`` that is not a stop word nor shorter than 3."""
    stop = STOP_WORDS[lang]
    words = [w for w in tokens(text) if len(w) >= MIN_WORD and w not in stop]
    stems: list[str] = _stemmer(lang).stemWords(words)
    return list(zip(stems, words, strict=True))
