"""A throwaway PostgreSQL server for the archive's tests and benchmark (Debian's postgresql).

:func:`throwaway_server` makes a data directory in a temporary folder, starts the server on
a free port of 127.0.0.1 (its socket in that folder too), yields the URL of a database with
a password, and stops the server and removes the folder at the end. initdb refuses to run
as root, so as root it runs as the ``postgres`` user. The pytest fixture ``archive_db``
(one server for the whole test run) is defined here and loaded by ``conftest.py``; under CI
(``CI=true``) a missing PostgreSQL fails the tests instead of skipping them.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

USER = "archivist"
PASSWORD = "s3cret-Pässword"  # with a character a URL must quote
DATABASE = "workshops"


def postgres_bin() -> Path | None:
    """The folder of initdb and pg_ctl (the newest Debian postgresql installed), or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=_version)
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _version(path: str) -> int:
    part = Path(path).parts[-3]
    return int(part) if part.isdigit() else 0


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _as_owner(command: list[str]) -> list[str]:
    """``command`` run as the postgres user when we are root (initdb refuses root)."""
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def url_for(port: int, password: str = PASSWORD) -> str:
    from urllib.parse import quote

    return f"postgresql://{USER}:{quote(password, safe='')}@127.0.0.1:{port}/{DATABASE}"


@contextlib.contextmanager
def throwaway_server(binaries: Path) -> Iterator[tuple[str, int]]:
    """A running server: yields (URL with the password, port); stopped and removed after."""
    folder = Path(tempfile.mkdtemp(prefix="facilitate-pg-"))
    data = folder / "data"
    password_file = folder / "password"
    password_file.write_text(PASSWORD + "\n", encoding="utf-8")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(password_file, "postgres")
    port = _free_port()
    run = {"check": True, "capture_output": True, "text": True}
    subprocess.run(
        _as_owner(
            [str(binaries / "initdb"), "-D", str(data), "-U", USER, "--pwfile",
             str(password_file), "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]
        ),
        **run,
    )  # fmt: skip
    options = f"-p {port} -k {folder} -h 127.0.0.1 -F -c synchronous_commit=off"
    pg_ctl = [str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log")]
    subprocess.run(_as_owner([*pg_ctl, "-w", "-o", options, "start"]), **run)
    try:
        env = {**os.environ, "PGPASSWORD": PASSWORD}
        subprocess.run(
            [str(binaries / "createdb"), "-h", "127.0.0.1", "-p", str(port), "-U", USER, DATABASE],
            env=env,
            **run,
        )
        yield url_for(port), port
    finally:
        subprocess.run(_as_owner([*pg_ctl, "-m", "immediate", "stop"]), capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def archive_server() -> Iterator[tuple[str, int]]:
    """One PostgreSQL server for the whole run: (URL, port)."""
    binaries = postgres_bin()
    if binaries is None:
        reason = "PostgreSQL (initdb, pg_ctl) is not installed"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: .ci/run installs it; the archive's tests must run in CI")
        pytest.skip(reason)
    with throwaway_server(binaries) as server:
        yield server


@pytest.fixture
def archive_db(archive_server: tuple[str, int]) -> Iterator[str]:
    """The archive's URL, with an empty archive (the facilitate schema dropped before)."""
    import psycopg

    url = archive_server[0]
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA IF EXISTS facilitate CASCADE")
    yield url
