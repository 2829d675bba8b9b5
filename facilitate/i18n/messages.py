"""Messages not yet put into words: a catalogue key and its values, rendered at the edge.

The application layer raises errors (and returns problems) carrying a :class:`Message`; the
command line renders it with the :class:`~facilitate.i18n.Translator` of the language it
speaks, which may be a session's, learnt after the session was opened.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from facilitate.i18n import DEFAULT_LANGUAGE, Translator

Translate = Callable[..., str]
"""What renders a key with values: a :class:`Translator` (or ``t``)."""


@dataclass(frozen=True)
class Message:
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


def message(key: str, /, **values: Any) -> Message:
    """``message("timer.err.bad_speed", value=0)``: the :class:`Message` for ``key``."""
    return Message(key, values)


def render(value: Any, translate: Translate) -> Any:
    """``value`` with any :class:`Message` in it rendered by ``translate``; others as they are."""
    return value.render(translate) if isinstance(value, Message) else value
