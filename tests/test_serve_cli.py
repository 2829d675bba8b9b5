"""`facilitate serve` as a process: what it prints, a page it serves, Ctrl-C, a busy port."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from cli_helpers import run_cli
from web_helpers import free_port, story_session


def _serve(
    sessions: Path, session_id: str, port: int, host: str = "127.0.0.1"
) -> subprocess.Popen[str]:
    env = {**os.environ, "FACILITATE_LANG": "en", "FACILITATE_SESSIONS": str(sessions)}
    args = [sys.executable, "-m", "facilitate", "--lang", "en", "serve", session_id]
    args += ["--port", str(port)]
    return subprocess.Popen(
        [*args, "--host", host],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _read_until(process: subprocess.Popen[str], marker: str) -> str:
    assert process.stdout is not None
    seen = ""
    deadline = time.monotonic() + 30
    while marker not in seen:
        assert time.monotonic() < deadline, seen
        line = process.stdout.readline()
        assert line, seen + (process.stderr.read() if process.stderr else "")
        seen += line
    return seen


def _get(url: str) -> int:
    """The status of ``url`` (redirects followed with their cookies), once it answers."""
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
    deadline = time.monotonic() + 20
    while True:
        try:
            with opener.open(url, timeout=5) as answer:
                return int(answer.status)
        except urllib.error.HTTPError as error:
            return int(error.code)
        except OSError:
            assert time.monotonic() < deadline, "the server did not answer"
            time.sleep(0.05)


def test_serve_prints_the_address_and_code_serves_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    _, session_id = story_session(tmp_path / "sessions")
    port = free_port()
    process = _serve(tmp_path / "sessions", session_id, port)
    try:
        printed = _read_until(process, "Ctrl-C")
        code = re.search(r"Join code: ([A-Z0-9]{6})", printed)
        assert code is not None, printed
        assert f"http://127.0.0.1:{port}/" in printed
        assert "▀" in printed or "█" in printed  # the QR code, drawn on the terminal
        assert _get(f"http://127.0.0.1:{port}/p") == 403
        assert _get(f"http://127.0.0.1:{port}/j/{code[1]}") == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(20)
    stderr = process.stderr.read() if process.stderr else ""
    assert process.returncode == 130, stderr  # the project's exit code for an interrupt
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1, stderr


def test_a_busy_port_is_one_line_and_exit_2(tmp_path: Path) -> None:
    _, session_id = story_session(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        args = ["--sessions-dir", str(tmp_path), "serve", session_id, "--host", "127.0.0.1"]
        result = run_cli([*args, "--port", str(port)])
    assert result.exit_code == 2
    assert result.stderr.strip().count("\n") == 0
    assert f"fel: Kan inte lyssna på 127.0.0.1:{port}" in result.stderr  # (the session's)


def _ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError:
        return False
    return True


@pytest.mark.skipif(not _ipv6_loopback(), reason="no IPv6 loopback here")
def test_an_ipv6_host_is_announced_in_brackets(tmp_path: Path) -> None:
    _, session_id = story_session(tmp_path / "sessions")
    port = free_port()
    process = _serve(tmp_path / "sessions", session_id, port, host="::1")
    try:
        printed = _read_until(process, "Ctrl-C")
        code = re.search(r"Join code: ([A-Z0-9]{6})", printed)
        assert code is not None, printed
        assert f"  http://[::1]:{port}/\n" in printed
        assert f"http://[::1]:{port}/j/{code[1]}?to=screen" in printed  # the QR's address too
        assert "http://::1" not in printed
        assert _get(f"http://[::1]:{port}/j/{code[1]}") == 200
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(20)


def test_a_url_names_an_ipv6_address_in_brackets() -> None:
    from facilitate.cli.serve import url_host

    assert [url_host(a) for a in ("::1", "[fe80::1]", "192.168.1.20", "laptop.local")] == [
        "[::1]",
        "[fe80::1]",
        "192.168.1.20",
        "laptop.local",
    ]


def test_serve_says_so_when_room_json_was_damaged(tmp_path: Path) -> None:
    store, session_id = story_session(tmp_path / "sessions")
    folder = Path(store.open(session_id).path)
    (folder / "room.json").write_text("{not json")
    process = _serve(tmp_path / "sessions", session_id, free_port())
    try:
        _read_until(process, "Ctrl-C")
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(20)
    stderr = process.stderr.read() if process.stderr else ""
    assert f"warning: {folder / 'room.json'} could not be read" in stderr
    assert (folder / "room.json.damaged").read_text() == "{not json"
