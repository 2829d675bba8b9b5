"""Bilingual text: every title, instruction and label exists in Swedish and English."""

from __future__ import annotations

from facilitate.records import Record


class Text(Record):
    """A text in Swedish and English; ``get`` falls back to the other language."""

    sv: str
    en: str

    def get(self, lang: str) -> str:
        """The text in ``lang``, or in the other language when that one is empty."""
        first, second = (self.sv, self.en) if lang == "sv" else (self.en, self.sv)
        return first or second

    @classmethod
    def same(cls, text: str) -> Text:
        """A text that reads the same in both languages (a name, a number)."""
        return cls(sv=text, en=text)
