"""Rules for text that people type or files hold: no control characters, not invisible only.

A terminal obeys control characters: ESC starts sequences that clear the screen, set the
window title or write to the clipboard (OSC 52), and the bidirectional overrides make text
read differently from how it is stored. Such characters are refused where text is taken
(notes, titles, authors, method files); what was stored before is shown made safe by
:func:`facilitate.ui.safe_text.safe_text`.
"""

from __future__ import annotations

import unicodedata
from typing import Any

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e"  # embeddings, pop, overrides
    "\u2066\u2067\u2068\u2069"  # isolates
)
"""Bidirectional embeddings, overrides and isolates ("Trojan Source")."""
LINE_SEPARATORS = frozenset("\u2028\u2029")
MULTILINE_ALLOWED = frozenset("\n\t")
# Characters that draw nothing and are not spaces (fillers, blank glyphs).
_BLANK_GLYPHS = frozenset("\u115f\u1160\u2800\u3164\uffa0")
_CONTROL_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "BS",
    0x09: "TAB",
    0x0A: "LF",
    0x0D: "CR",
    0x1B: "ESC",
    0x7F: "DEL",
    0x9B: "CSI",
    0x9D: "OSC",
}


def is_control(char: str) -> bool:
    """True for C0, DEL, C1, a bidirectional control, a line separator or a lone surrogate."""
    code = ord(char)
    return (
        code < 0x20
        or 0x7F <= code <= 0x9F
        or char in BIDI_CONTROLS
        or char in LINE_SEPARATORS
        or 0xD800 <= code <= 0xDFFF
    )


def describe_char(char: str) -> str:
    """``U+001B (ESC)`` for a character in a message."""
    code = ord(char)
    name = _CONTROL_NAMES.get(code) or unicodedata.name(char, "")
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"


def first_control(text: str, *, multiline: bool = False) -> tuple[int, str] | None:
    """The first control character in ``text`` and its 1-based position, or None.

    With ``multiline`` a line break and a tab are allowed (a note, a step's instructions).
    Every control character is unprintable, so a printable text is looked at no further.
    """
    if text.isprintable() or (multiline and text.replace("\n", "").replace("\t", "").isprintable()):
        return None
    for index, char in enumerate(text):
        if is_control(char) and not (multiline and char in MULTILINE_ALLOWED):
            return index + 1, char
    return None


def is_visible(char: str) -> bool:
    """True for a character that shows as something (not a space, a format or blank glyph)."""
    if char.isspace() or char in _BLANK_GLYPHS:
        return False
    return unicodedata.category(char) not in ("Cc", "Cf", "Cs", "Zs", "Zl", "Zp", "Mn", "Me")


class UserTextError(ValueError):
    """Text that is refused; ``key`` and ``params`` name the message (rendered at the edge).

    ``params`` holds ``field`` (what the text is: note, title, author ...) and, for a
    control character, ``char`` (``U+001B (ESC)``) and ``position`` (1-based).
    """

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def check_user_text(text: str, field: str, *, multiline: bool = False) -> str:
    """``text`` without surrounding white space, or UserTextError.

    Refused: a control character (C0, DEL, C1, a bidirectional override or isolate; with
    ``multiline`` line breaks and tabs are fine) and text with nothing visible in it (only
    spaces, zero-width or blank characters). ``field`` names the text in the message.
    """
    found = first_control(text, multiline=multiline)
    if found is not None:
        position, char = found
        raise UserTextError(
            "text.control", field=field, char=describe_char(char), position=position
        )
    stripped = text.strip()
    if not any(is_visible(char) for char in stripped):
        raise UserTextError("text.empty", field=field)
    return stripped
