"""The archive on a real PostgreSQL (started by the test run): push, status, pull, report."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import psycopg
import pytest

from archive_helpers import (
    ROOT,
    add_note,
    archive_cli,
    archived_counts,
    eslov_copies,
    journal_records,
)
from cli_helpers import run_cli
from pg_server import PASSWORD, url_for


def test_a_second_push_inserts_nothing(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path, 3)
    first = archive_cli(tmp_path, archive_db, "push")
    assert first.exit_code == 0, first.stderr
    records = journal_records(tmp_path, ids[0])
    assert f"kommun-01: new, {records} record(s) pushed" in first.stdout
    assert archived_counts(archive_db) == {i: (records, records, records) for i in ids}

    second = archive_cli(tmp_path, archive_db, "push")
    assert second.exit_code == 0
    assert second.stdout.count("up to date") == 3
    assert "pushed: 0 record(s) of 3 session(s)" in second.stdout

    add_note(tmp_path, ids[1], "Biblioteket på lördagar")
    third = archive_cli(tmp_path, archive_db, "push", ids[1])
    assert "kommun-02: 1 new record(s) pushed" in third.stdout
    assert archived_counts(archive_db)[ids[1]] == (records + 1, records + 1, records + 1)


def test_status_says_what_is_new_pushed_and_to_push(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path, 2)
    before = archive_cli(tmp_path, archive_db, "status", "--json")
    assert [s["standing"] for s in json.loads(before.stdout)["sessions"]] == ["new", "new"]
    archive_cli(tmp_path, archive_db, "push", ids[0])
    add_note(tmp_path, ids[0], "En ny idé")
    status = archive_cli(tmp_path, archive_db, "status")
    assert status.exit_code == 0
    assert "kommun-01: 1 record(s) to push" in status.stdout
    assert "kommun-02: not archived yet" in status.stdout
    assert "archive: 1 session(s)" in status.stdout


def test_a_diverged_copy_is_reported_and_never_merged(tmp_path: Path, archive_db: str) -> None:
    laptop_a, laptop_b = tmp_path / "a", tmp_path / "b"
    (session_id,) = eslov_copies(laptop_a, 1)
    laptop_b.mkdir()
    os.system(f"cp -a {laptop_a / session_id} {laptop_b}")  # the USB stick's copy
    archive_cli(laptop_a, archive_db, "push")
    add_note(laptop_a, session_id, "Skrivet på dator A")
    add_note(laptop_b, session_id, "Skrivet på dator B")
    assert archive_cli(laptop_a, archive_db, "push").exit_code == 0
    before = archived_counts(archive_db)

    pushed = archive_cli(laptop_b, archive_db, "push")
    seq = journal_records(laptop_b, session_id)
    assert pushed.exit_code == 1
    assert f"kommun-01: DIVERGED at record {seq}" in pushed.stdout
    assert "1 session(s) diverged" in pushed.stderr
    assert archived_counts(archive_db) == before
    with psycopg.connect(archive_db) as conn:
        lines = [r[0] for r in conn.execute("SELECT line FROM facilitate.events").fetchall()]
    assert any("dator A" in line for line in lines)
    assert not any("dator B" in line for line in lines)

    status = archive_cli(laptop_b, archive_db, "status")
    assert status.exit_code == 1
    assert f"kommun-01: DIVERGED at record {seq}" in status.stdout


def _show(root: Path, session_id: str) -> dict:
    shown = run_cli(["--sessions-dir", str(root), "sessions", "show", session_id, "--json"])
    assert shown.exit_code == 0, shown.stderr
    data = json.loads(shown.stdout)
    data.pop("path")
    return data


def test_a_pulled_session_shows_as_the_original(tmp_path: Path, archive_db: str) -> None:
    laptop, elsewhere = tmp_path / "laptop", tmp_path / "elsewhere"
    ids = eslov_copies(laptop, 2)
    archive_cli(laptop, archive_db, "push")
    uuid = json.loads((laptop / ids[1] / "session.json").read_text())["uuid"]

    pulled = archive_cli(elsewhere, archive_db, "pull", uuid[:8])
    assert pulled.exit_code == 0, pulled.stderr
    assert f"pulled: {ids[1]}" in pulled.stdout and "read-only" in pulled.stdout
    assert _show(elsewhere, ids[1]) == _show(laptop, ids[1])
    journal = elsewhere / ids[1] / "journal.jsonl"
    assert journal.read_bytes() == (laptop / ids[1] / "journal.jsonl").read_bytes()
    assert stat.S_IMODE(journal.stat().st_mode) == 0o444

    again = archive_cli(elsewhere, archive_db, "pull", ids[1])
    assert again.exit_code == 2
    assert "is already here" in again.stderr
    writable = archive_cli(tmp_path / "third", archive_db, "pull", ids[0], "--writable")
    assert writable.exit_code == 0 and "writable" in writable.stdout
    assert stat.S_IMODE((tmp_path / "third" / ids[0] / "journal.jsonl").stat().st_mode) == 0o644


def test_the_report_from_the_archive_equals_the_local_one(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path, 3)
    add_note(tmp_path, ids[2], "Något bara kommun 3 har")
    archive_cli(tmp_path, archive_db, "push", "--programme", "mer-for-fler")
    archived = archive_cli(
        tmp_path, archive_db, "report", "--programme", "mer-for-fler", "--format", "json"
    )
    local = archive_cli(tmp_path, archive_db, "report", "--local", "--format", "json")
    assert archived.exit_code == 0, archived.stderr
    remote, here = json.loads(archived.stdout), json.loads(local.stdout)
    assert [s["id"] for s in remote["sessions"]] == sorted(ids)
    assert {s["programme"] for s in remote["sessions"]} == {"mer-for-fler"}
    for part in ("themes", "top", "times"):
        assert remote[part] == here[part], part
    assert remote["themes"] and remote["top"] and remote["times"]
    assert all(len(theme["sessions"]) == 3 for theme in remote["themes"])
    assert all(len(top["rows"]) >= 1 for top in remote["top"])

    later = archive_cli(tmp_path, archive_db, "report", "--since", "2018-04-01", "-f", "json")
    assert [s["id"] for s in json.loads(later.stdout)["sessions"]] == [ids[2]]
    markdown = archive_cli(tmp_path, archive_db, "report", "--programme", "mer-for-fler")
    assert "## Themes" in markdown.stdout and "| Method |" in markdown.stdout


def test_the_archive_tables_say_what_the_records_say(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path, 1)
    archive_cli(tmp_path, archive_db, "push")
    shown = _show(tmp_path, ids[0])
    with psycopg.connect(archive_db) as conn:
        runs = conn.execute("SELECT count(*) FROM facilitate.runs").fetchone()
        entries = conn.execute("SELECT count(*) FROM facilitate.entries").fetchone()
        themes = conn.execute("SELECT count(DISTINCT theme_id) FROM facilitate.theme_items")
        times = conn.execute("SELECT count(*) FROM facilitate.method_times").fetchone()
        theme_count = themes.fetchone()
    assert runs == (len(shown["runs"]),)
    assert entries == (
        shown["entries"] if isinstance(shown["entries"], int) else len(shown["entries"]),
    )
    assert theme_count is not None and theme_count[0] > 0
    assert times is not None and times[0] > 0
    report = json.loads(archive_cli(tmp_path, archive_db, "report", "-f", "json").stdout)
    with psycopg.connect(archive_db) as conn:
        in_sql = conn.execute(
            "SELECT method, runs, steps, round(planned_seconds::numeric, 3)::float,"
            " round(actual_seconds::numeric, 3)::float FROM facilitate.method_times"
        ).fetchall()
    by_report = [
        (t["method"], t["runs"], t["steps"], t["planned_seconds"], t["actual_seconds"])
        for t in report["times"]
        if t["steps"]
    ]
    assert sorted(in_sql) == sorted(by_report)  # the SQL view and the report agree


def test_export_reads_archived_sessions(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path / "laptop", 1)
    archive_cli(tmp_path / "laptop", archive_db, "push")
    local = run_cli(["--sessions-dir", str(tmp_path / "laptop"), "export", ids[0], "-f", "json"])
    remote = run_cli(
        ["--sessions-dir", str(tmp_path / "empty"), "export", ids[0], "-f", "json",
         "--archive", archive_db]
    )  # fmt: skip
    assert remote.exit_code == 0, remote.stderr
    assert json.loads(remote.stdout)["sessions"] == json.loads(local.stdout)["sessions"]


def test_a_wrong_password_is_one_line_without_the_password(
    tmp_path: Path, archive_server: tuple[str, int]
) -> None:
    eslov_copies(tmp_path, 1)
    wrong = "WrongHorse42"
    pushed = archive_cli(tmp_path, url_for(archive_server[1], wrong), "push")
    assert pushed.exit_code == 1
    lines = pushed.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert "password authentication failed" in lines[0]
    assert wrong not in pushed.stderr + pushed.stdout
    assert PASSWORD not in pushed.stderr
    assert "archivist:***@127.0.0.1" in lines[0]


def test_tls_is_asked_for_when_the_url_says_so(tmp_path: Path, archive_db: str) -> None:
    eslov_copies(tmp_path, 1)
    pushed = archive_cli(tmp_path, archive_db + "?sslmode=require", "push")
    assert pushed.exit_code == 1  # the throwaway server has no TLS: libpq refuses, as asked
    assert "SSL" in pushed.stderr and PASSWORD not in pushed.stderr


def test_no_url_and_no_psycopg_are_one_line_each(tmp_path: Path) -> None:
    eslov_copies(tmp_path, 1)
    no_url = run_cli(["--sessions-dir", str(tmp_path), "archive", "status"])
    assert no_url.exit_code == 2
    assert "FACILITATE_ARCHIVE_URL" in no_url.stderr
    code = (
        "import sys; sys.modules['psycopg'] = None\n"
        "from facilitate.cli.main import main\n"
        f"main(['--sessions-dir', {str(tmp_path)!r}, 'archive', 'push', '--db', 'postgresql://x@y/z'])"
    )
    env = {**os.environ, "FACILITATE_LANG": "sv"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT
    )
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [
        "fel: arkivet behöver psycopg, som inte är installerat: pip install 'facilitate[archive]'"
    ]


@pytest.mark.parametrize("command", ["push", "status", "pull", "report"])
def test_each_command_has_examples_in_both_languages(command: str) -> None:
    for lang, word in (("en", "Example"), ("sv", "Exempel")):
        shown = run_cli(["--lang", lang, "archive", command, "--help"])
        assert shown.exit_code == 0 and word in shown.stdout


def test_the_schema_is_applied_once_in_order_and_a_newer_one_refused(
    tmp_path: Path, archive_db: str
) -> None:
    from facilitate.archive.schema import migrate, migrations

    shipped = [m.version for m in migrations()]
    assert shipped == sorted(shipped) and shipped[0] == 1
    with psycopg.connect(archive_db, autocommit=True) as conn:
        assert migrate(conn) == shipped
        assert migrate(conn) == []
        rows = conn.execute("SELECT version FROM facilitate.schema_migrations ORDER BY 1")
        assert [r[0] for r in rows.fetchall()] == shipped
        conn.execute("INSERT INTO facilitate.schema_migrations VALUES (9999, 'future')")
    eslov_copies(tmp_path, 1)
    pushed = archive_cli(tmp_path, archive_db, "push")
    assert pushed.exit_code == 1
    assert "schema is version 9999" in pushed.stderr


def test_a_damaged_session_is_left_out_with_a_warning(tmp_path: Path, archive_db: str) -> None:
    ids = eslov_copies(tmp_path, 2)
    (tmp_path / ids[0] / "session.json").write_text("{ not json", encoding="utf-8")
    pushed = archive_cli(tmp_path, archive_db, "push")
    assert pushed.exit_code == 0, pushed.stderr
    assert f"{ids[0]}" in pushed.stderr and "session.json" in pushed.stderr
    assert sorted(archived_counts(archive_db)) == [ids[1]]
    named = archive_cli(tmp_path, archive_db, "push", ids[0])
    assert named.exit_code == 2 and len(named.stderr.strip().splitlines()) == 1


def test_an_id_two_laptops_used_is_pulled_by_its_uuid(tmp_path: Path, archive_db: str) -> None:
    eslov_copies(tmp_path / "a", 1)
    eslov_copies(tmp_path / "b", 1)  # the same id, another session
    archive_cli(tmp_path / "a", archive_db, "push")
    archive_cli(tmp_path / "b", archive_db, "push")
    both = archive_cli(tmp_path / "c", archive_db, "pull", "kommun-01")
    assert both.exit_code == 2
    assert "names several archived sessions" in both.stderr
    uuid = json.loads((tmp_path / "b" / "kommun-01" / "session.json").read_text())["uuid"]
    one = archive_cli(tmp_path / "c", archive_db, "pull", uuid)
    assert one.exit_code == 0, one.stderr
    assert json.loads((tmp_path / "c" / "kommun-01" / "session.json").read_text())["uuid"] == uuid
    assert archive_cli(tmp_path / "c", archive_db, "pull", "%").exit_code == 2
