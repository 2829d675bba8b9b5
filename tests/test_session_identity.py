"""A session's identity: a UUID in its header (older sessions get one when next written), and
references on the command line by id, UUID or a unique start of either."""

from __future__ import annotations

import json
import re
import shutil
import uuid
from pathlib import Path

import pytest

from facilitate.errors import NotFoundError, UsageError
from facilitate.model.events import EntryAdded
from facilitate.store.store import SessionStore

from cli_helpers import Outcome, run_cli

LEGACY = Path(__file__).parent / "data" / "legacy_journals"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    return tmp_path / "sessions"


def cli(root: Path, *args: str) -> Outcome:
    return run_cli(["--sessions-dir", str(root), "sessions", *args])


def legacy_copy(root: Path, session_id: str = "2026-11-23-stoppad") -> Path:
    root.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copytree(LEGACY / session_id, root / session_id))


def header_of(folder: Path) -> dict:
    return json.loads((folder / "session.json").read_text(encoding="utf-8"))


def note(text: str) -> EntryAdded:
    return EntryAdded(entry_id=text, kind="note", text=text)


# --- the UUID -----------------------------------------------------------------------------------


def test_every_new_session_has_its_own_uuid_shown_by_new_list_and_show(root: Path) -> None:
    created = [json.loads(cli(root, "new", "--title", "Fika", "--json").stdout) for _ in range(2)]
    first, second = (c["uuid"] for c in created)
    assert uuid.UUID(first).version == 4 and first != second
    assert header_of(Path(created[0]["path"]))["uuid"] == first
    listed = json.loads(cli(root, "list", "--json").stdout)
    assert {s["uuid"] for s in listed} == {first, second}
    shown = json.loads(cli(root, "show", created[0]["id"], "--json").stdout)
    assert shown["header"]["uuid"] == first


def test_a_legacy_session_is_read_without_writing_and_gets_a_uuid_on_its_first_write(
    root: Path,
) -> None:
    folder = legacy_copy(root)
    before = (folder / "session.json").read_bytes()
    store = SessionStore(root)
    assert store.open(folder.name).header.uuid is None
    assert json.loads(cli(root, "show", folder.name, "--json").stdout)["header"]["uuid"] is None
    cli(root, "list")
    assert (folder / "session.json").read_bytes() == before  # reading never writes

    assert cli(root, "note", folder.name, "Later").exit_code == 0
    header = header_of(folder)
    assert uuid.UUID(header["uuid"]).version == 4
    assert header["schema_version"] == 2
    assert {**json.loads(before), "schema_version": 2, "uuid": header["uuid"]} == header
    assert not [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]

    assert cli(root, "note", folder.name, "Again").exit_code == 0
    assert header_of(folder)["uuid"] == header["uuid"]  # given once, kept
    assert store.open(folder.name).header.uuid == header["uuid"]


def test_two_handles_of_a_legacy_session_agree_on_one_uuid(root: Path) -> None:
    folder = legacy_copy(root)
    one, two = SessionStore(root).open(folder.name), SessionStore(root).open(folder.name)
    one.append(note("a"), author="x", role="y")
    two.append(note("b"), author="x", role="y")
    assert one.header.uuid == two.header.uuid == header_of(folder)["uuid"]


def test_archiving_a_legacy_session_gives_it_a_uuid(root: Path) -> None:
    folder = legacy_copy(root, "2026-11-25-tom")
    assert cli(root, "archive", folder.name).exit_code == 0
    header = header_of(folder)
    assert header["status"] == "archived" and uuid.UUID(header["uuid"])


def test_a_header_with_a_malformed_uuid_names_the_field(root: Path) -> None:
    session = SessionStore(root).create(title="X", date="2026-11-22")
    path = session.path / "session.json"
    path.write_text(json.dumps({**header_of(session.path), "uuid": "not-a-uuid"}))
    result = cli(root, "show", session.id)
    assert result.exit_code == 2
    assert "session.json: uuid: expected a UUID" in result.stderr


# --- references ---------------------------------------------------------------------------------


UUIDS = [
    "c0ffee00-1111-4111-8111-111111111111",
    "c0ffee00-2222-4222-8222-222222222222",
    "0b5e4a1d-3333-4333-8333-333333333333",
]


@pytest.fixture
def store(root: Path, monkeypatch: pytest.MonkeyPatch) -> SessionStore:
    fresh = iter(UUIDS)
    monkeypatch.setattr("facilitate.store.store.new_uuid", lambda: next(fresh))
    store = SessionStore(root)
    for title in ("Eslöv samverkan", "Eslöv uppföljning", "Lund"):
        store.create(title=title, date="2026-11-22")
    return store


def test_a_session_is_found_by_its_id_its_uuid_or_a_unique_start(store: SessionStore) -> None:
    lund = store.open("2026-11-22-lund")
    assert lund.header.uuid is not None
    assert store.resolve("2026-11-22-lund") == lund.id
    assert store.resolve("2026-11-22-l") == lund.id
    assert store.resolve(lund.header.uuid) == lund.id
    assert store.resolve(lund.header.uuid.upper()) == lund.id
    assert store.resolve("0b5e") == lund.id
    assert store.resolve("c0ffee00-2") == "2026-11-22-eslov-uppfoljning"
    with pytest.raises(UsageError, match="fits several sessions"):
        store.resolve("c0ffee")


def test_an_ambiguous_start_lists_the_candidates(store: SessionStore) -> None:
    with pytest.raises(UsageError) as caught:
        store.resolve("2026-11-22-eslov")
    message = str(caught.value)
    assert "fits several sessions" in message
    assert "2026-11-22-eslov-samverkan, 2026-11-22-eslov-uppfoljning" in message


def test_fewer_than_four_characters_never_pick_a_session(store: SessionStore) -> None:
    for short in ("2", "20", "202"):
        with pytest.raises(NotFoundError, match="at least 4 of their first characters"):
            store.resolve(short)


def test_an_unknown_session_hints_at_other_stores(store: SessionStore) -> None:
    with pytest.raises(NotFoundError) as caught:
        store.resolve("2027-01-01-nothing")
    assert str(caught.value).startswith(f"no session '2027-01-01-nothing' in {store.root}")
    assert "--sessions-dir" in str(caught.value) and "FACILITATE_SESSIONS" in str(caught.value)


def test_the_command_line_takes_a_unique_start_and_says_which_session(
    root: Path, store: SessionStore
) -> None:
    lund = store.open("2026-11-22-lund")
    assert lund.header.uuid is not None
    noted = cli(root, "note", lund.header.uuid[:13], "Via the UUID")
    assert noted.exit_code == 0, noted.stderr
    assert "2026-11-22-lund" in noted.stdout
    shown = json.loads(cli(root, "show", "2026-11-22-lu", "--json").stdout)
    assert shown["id"] == "2026-11-22-lund" and shown["entries"][0]["text"] == "Via the UUID"
    ambiguous = cli(root, "show", "2026-11-22-es")
    assert ambiguous.exit_code == 2 and "fits several sessions" in ambiguous.stderr
    short = cli(root, "show", "202")
    assert short.exit_code == 2 and "at least 4" in short.stderr
    missing = cli(root, "show", "2026-11-22-malmo")
    assert missing.exit_code == 2
    assert re.search(r"no session '2026-11-22-malmo' in .*--sessions-dir", missing.stderr)
    assert len(missing.stderr.strip().splitlines()) == 1


def test_archive_and_delete_by_a_unique_start_name_the_whole_id(
    root: Path, store: SessionStore
) -> None:
    archived = cli(root, "archive", "0b5e")
    assert archived.exit_code == 0, archived.stderr
    assert "2026-11-22-lund" in archived.stdout
    assert store.open("2026-11-22-lund").header.status == "archived"
    deleted = cli(root, "delete", "2026-11-22-eslov-s", "--yes")
    assert deleted.exit_code == 0, deleted.stderr
    assert "2026-11-22-eslov-samverkan" in deleted.stdout
    assert store.ids() == ["2026-11-22-eslov-uppfoljning", "2026-11-22-lund"]


def test_a_legacy_header_that_cannot_be_written_never_stops_a_note(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = legacy_copy(root)
    before = (folder / "session.json").read_bytes()

    def read_only(*args: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("facilitate.store.headers.write_atomic", read_only)
    assert cli(root, "note", folder.name, "Saved anyway").exit_code == 0
    assert (folder / "session.json").read_bytes() == before
    entries = json.loads(cli(root, "show", folder.name, "--json").stdout)["entries"]
    assert entries[-1]["text"] == "Saved anyway"
