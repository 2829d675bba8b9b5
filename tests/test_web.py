"""The web room through Starlette's TestClient: who may post, limits, controls, language."""

from __future__ import annotations

import socket
import stat
import time
import urllib.request
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitate.app.methods import Methods
from facilitate.store.room_file import ROOM_FILE
from facilitate.store.store import SessionStore
from facilitate.web.app import create_app
from facilitate.web.guard import Limits
from facilitate.web.room import RoomConfig, WebRoom

from note_helpers import REPO, record_run
from web_helpers import Served, served, story_session

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient


@pytest.fixture
def room(tmp_path: Path) -> WebRoom:
    store, session_id = story_session(tmp_path)
    return WebRoom(store, Methods(REPO, {}), session_id, RoomConfig(limits=Limits(burst=5)))


@pytest.fixture
def client(room: WebRoom) -> Iterator[TestClient]:
    with TestClient(create_app(room)) as found:
        yield found


def note(room: WebRoom, text: str = "Mod", entry_id: str = "phone-entry-1") -> dict[str, str]:
    place = room.broadcaster.views["phone", "sv"]["place"]
    return {"entry_id": entry_id, "place": place, "kind": "note", "text": text}


JSON = {"accept": "application/json"}


def test_posting_without_the_join_code_is_refused(room: WebRoom, client: TestClient) -> None:
    answer = client.post("/p/entry", data=note(room), headers=JSON)
    assert answer.status_code == 403
    assert client.get("/events").status_code == 403
    assert client.get("/p").status_code == 403
    assert client.get("/j/WRONG1").status_code == 403
    assert room.settings.session.state().entries == ()


def test_the_code_joins_and_an_entry_is_confirmed_once(room: WebRoom, client: TestClient) -> None:
    assert client.get(f"/j/{room.settings.access.code}").status_code == 200
    first = client.post("/p/entry", data=note(room), headers=JSON)
    again = client.post("/p/entry", data=note(room), headers=JSON)
    assert first.json() == {"ok": True, "entry_id": "phone-entry-1", "duplicate": False}
    assert again.json()["duplicate"] is True
    changed = client.post("/p/entry", data=note(room, text="Annat"), headers=JSON)
    assert changed.status_code == 409
    assert "annat innehåll" in changed.json()["problems"][0]
    (entry,) = room.settings.session.state().entries
    assert (entry.text, entry.author, entry.role) == ("Mod", "participant", "participant")
    mode = (Path(room.settings.session.path) / ROOM_FILE).stat().st_mode
    assert stat.S_IMODE(mode) == 0o600


def test_without_script_a_form_post_comes_back_to_the_page(
    room: WebRoom, client: TestClient
) -> None:
    client.post("/", data={"code": room.settings.access.code.lower()})
    answer = client.post("/p/entry", data=note(room), follow_redirects=False)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/p?sent=phone-entry-1"
    refused = client.post("/p/entry", data=note(room, text=" ", entry_id="phone-entry-2"))
    assert refused.status_code == 422
    assert 'class="problem"' in refused.text


def test_limits_headers_and_the_closed_step(room: WebRoom, client: TestClient) -> None:
    client.get(f"/j/{room.settings.access.code}")
    big = client.post("/p/entry", data=note(room, text="å" * 6000), headers=JSON)
    assert big.status_code == 413
    page = client.get("/p")
    assert page.headers["content-security-policy"].startswith("default-src 'self'")
    assert page.headers["x-frame-options"] == "DENY"
    room.settings.set_input(note(room)["place"], False)
    closed = client.post("/p/entry", data=note(room), headers=JSON)
    assert closed.status_code == 409
    assert "stängd" in closed.json()["problems"][0]
    statuses = [
        client.post("/p/entry", data=note(room), headers=JSON).status_code for _ in range(6)
    ]
    assert 429 in statuses


def test_the_facilitator_hides_an_entry_with_a_reason(room: WebRoom, client: TestClient) -> None:
    client.get(f"/j/{room.settings.access.code}")
    client.post("/p/entry", data=note(room, text="Ovidkommande"), headers=JSON)
    assert client.post("/admin/hide", data={"entry_id": "phone-entry-1"}).status_code == 403
    assert client.get("/admin?key=wrong").status_code == 403
    client.get(f"/admin?key={room.settings.access.admin}")
    answer = client.post("/admin/hide", data={"entry_id": "phone-entry-1", "reason": "off topic"})
    assert answer.status_code == 200
    state = room.settings.session.state()
    assert state.entries == ()
    assert state.deleted[0].deleted_reason == "off topic"
    client.post("/admin/results", data={"shown": "0"})
    assert room.settings.controls.results_hidden


def _ranked_session(root: Path) -> tuple[SessionStore, str]:
    """A 35:an run at its first round, two cards with points given: a ranking to show."""
    from facilitate.app.input import record_entry
    from facilitate.model.entry_check import EntryDraft
    from facilitate.model.events import StepEnded, StepStarted

    store = SessionStore(root)
    session = store.create(title="Dialog", date="2026-11-22", language="sv")
    record_run(session, "35an", at="write")
    methods = Methods(REPO, {})
    for card, text in (("1", "Idé ett"), ("2", "Idé två")):
        draft = EntryDraft("card", text, {}, {"card": card})
        record_entry(store, methods, session.id, draft, author="Anna")
    run = session.state().runs[-1]
    ended = StepEnded(run.steps[-1].index, "completed", 60.0, 0.0, run_id=run.run_id)
    started = StepStarted(run.steps[-1].index + 1, "round", 1, 180.0, run_id=run.run_id)
    session.append_many([ended, started], author="Anna", role="facilitator")
    points = {"card_a": "1", "points_a": "5", "card_b": "2", "points_b": "2"}
    record_entry(store, methods, session.id, EntryDraft("pair_split", "", {}, points), author="A")
    return store, session.id


def _first_frame(server: Served, path: str) -> str:
    """The first message of the event stream at ``path`` (as a joined page reads it)."""
    with socket.create_connection(("127.0.0.1", server.port), timeout=20) as sock:
        head = f"GET {path} HTTP/1.1\r\nHost: room\r\nCookie: facilitate_token={server.token}"
        sock.sendall(f"{head}\r\n\r\n".encode())
        lines = sock.makefile("rb")
        while not (line := lines.readline()).startswith(b"data: "):
            assert line, "the stream ended"
        return line.decode()


def test_hidden_results_are_on_no_page_and_in_no_stream(tmp_path: Path) -> None:
    store, session_id = _ranked_session(tmp_path)
    with served(store, session_id) as server:
        assert server.room is not None
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        opener.open(f"{server.base}/j/{server.code}").close()
        shown = opener.open(f"{server.base}/screen").read().decode()
        assert "Idé ett" in shown and "Idé ett" in _first_frame(server, "/events?view=screen")
        opener.open(f"{server.base}/admin?key={server.room.settings.access.admin}").close()
        opener.open(f"{server.base}/admin/results", data=b"shown=0").close()
        deadline = time.monotonic() + 20
        while not server.room.broadcaster.views["screen", "sv"]["results_hidden"]:
            assert time.monotonic() < deadline, "the views were not sent again"
            time.sleep(0.02)
        hidden = opener.open(f"{server.base}/screen").read().decode()
        frame = _first_frame(server, "/events?view=screen")
    assert "Rangordning:" in shown  # (the ranking's heading, "Rangordning: ...")
    assert "Idé" not in hidden and "Rangordning:" not in hidden
    assert "Resultaten visas när röstningen är stängd" in hidden.partition('id="results"')[2]
    assert "Idé" not in frame and '"results":null' in frame and '"rankings"' not in frame


def test_the_phone_speaks_its_language_and_the_session_is_the_fallback(
    room: WebRoom, client: TestClient
) -> None:
    client.get(f"/j/{room.settings.access.code}")
    english = client.get("/p", headers={"accept-language": "en-GB,en;q=0.8"})
    assert "Anonymous" in english.text
    norwegian = client.get("/p", headers={"accept-language": "nb-NO"})
    assert "Anonymt" in norwegian.text  # the session's language (Swedish)
