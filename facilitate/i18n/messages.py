"""Messages not yet put into words: a catalogue key and its values, rendered at the edge.

The application layer raises errors (and returns problems) carrying a :class:`Message`; the
command line renders it with the :class:`~facilitate.i18n.Translator` of the language it
speaks, which may be a session's, learnt after the session was opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import field
from typing import Any

from facilitate.i18n import DEFAULT_LANGUAGE, Translator
from facilitate.records import Record

Translate = Callable[..., str]
"""What renders a key with values: a :class:`Translator` (or ``t``)."""


class Message(Record):
    """A catalogue ``key`` with ``values`` (which may be messages too), then ``more`` after it."""

    key: str
    values: dict[str, Any] = field(default_factory=dict)
    more: tuple[Message, ...] = ()

    def render(self, translate: Translate) -> str:
        """The message in the language of ``translate``."""
        values = {k: render(v, translate) for k, v in self.values.items()}
        return translate(self.key, **values) + "".join(m.render(translate) for m in self.more)

    def then(self, other: Message) -> Message:
        """This message followed by ``other`` (a hint after a problem)."""
        return Message(self.key, self.values, (*self.more, other))

    def __str__(self) -> str:
        """In English: for logs, tracebacks and developers (people get :meth:`render`)."""
        return self.render(Translator(DEFAULT_LANGUAGE))

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data (values that are not plain JSON values are kept as their text)."""
        data: dict[str, Any] = {"key": self.key, "values": {}}
        for name, value in self.values.items():
            plain = value is None or isinstance(value, str | int | float | bool)
            data["values"][name] = (
                value.to_data() if isinstance(value, Message) else value if plain else str(value)
            )
        if self.more:
            data["more"] = [m.to_data() for m in self.more]
        return data

    @classmethod
    def from_data(cls, data: Any) -> Message:
        """The message :meth:`to_data` made; ValueError if ``data`` is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("key"), str):
            raise ValueError("not a message")
        values = data.get("values", {})
        more = data.get("more", [])
        if not isinstance(values, dict) or not isinstance(more, list):
            raise ValueError("not a message")
        return cls(
            data["key"],
            {k: cls.from_data(v) if isinstance(v, dict) else v for k, v in values.items()},
            tuple(cls.from_data(m) for m in more),
        )


def message(key: str, /, **values: Any) -> Message:
    """``message("timer.err.bad_speed", value=0)``: the :class:`Message` for ``key``."""
    return Message(key, values)


class Joined(Record):
    """Several messages (or anything with ``render``, such as a file's problems) on one line."""

    parts: tuple[Any, ...]
    separator: str = "; "

    def render(self, translate: Translate) -> str:
        return self.separator.join(str(render(part, translate)) for part in self.parts)

    def __str__(self) -> str:
        return self.render(Translator(DEFAULT_LANGUAGE))


def plain(text: str) -> Message:
    """Text already in words as a message, to go before other messages (:meth:`Message.then`)."""
    return Message("msg.text", {"text": text})


def render(value: Any, translate: Translate) -> Any:
    """``value`` rendered by ``translate`` if it is a message (anything with ``render``);
    others as they are."""
    if isinstance(value, str):
        return value
    return value.render(translate) if callable(getattr(value, "render", None)) else value
