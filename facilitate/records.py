"""Records: frozen dataclasses that are made when first needed.

``class Point(Record)`` declares the same class as ``@dataclass(frozen=True) class Point``:
the same fields, ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, frozenness,
``dataclasses.fields``, ``replace`` and pickling. Options go in the class line
(``class Point(Record, kw_only=True)``); a subclass of a record is a record.

The differences are when the class is made and how. A dataclass writes and compiles six
functions for each class (about a millisecond each class on a slow laptop), and a command
imports far more classes than it uses. A record is made on its first instance, or at the
first look at what only a dataclass has (``dataclasses.fields(Point)``,
``Point.__match_args__``); its record bases are made first. A class that is never used costs
what a plain class costs. When it is made, :mod:`dataclasses` reads its fields and this
module compiles its ``__init__`` alone: ``__repr__``, ``__eq__``, ``__hash__``, the ordering
methods and the frozen ``__setattr__`` and ``__delattr__`` are the same for every record,
written once here and driven by the fields. (``__dataclass_params__`` therefore tells what
:mod:`dataclasses` was asked to write: fields only.) The options a record takes are
``kw_only`` and ``order``.

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
import inspect
import reprlib
import sys
import threading
from collections.abc import Callable
from operator import attrgetter
from typing import Any, ClassVar, dataclass_transform

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
        unknown = set(options) - {"kw_only", "order"}
        if unknown:
            raise TypeError(f"{cls.__name__}: a record takes only kw_only and order, not {unknown}")
        if _eager or "__init__" in cls.__dict__:
            _build(cls, options)
            return
        with _lock:
            _pending[cls] = options
            type.__setattr__(cls, "__init__", _init_first)
            for name in _CLASS_LEVEL:
                if name not in cls.__dict__:  # (a class's own __match_args__ is kept)
                    type.__setattr__(cls, name, _MadeOnAccess(name))

    def __getstate__(self) -> dict[str, Any]:
        """What pickling keeps: the fields, even none (so that :meth:`__setstate__` runs)."""
        return dict(self.__dict__)

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Unpickling and copying: the class is made before the instance is filled."""
        make(type(self))
        self.__dict__.update(state)

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        cls = type(self)
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in cls._record_shown)
        return f"{cls.__qualname__}({shown})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = type(self)._record_compared
        return bool(compared(self) == compared(other))

    def __hash__(self) -> int:
        return hash(type(self)._record_hashed(self))

    def __setattr__(self, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    _record_shown: ClassVar[tuple[str, ...]] = ()
    _record_compared: ClassVar[Callable[[Any], tuple[Any, ...]]]
    _record_hashed: ClassVar[Callable[[Any], tuple[Any, ...]]]


class _MadeOnAccess:
    """A class-level attribute of a dataclass, read from a record not made yet: made now."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, instance: object, owner: type) -> Any:
        make(owner)
        return getattr(owner, self.name)


def _init_first(self: Any, /, *args: Any, **kwargs: Any) -> None:
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
            kept = {"__init__": each.__dict__["__init__"]}  # (and what stood in for the rest)
            kept.update(
                (name, each.__dict__[name])
                for name in _CLASS_LEVEL
                if isinstance(each.__dict__.get(name), _MadeOnAccess)
            )
            for name in kept:
                type.__delattr__(each, name)
            try:
                _build(each, options)
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


def _build(cls: type, options: dict[str, Any]) -> None:
    """Make ``cls`` a frozen dataclass: its fields read by :mod:`dataclasses`, its own
    ``__init__`` compiled, and what its methods compare, hash and show (see above)."""
    for name in ("__setattr__", "__delattr__"):
        if name in cls.__dict__:  # (as dataclasses refuses it for a frozen class)
            raise TypeError(f"Cannot overwrite attribute {name} in class {cls.__name__}")
    undocumented = not cls.__dict__.get("__doc__")
    if undocumented:  # (dataclasses would describe the __init__ it has not been asked for)
        type.__setattr__(cls, "__doc__", cls.__name__)
    try:
        fields = _fields(cls, bool(options.get("kw_only", False)))
        if "__init__" not in cls.__dict__:
            type.__setattr__(cls, "__init__", _init_of(cls, fields))
    except BaseException:
        if undocumented:
            type.__setattr__(cls, "__doc__", None)
        raise
    if undocumented:
        signature = str(inspect.signature(cls)).replace(" -> None", "")
        type.__setattr__(cls, "__doc__", cls.__name__ + signature)
    compared = _getter([f.name for f in fields if f.compare])
    hashed = _getter([f.name for f in fields if (f.compare if f.hash is None else f.hash)])
    type.__setattr__(cls, "_record_shown", tuple(f.name for f in fields if f.repr))
    type.__setattr__(cls, "_record_compared", compared)
    type.__setattr__(cls, "_record_hashed", hashed)
    _add_methods(cls)
    if options.get("order"):
        _add_order(cls, compared)


def _add_methods(cls: type) -> None:
    """Record's ``__repr__``, ``__eq__``, ``__hash__`` and frozen ``__setattr__`` and
    ``__delattr__`` on ``cls`` itself, where it does not define them, as a dataclass gets its
    own (not a base's, nor a mixin's before ``Record``)."""
    own_hash = cls.__dict__.get("__hash__", dataclasses.MISSING)
    hashable = own_hash is dataclasses.MISSING or (own_hash is None and "__eq__" in cls.__dict__)
    for name in ("__repr__", "__eq__", "__setattr__", "__delattr__"):
        if name not in cls.__dict__:
            type.__setattr__(cls, name, Record.__dict__[name])
    if hashable:  # (a class's own __eq__ leaves it None; an explicit __hash__ is kept)
        type.__setattr__(cls, "__hash__", Record.__dict__["__hash__"])


def _fields(cls: type, kw_only: bool) -> tuple[dataclasses.Field[Any], ...]:
    """The fields of ``cls``, read by :mod:`dataclasses` (which writes no method)."""
    dataclasses.dataclass(cls, init=False, repr=False, eq=False, kw_only=kw_only)
    if any(_initvar(f) for f in cls.__dict__["__dataclass_fields__"].values()):
        raise TypeError(f"{cls.__name__}: a record has no InitVar fields")
    return dataclasses.fields(cls)


def _initvar(field: dataclasses.Field[Any]) -> bool:
    """True if ``field`` is declared ``InitVar`` (which a record does not take)."""
    kind = field.type
    return isinstance(kind, dataclasses.InitVar) or (
        isinstance(kind, str) and kind.split("[")[0].endswith("InitVar")
    )


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """The tuple of the attributes ``names`` of an object."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda record: (one(record),)
    return lambda record: ()


class _Factory:
    """The default of a parameter whose field has a default factory."""

    def __repr__(self) -> str:
        return "<factory>"


_FACTORY = _Factory()


def _init_of(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """``cls.__init__``, compiled from its fields as a frozen dataclass's: parameters in
    field order (keyword-only ones last), defaults and default factories, fields with
    ``init=False`` filled from their factory, then ``__post_init__`` when it has one. It is
    compiled in its class's module, whose names its annotations use."""
    me = "__record_self__" if any(f.name == "self" for f in fields) else "self"
    names: dict[str, Any] = {"__set": object.__setattr__, "__factory": _FACTORY}
    positional: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    for f in fields:
        if f.init:
            (keyword if f.kw_only else positional).append(_parameter(f, names))
        value = _value(f, names)
        if value is not None:
            body.append(f"__set({me}, {f.name!r}, {value})")
    _check_defaults(positional)
    if hasattr(cls, "__post_init__"):
        body.append(f"{me}.__post_init__()")
    signature = ", ".join([me, *positional, *(["*", *keyword] if keyword else [])])
    source = f"def __make__({', '.join(names)}):\n def __init__({signature}):\n  "
    source += "\n  ".join(body or ["pass"]) + "\n return __init__"
    module = sys.modules.get(cls.__module__)
    made: dict[str, Any] = {}
    exec(source, module.__dict__ if module is not None else {}, made)
    init: Callable[..., None] = made["__make__"](**names)
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = {f.name: f.type for f in fields if f.init} | {"return": None}
    return init


def _parameter(field: dataclasses.Field[Any], names: dict[str, Any]) -> str:
    """The parameter of ``field`` in ``__init__``: its name, with its default if it has one."""
    if field.default_factory is not dataclasses.MISSING:
        return f"{field.name}=__factory"
    if field.default is not dataclasses.MISSING:
        names[f"__d_{field.name}"] = field.default
        return f"{field.name}=__d_{field.name}"
    return field.name


def _value(field: dataclasses.Field[Any], names: dict[str, Any]) -> str | None:
    """What ``__init__`` sets ``field`` to, or None when it is not set there (a field with
    ``init=False`` and a plain default, which is read from the class)."""
    if field.default_factory is not dataclasses.MISSING:
        names[f"__f_{field.name}"] = field.default_factory
        made = f"__f_{field.name}()"
        return f"{made} if {field.name} is __factory else {field.name}" if field.init else made
    return field.name if field.init else None


def _check_defaults(parameters: list[str]) -> None:
    """A TypeError if a positional parameter without a default follows one with a default."""
    defaulted = False
    for parameter in parameters:
        if "=" in parameter:
            defaulted = True
        elif defaulted:
            raise TypeError(f"non-default argument {parameter!r} follows default argument")


def _add_order(cls: type, compared: Callable[[Any], tuple[Any, ...]]) -> None:
    """``<``, ``<=``, ``>`` and ``>=`` comparing two records of ``cls`` field by field (its
    own fields: a subclass that is not ordered itself inherits them as they are)."""
    for name, compare in (("__lt__", "lt"), ("__le__", "le"), ("__gt__", "gt"), ("__ge__", "ge")):
        if name in cls.__dict__:
            raise TypeError(f"{cls.__name__}: order=True, but the class defines {name}")
        type.__setattr__(cls, name, _ordering(getattr(tuple, f"__{compare}__"), compared))


def _ordering(
    compare: Callable[[Any, Any], Any], key: Callable[[Any], tuple[Any, ...]]
) -> Callable[[Any, Any], Any]:
    def ordered(self: Any, other: Any) -> Any:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return compare(key(self), key(other))

    return ordered
