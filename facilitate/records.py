"""Records: frozen dataclasses that are made when first needed.

``class Point(Record)`` declares the same class as ``@dataclass(frozen=True) class Point``:
the same fields, ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, frozenness,
``dataclasses.fields``, ``replace`` and pickling. Options go in the class line
(``class Point(Record, kw_only=True)``); a subclass of a record is a record.

The difference is when the dataclass is made. Making one writes and compiles six functions
(about a millisecond each class on a slow laptop), and a command imports far more classes
than it uses. A record is made on its first instance, or at the first look at what only a
dataclass has (``dataclasses.fields(Point)``, ``Point.__match_args__``); its record bases
are made first. A class that is never used costs what a plain class costs.

Until it is made, a record class is a plain class: ``inspect.signature`` of it, its generated
``__doc__``, and a default given as ``field(default=...)`` read on the class are not yet the
dataclass's (use an instance, or ``dataclasses.fields``, which makes it). A mistake in the
declaration (a mutable default, a field without a default after one with) is raised where the
class is first used, and again at every use after. Records have no ``__slots__``
(``slots=True`` makes a new class, which a class already in use cannot become).

Making is serialised by a lock, but a class is rebuilt in place, so two threads must not be
the first to use one at once. Whatever starts a thread (the web server, the entry writer)
calls :func:`make_all` before: it makes every record imported so far, and every record
declared after it is made at once.
"""

from __future__ import annotations

import dataclasses
import threading
from typing import Any, dataclass_transform

_lock = threading.RLock()
_pending: dict[type, dict[str, Any]] = {}
"""Records not made yet, with their dataclass options."""
_eager = False
_CLASS_LEVEL = ("__dataclass_fields__", "__dataclass_params__", "__match_args__")
"""What a dataclass has on its class (not only on its instances), kept for a record not made
yet by a :class:`_MadeOnAccess` of its own (not a made base's, which would be wrong)."""


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
class Record:
    """Base of records (see the module's docstring)."""

    __slots__ = ()

    def __init_subclass__(cls, **options: Any) -> None:
        super().__init_subclass__()
        if options.get("slots"):
            raise TypeError(f"{cls.__name__}: a record has no slots (see facilitate.records)")
        options = {"frozen": True, **options}
        if _eager or "__init__" in cls.__dict__:
            dataclasses.dataclass(cls, **options)
            return
        with _lock:
            _pending[cls] = options
            type.__setattr__(cls, "__init__", _init_first)
            for name in _CLASS_LEVEL:
                type.__setattr__(cls, name, _MadeOnAccess(name))

    def __getstate__(self) -> dict[str, Any]:
        """What pickling keeps: the fields, even none (so that :meth:`__setstate__` runs)."""
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickling and copying: the class is made before the instance is filled."""
        make(type(self))
        self.__dict__.update(state)


class _MadeOnAccess:
    """A class-level attribute of a dataclass, read from a record not made yet: made now."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type) -> Any:
        make(owner)
        return getattr(owner, self.name)


def _init_first(self: Any, *args: Any, **kwargs: Any) -> None:
    """A record's first instance: make the class, then build the instance with it."""
    cls = type(self)
    make(cls)
    cls.__init__(self, *args, **kwargs)


def make(cls: type) -> None:
    """Make ``cls`` and its record bases (bases first) if they are not made yet; a class
    that cannot be made stays as it was, so that every use raises the same error."""
    with _lock:
        for each in reversed(cls.__mro__):
            options = _pending.pop(each, None)
            if options is None:
                continue
            kept = {name: each.__dict__[name] for name in ("__init__", *_CLASS_LEVEL)}
            for name in kept:
                type.__delattr__(each, name)
            try:
                dataclasses.dataclass(each, **options)
            except BaseException:
                for name, value in kept.items():
                    type.__setattr__(each, name, value)
                _pending[each] = options
                raise


def make_all() -> None:
    """Make every record declared so far, and every later one as it is declared."""
    global _eager
    with _lock:
        _eager = True
        for cls in list(_pending):
            make(cls)
