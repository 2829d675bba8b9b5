"""The web room through Starlette's TestClient: who may post, limits, controls, language."""

from __future__ import annotations

import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from facilitate.app.methods import Methods
from facilitate.store.room_file import ROOM_FILE
from facilitate.web.app import create_app
from facilitate.web.guard import Limits
from facilitate.web.room import RoomConfig, WebRoom

from note_helpers import REPO
from web_helpers import story_session

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


def test_the_phone_speaks_its_language_and_the_session_is_the_fallback(
    room: WebRoom, client: TestClient
) -> None:
    client.get(f"/j/{room.settings.access.code}")
    english = client.get("/p", headers={"accept-language": "en-GB,en;q=0.8"})
    assert "Anonymous" in english.text
    norwegian = client.get("/p", headers={"accept-language": "nb-NO"})
    assert "Anonymt" in norwegian.text  # the session's language (Swedish)
