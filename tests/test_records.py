"""Records (facilitate/records.py): frozen dataclasses made when first needed.

Each test declares its own classes, so that "not made yet" is where every test starts.
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import subprocess
import sys
import textwrap
import typing
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

import facilitate.records as records
from facilitate.records import Record


@pytest.fixture(autouse=True)
def made_when_first_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """Records made on first use, even after a test that started a server (``make_all``)."""
    monkeypatch.setattr(records, "_eager", False)


def _made(cls: type) -> bool:
    return isinstance(cls.__dict__.get("__dataclass_fields__"), dict)


def test_a_record_is_a_frozen_dataclass() -> None:
    class Card(Record):
        """A card."""

        title: str
        points: int = 0
        tags: list[str] = dataclasses.field(default_factory=list)

    card = Card("Mod", 3)
    assert card == Card("Mod", 3, []) and card != Card("Mod", 4)
    assert repr(card).endswith("Card(title='Mod', points=3, tags=[])")
    assert Card.__doc__ == "A card."
    with pytest.raises(dataclasses.FrozenInstanceError):
        card.points = 4  # type: ignore[misc]
    assert dataclasses.replace(card, points=5) == Card("Mod", 5)
    assert dataclasses.asdict(card) == {"title": "Mod", "points": 3, "tags": []}
    assert Card("A").tags is not Card("B").tags
    with pytest.raises(TypeError):
        Card()  # type: ignore[call-arg]


def test_options_go_in_the_class_line() -> None:
    class Span(Record, kw_only=True, order=True):
        start: int
        end: int

    assert Span(start=1, end=2) < Span(start=2, end=0)
    with pytest.raises(TypeError):
        Span(1, 2)  # type: ignore[call-arg]


def test_a_record_is_made_on_its_first_instance_not_before() -> None:
    class Unused(Record):
        name: str

    class Used(Record):
        name: str

    Used("x")
    assert not _made(Unused) and _made(Used)


def test_what_only_a_dataclass_has_is_there_before_any_instance() -> None:
    class Base(Record):
        run_id: str

    Base("made first")
    assert _made(Base)

    class Child(Base):
        index: int
        step: str = "intro"

    assert not _made(Child)
    # Child's own fields, not the made base's (which a plain lookup would find):
    assert [f.name for f in dataclasses.fields(Child)] == ["run_id", "index", "step"]
    assert dataclasses.is_dataclass(Child)
    assert Child.__dict__["__match_args__"] == ("run_id", "index", "step")

    class Other(Base):
        count: int

    match Other("r", 2):
        case Other(run_id, count):
            assert (run_id, count) == ("r", 2)


def test_a_subclass_is_built_with_its_own_fields_after_its_base_was_made() -> None:
    class Event(Record):
        run_id: str | None = None

    class Started(Event):
        index: int = 0
        step: str = ""

    assert Event() == Event(None)
    assert Started(None, 2, "harvest").step == "harvest"
    assert Started(step="x") != Event()


def test_a_base_is_made_before_its_subclass() -> None:
    class Base(Record):
        a: int

    class Child(Base):
        b: int

    assert Child(1, 2) == Child(a=1, b=2) and _made(Base)
    assert Base(1) != Child(1, 2)


class Note(Record):
    """A record declared where pickle finds it."""

    text: str
    dims: dict[str, str] = dataclasses.field(default_factory=dict)


def test_copies_of_a_record_are_equal_records() -> None:
    note = Note("Mod", {"lens": "mod"})
    assert copy.copy(note) == note and copy.deepcopy(note) == note
    assert pickle.loads(pickle.dumps(note)) == note


def test_a_pickled_record_reads_back_in_a_process_that_never_made_its_class(
    tmp_path: Path,
) -> None:
    module = tmp_path / "kinds.py"
    module.write_text(
        textwrap.dedent(
            """
            from facilitate.records import Record

            class Rating(Record):
                score: int
                voter: str = ""
            """
        ),
        encoding="utf-8",
    )
    write = "import pickle, kinds; print(pickle.dumps(kinds.Rating(4, 'Lisa')).hex())"
    read = textwrap.dedent(
        """
        import pickle, sys, kinds
        rating = pickle.loads(bytes.fromhex(sys.stdin.read()))
        again = kinds.Rating(4, "Lisa")
        print(repr(rating), rating == again, hash(rating) == hash(again))
        """
    )
    pickled = _python(write, tmp_path)
    assert _python(read, tmp_path, pickled) == "Rating(score=4, voter='Lisa') True True"


def _python(script: str, folder: Path, given: str = "") -> str:
    root = str(Path(__file__).resolve().parent.parent)
    done = subprocess.run(
        [sys.executable, "-c", script],
        input=given,
        capture_output=True,
        text=True,
        check=True,
        cwd=folder,
        env={"PYTHONPATH": f"{folder}:{root}", "PATH": "/usr/bin:/bin"},
    )
    return done.stdout.strip()


def test_pydantic_validates_a_field_that_is_a_record_not_made_yet() -> None:
    class Label(Record):
        sv: str
        en: str

    class Step(BaseModel):
        title: Label

    step = Step.model_validate({"title": {"sv": "Skörd", "en": "Harvest"}})
    assert step.title == Label("Skörd", "Harvest")


def test_a_record_declared_with_its_own_init_is_made_at_once() -> None:
    class Pair(Record):
        a: int
        b: int

        def __init__(self, both: int) -> None:
            object.__setattr__(self, "a", both)
            object.__setattr__(self, "b", both)

    assert _made(Pair) and Pair(2) == Pair(2) and repr(Pair(3)).endswith("Pair(a=3, b=3)")


def test_make_all_makes_every_record_and_then_each_new_one_at_once() -> None:
    script = textwrap.dedent(
        """
        import threading
        from facilitate.records import Record, make_all

        class Before(Record):
            a: int

        make_all()
        assert isinstance(Before.__dict__["__dataclass_fields__"], dict)

        class After(Record):
            b: int

        assert isinstance(After.__dict__["__dataclass_fields__"], dict)
        made = []
        threads = [threading.Thread(target=lambda i=i: made.append(After(i))) for i in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        print(sorted(r.b for r in made))
        """
    )
    assert _python(script, Path.cwd()) == "[0, 1, 2, 3, 4, 5, 6, 7]"


def test_no_module_declares_a_frozen_dataclass_any_other_way() -> None:
    package = Path(__file__).resolve().parent.parent / "facilitate"
    found = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py"))
        if path.name != "records.py"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if line.strip().startswith("@dataclass(") and "frozen=True" in line
    ]
    assert found == []


def test_a_declaration_that_cannot_be_made_fails_at_every_use() -> None:
    class Wrong(Record):
        items: list[str] = []  # noqa: RUF012 (the mistake this test makes)

    try:
        for _ in range(2):
            with pytest.raises(ValueError, match="mutable default"):
                Wrong()
    finally:
        records._pending.pop(Wrong)  # (not left for a later test's make_all)


def test_a_record_with_slots_is_refused_where_it_is_declared() -> None:
    with pytest.raises(TypeError, match="no slots"):

        class Slotted(Record, slots=True):
            a: int


def test_a_record_without_fields_reads_back_made_in_a_new_process(tmp_path: Path) -> None:
    (tmp_path / "marks.py").write_text(
        "from facilitate.records import Record\n\nclass Mark(Record):\n    pass\n",
        encoding="utf-8",
    )
    pickled = _python("import pickle, marks; print(pickle.dumps(marks.Mark()).hex())", tmp_path)
    read = "import pickle, sys, marks; m = pickle.loads(bytes.fromhex(sys.stdin.read()))\n"
    read += "print(repr(m), m == marks.Mark())"
    assert _python(read, tmp_path, pickled) == "Mark() True"


def test_every_record_of_the_package_can_be_made() -> None:
    script = textwrap.dedent(
        """
        import importlib, pkgutil
        import facilitate
        from facilitate import records
        for module in pkgutil.walk_packages(facilitate.__path__, "facilitate."):
            importlib.import_module(module.name)
        pending = len(records._pending)
        records.make_all()
        print(pending > 100, len(records._pending))
        """
    )
    assert _python(script, Path.cwd()) == "True 0"


TWIN = """
class Entry({base}):
    text: str
    points: int = 0
    tags: list[str] = field(default_factory=list)
    secret: str = field(default="", repr=False)
    seen: float = field(default=0.0, compare=False)
    made: dict[str, int] = field(default_factory=dict, init=False)
    kind: str = field(default="note", init=False)

    def __post_init__(self) -> None:
        self.made["posts"] = 1


class Undocumented({base}):
    a: int
    b: str = "x"
"""


def _twins() -> tuple[dict[str, type], dict[str, type]]:
    """The same declarations as records and as frozen dataclasses."""
    record: dict[str, Any] = {"Record": Record, "field": dataclasses.field}
    plain: dict[str, Any] = {"field": dataclasses.field}
    exec(TWIN.format(base="Record"), record)
    exec(
        "from dataclasses import dataclass\n"
        + TWIN.format(base="")
        .replace("class ", "@dataclass(frozen=True)\nclass ")
        .replace("()", ""),
        plain,
    )
    return record, plain


def test_a_record_behaves_as_the_frozen_dataclass_of_the_same_declaration() -> None:
    record, plain = _twins()
    for name in ("Entry", "Undocumented"):
        ours, theirs = record[name], plain[name]
        records.make(ours)
        assert str(inspect.signature(ours)) == str(inspect.signature(theirs))
        assert ours.__doc__ == theirs.__doc__
        assert vars(ours)["__match_args__"] == vars(theirs)["__match_args__"]
        assert [f.name for f in dataclasses.fields(ours)] == [
            f.name for f in dataclasses.fields(theirs)
        ]
    args: tuple[Any, ...] = ("Mod", 3, ["a"], "hidden", 1.5)
    ours, theirs = record["Entry"](*args), plain["Entry"](*args)
    assert repr(ours) == repr(theirs)
    assert ours.made == theirs.made == {"posts": 1} and ours.kind == theirs.kind == "note"
    same_but_seen = record["Entry"]("Mod", 3, ["a"], "hidden", 9.0)
    assert ours == same_but_seen
    with pytest.raises(TypeError, match="unhashable type: 'list'"):
        hash(ours)
    assert hash(record["Undocumented"](1)) == hash(plain["Undocumented"](1)) == hash((1, "x"))
    assert ours != record["Entry"]("Mod", 4, ["a"]) and ours != theirs
    assert dataclasses.replace(ours, points=4).points == 4
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot assign to field 'text'"):
        ours.text = "x"
    with pytest.raises(dataclasses.FrozenInstanceError, match="cannot delete field 'text'"):
        del ours.text
    with pytest.raises(TypeError, match="missing 1 required positional argument: 'text'"):
        record["Entry"]()


def test_a_field_without_a_default_after_one_with_is_refused_as_by_dataclasses() -> None:
    class Wrong(Record):
        a: int = 0
        b: int  # type: ignore[misc]

    try:
        with pytest.raises(TypeError, match="non-default argument 'b' follows default argument"):
            Wrong()  # type: ignore[call-arg]
    finally:
        records._pending.pop(Wrong)


def test_a_record_takes_only_its_own_options() -> None:
    with pytest.raises(TypeError, match="only kw_only and order"):

        class Loose(Record, frozen=False):
            a: int


def test_a_record_with_its_own_eq_stays_hashable_as_a_frozen_dataclass_does() -> None:
    class Word(Record):
        text: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Word) and other.text.lower() == self.text.lower()

    assert Word("Mod") == Word("mod") and hash(Word("x")) == hash(Word("x"))


INHERITED = """
class Base({base}):
    x: int

    def __eq__(self, other: object) -> bool:
        return True

    def __repr__(self) -> str:
        return "Base!"

    def __hash__(self) -> int:
        return 7


class Child(Base):
    y: int = 0


class Unhashable({base}):
    a: int
    __hash__ = None  # type: ignore[assignment]


class Hashable(Unhashable):
    b: int = 0


class Ranked({base}{order}):
    rank: int


class Later(Ranked):
    name: str = ""


class Odd({base}):
    self: int
    doc: str = ""
"""


def _inheriting() -> tuple[dict[str, Any], dict[str, Any]]:
    record: dict[str, Any] = {"Record": Record, "__name__": __name__}
    plain: dict[str, Any] = {"__name__": __name__}
    exec(INHERITED.format(base="Record", order=", order=True"), record)
    source = INHERITED.format(base="", order="").replace("()", "")
    source = source.replace("class Base", "@dataclass(frozen=True)\nclass Base")
    for name in ("Child", "Unhashable", "Hashable", "Later", "Odd"):
        source = source.replace(f"class {name}", f"@dataclass(frozen=True)\nclass {name}")
    source = source.replace("class Ranked", "@dataclass(frozen=True, order=True)\nclass Ranked")
    exec("from dataclasses import dataclass\n" + source, plain)
    return record, plain


def test_a_subclass_gets_its_own_methods_as_a_dataclass_does() -> None:
    record, plain = _inheriting()
    for made in (record, plain):
        child = made["Child"](1, 2)
        assert repr(child).endswith("Child(x=1, y=2)") and child != made["Child"](1, 3)
        assert hash(made["Hashable"](1)) == hash((1, 0))
        with pytest.raises(TypeError, match="unhashable"):
            hash(made["Unhashable"](1))
        # the ordering Later inherits compares Ranked's fields, as Ranked wrote it:
        assert not made["Later"](1, "b") < made["Later"](1, "a")
        assert made["Later"](1, "a") < made["Later"](2, "a")
        assert repr(made["Odd"](3)).endswith("Odd(self=3, doc='')")


def test_the_init_of_a_record_has_the_type_hints_of_its_fields() -> None:
    class Where(Record):
        path: Path
        count: int = 0

    Where(Path("x"))
    assert typing.get_type_hints(Where.__init__) == {
        "path": Path,
        "count": int,
        "return": type(None),
    }
    assert Where.__init__.__module__ == __name__


def test_a_record_with_an_empty_docstring_is_described_and_its_own_setattr_refused() -> None:
    class Blank(Record):
        ""

        a: int

    Blank(1)
    assert Blank.__doc__ == "Blank(a: 'int')"

    class Mutable(Record):
        a: int

        def __setattr__(self, name: str, value: object) -> None:
            object.__setattr__(self, name, value)

    try:
        with pytest.raises(TypeError, match="Cannot overwrite attribute __setattr__"):
            Mutable(1)
    finally:
        records._pending.pop(Mutable, None)


def test_a_field_named_self_and_a_records_own_match_args_work_before_it_is_made() -> None:
    class Odd(Record):
        self: int

    class Point(Record):
        x: int
        y: int
        __match_args__ = ("y",)

    assert Odd(self=1).self == 1
    assert Point.__match_args__ == ("y",)
    match Point(1, 2):
        case Point(second):
            assert second == 2
