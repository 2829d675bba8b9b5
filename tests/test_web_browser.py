"""A real browser (Debian's chromium through Playwright) on a phone-sized page and on the
projector page, against a real server on 127.0.0.1 that is restarted in the middle."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import pytest

from web_helpers import Served, free_port, story_session

CHROMIUM = Path("/usr/bin/chromium")
PHONE = {"viewport": {"width": 390, "height": 740}, "is_mobile": True, "locale": "en-GB"}
NOTE = "<script>document.title='owned'</script> Courage in Lund"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One chromium for the whole run (missing: a failure in CI, else a skip)."""
    if not CHROMIUM.exists():
        _missing(f"{CHROMIUM} is missing (.ci/run installs it: apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("playwright is not installed (pip install -e '.[test]')")
    with sync_playwright() as playwright:
        found = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield found
        found.close()


def _missing(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def test_a_phone_joins_sends_a_note_and_the_projector_shows_it_after_a_restart(
    browser: Any, tmp_path: Path
) -> None:
    store, session_id = story_session(tmp_path, title="Eslöv <i>dialog</i>")
    server = Served(store, session_id, free_port(), limits=_limits())
    server.start()
    try:
        phone = browser.new_context(**PHONE).new_page()
        phone.goto(server.base + "/")
        phone.fill("input[name=code]", server.code.lower())
        phone.click("button[type=submit]")
        phone.wait_for_url("**/p")
        assert "Anonymous" in phone.inner_text("main")
        phone.fill("textarea[name=text]", NOTE)
        phone.select_option("select[name='dim.lens']", "courage")
        phone.select_option("select[name='dim.story']", label="Lund")
        phone.click("form.entry-form button[type=submit]")
        phone.wait_for_selector("#status.ok")
        assert phone.inner_text("#status") == "Saved. Thank you!"
        assert phone.input_value("textarea[name=text]") == ""

        screen = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
        screen.goto(f"{server.base}/j/{server.code}?to=screen")
        entry = screen.locator("#entries li .text")
        entry.first.wait_for()
        assert entry.first.inner_text() == NOTE
        assert "Lins: Mod" in screen.inner_text("#entries")
        assert screen.inner_text("#title") == "Eslöv <i>dialog</i>"
        assert screen.title() == "Eslöv <i>dialog</i>"  # the script was text, never run

        server.stop()
        server.start()  # a new process state: only the journal and room.json carry over
        screen.reload()
        screen.locator("#entries li .text").first.wait_for()
        assert screen.locator("#entries li .text").all_inner_texts() == [NOTE]
        assert screen.inner_text("#count") == "1 i det här steget"
    finally:
        server.stop()
    added = [e for e in store.open(session_id).state().entries]
    assert [(e.text, e.dims) for e in added] == [(NOTE, {"lens": "courage", "story": "1"})]


def test_the_projector_page_shows_a_phone_entry_live(browser: Any, tmp_path: Path) -> None:
    store, session_id = story_session(tmp_path)
    server = Served(store, session_id, free_port(), limits=_limits())
    server.start()
    try:
        screen = browser.new_context().new_page()
        screen.goto(f"{server.base}/j/{server.code}?to=screen")
        assert screen.inner_text("#count") == "0 i det här steget"
        phone = browser.new_context(**PHONE).new_page()
        phone.goto(f"{server.base}/j/{server.code}")
        phone.fill("textarea[name=text]", "<img src=x onerror=alert(1)>")
        phone.click("form.entry-form button[type=submit]")
        phone.wait_for_selector("#status.ok")
        screen.locator("#count", has_text="1 i det här steget").wait_for()
        assert (
            screen.locator("#entries li .text").first.inner_text() == "<img src=x onerror=alert(1)>"
        )
        assert screen.locator("#entries img").count() == 0

        _next_step(store.open(session_id))  # the terminal's runner moves on
        screen.locator("#step-title", has_text="Samma lins pratar ihop").wait_for()
        assert screen.inner_text("#count") == "0 i det här steget"
        phone.wait_for_selector("text=Same lens confers")
    finally:
        server.stop()


def test_a_pending_send_is_kept_as_sent_and_an_error_page_is_not_retried(
    browser: Any, tmp_path: Path
) -> None:
    store, session_id = story_session(tmp_path)
    server = Served(store, session_id, free_port(), limits=_limits())
    server.start()
    try:
        phone = browser.new_context(**PHONE).new_page()
        phone.goto(f"{server.base}/j/{server.code}")
        bodies: list[str] = []
        connected: list[bool] = []

        def lossy(route: Any) -> None:  # the connection is lost until the test says
            bodies.append(route.request.post_data)
            route.continue_() if connected else route.abort("failed")

        phone.route("**/p/entry", lossy)
        phone.fill("textarea[name=text]", "First thought")
        phone.click("form.entry-form button[type=submit]")
        phone.wait_for_selector("#status.bad")  # trying again
        assert phone.is_disabled("textarea[name=text]")
        phone.evaluate("document.querySelector('textarea[name=text]').value = 'Changed'")
        connected.append(True)
        phone.wait_for_selector("#status.ok")
        assert len(bodies) >= 2 and len(set(bodies)) == 1, bodies
        assert not phone.is_disabled("textarea[name=text]")

        answered: list[int] = []

        def failing(route: Any) -> None:
            answered.append(500)
            route.fulfill(status=500, body="Internal Server Error", content_type="text/plain")

        phone.unroute("**/p/entry")
        phone.route("**/p/entry", failing)
        phone.fill("textarea[name=text]", "Second thought")
        phone.click("form.entry-form button[type=submit]")
        phone.locator("#status", has_text="(500)").wait_for(timeout=10_000)
        assert answered == [500]  # shown, not sent again
        assert phone.input_value("textarea[name=text]") == "Second thought"
        assert not phone.is_disabled("textarea[name=text]")
    finally:
        server.stop()
    assert [e.text for e in store.open(session_id).state().entries] == ["First thought"]


def _next_step(session: Any) -> None:
    """What the runner records when the step's time is up and the next one starts."""
    from facilitate.model.events import StepEnded, StepStarted

    run = session.state().runs[-1]
    step = run.steps[-1]
    ended = StepEnded(step.index, "completed", 60.0, 0.0, run_id=run.run_id)
    started = StepStarted(step.index + 1, "lens_pairs", None, 300.0, run_id=run.run_id)
    session.append_many([ended, started], author="Anna", role="facilitator")


def _limits() -> Any:
    from facilitate.web.guard import Limits

    return Limits()
