"""A plan that validated is kept as its programme (``plan show`` again reads no YAML and no
model), and what is shown is always the plan file and the methods as they are now."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest

from cli_helpers import run_cli

ROOT = Path(__file__).resolve().parent.parent
PLAN = """schema_version: 1
id: kort
title: Kort dag
start: '09:00'
blocks:
  - method: 1-2-4-all
  - item: coffee
    title: Fika
    minutes: 15
"""


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty folder with the plan ``kort`` in ./plans, and a cache of its own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "plans").mkdir()
    (tmp_path / "plans" / "kort.yaml").write_text(PLAN, encoding="utf-8")
    return tmp_path


def show() -> str:
    done = run_cli(["plan", "show", "kort"])
    assert done.exit_code == 0, done.stderr
    return done.stdout


def kept(folder: Path) -> list[Path]:
    return sorted((folder / "cache").rglob("*.plan.pickle"))


def test_a_plan_shown_again_is_read_from_what_was_kept(isolated: Path) -> None:
    first = show()
    assert "09:00–09:12" in first and "09:12–09:27  Fika" in first
    assert len(kept(isolated)) == 1
    assert show() == first


def test_a_changed_plan_is_shown_as_it_is_now(isolated: Path) -> None:
    show()
    plan = isolated / "plans" / "kort.yaml"
    plan.write_text(PLAN.replace("minutes: 15", "minutes: 30"), encoding="utf-8")
    assert "09:12–09:42  Fika" in show()


def test_a_changed_method_the_plan_uses_is_shown_as_it_is_now(isolated: Path) -> None:
    show()
    (isolated / "methods").mkdir()
    method = (ROOT / "methods" / "1-2-4-all.yaml").read_text(encoding="utf-8")
    longer = method.replace("    minutes: 4\n", "    minutes: 9\n", 1)
    assert longer != method
    (isolated / "methods" / "1-2-4-all.yaml").write_text(longer, encoding="utf-8")
    shown = show()
    assert "09:00–09:17" in shown and "09:17–09:32  Fika" in shown
    (isolated / "methods" / "1-2-4-all.yaml").unlink()
    assert "09:12–09:27  Fika" in show()


def test_a_kept_plan_whose_method_is_gone_is_refused(isolated: Path) -> None:
    (isolated / "methods").mkdir()
    method = (ROOT / "methods" / "1-2-4-all.yaml").read_text(encoding="utf-8")
    own = isolated / "methods" / "var-1-2-4.yaml"
    own.write_text(method.replace("id: 1-2-4-all", "id: var-1-2-4", 1), encoding="utf-8")
    plan = isolated / "plans" / "kort.yaml"
    plan.write_text(PLAN.replace("method: 1-2-4-all", "method: var-1-2-4"), encoding="utf-8")
    assert "09:12–09:27  Fika" in show()
    own.unlink()
    done = run_cli(["plan", "show", "kort"])
    assert done.exit_code == 2
    assert done.stderr.startswith("error: plans/kort.yaml:6:") and "var-1-2-4" in done.stderr


def test_a_damaged_or_foreign_entry_is_ignored_and_written_again(isolated: Path) -> None:
    first = show()
    (entry,) = kept(isolated)
    entry.write_bytes(b"\x80\x05not a pickle")
    assert show() == first
    assert pickle.loads(entry.read_bytes())[0] == entry.name.split(".")[0]
    other = PLAN.replace("title: Kort dag", "title: Annan dag")
    (isolated / "plans" / "kort.yaml").write_text(other, encoding="utf-8")
    assert "Annan dag" in show()
    foreign = next(p for p in kept(isolated) if p != entry)
    shutil.copyfile(foreign, entry)  # another plan's programme under this plan's name
    (isolated / "plans" / "kort.yaml").write_text(PLAN, encoding="utf-8")
    assert show() == first


def test_a_plan_checked_after_it_was_kept_still_names_its_lines(isolated: Path) -> None:
    plan = isolated / "plans" / "kort.yaml"
    plan.write_text(PLAN.replace("start: '09:00'", "start: '09:00'\nend: '09:20'"), "utf-8")
    show()
    assert kept(isolated)
    done = run_cli(["plan", "check", "kort"])
    assert done.exit_code == 2
    assert "plans/kort.yaml:5:6: end: the end at 09:20 cannot be met" in done.stderr


def test_a_plan_whose_time_zone_could_not_be_checked_is_not_kept(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import zoneinfo

    plan = isolated / "plans" / "kort.yaml"
    plan.write_text(PLAN.replace("start: '09:00'", "start: '09:00'\ntimezone: Europe/Stockholmm"))
    with monkeypatch.context() as without_database:  # (a machine without time zone data)
        without_database.setattr(zoneinfo, "available_timezones", set)
        without_database.setattr(zoneinfo, "ZoneInfo", _no_zone)
        assert "Fika" in show()
    assert kept(isolated) == []
    done = run_cli(["plan", "show", "kort"])
    assert done.exit_code == 2 and "Europe/Stockholm" in done.stderr


def _no_zone(name: str) -> object:
    import zoneinfo

    raise zoneinfo.ZoneInfoNotFoundError(name)
