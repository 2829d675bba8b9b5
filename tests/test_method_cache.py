"""Validated methods are kept between commands and never served for a text they were not
validated from: a changed file, a damaged entry or a folder that cannot be written still gives
the library's own answer."""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import facilitate.library.method_cache as method_cache
from facilitate.library.method_cache import (
    CHECKING_MODULES,
    CHECKING_PACKAGES,
    MethodCache,
    cache_dir,
)
from facilitate.library.method_labels import read_method_labels
from facilitate.library.methods import bundled_dir, load_library

from cli_helpers import run_cli

WORLD_CAFE = (bundled_dir() / "world-cafe.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty project folder and user config dir, and an empty cache of this test's own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACILITATE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("FACILITATE_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "methods").mkdir()
    return tmp_path


def entries(isolated: Path) -> list[Path]:
    """The kept methods (not their labels)."""
    kept = (isolated / "cache" / "methods").glob("*/*.pickle")
    return sorted(path for path in kept if not path.name.endswith(".labels.pickle"))


def world_cafe_row(stdout: str) -> str:
    return next(line for line in stdout.splitlines() if line.startswith("world-cafe"))


def test_a_listing_keeps_each_method_and_the_next_gives_the_same_methods(isolated: Path) -> None:
    first = run_cli(["methods", "list"])
    kept = entries(isolated)
    assert len(kept) == len(list(bundled_dir().glob("*.yaml")))
    again = run_cli(["methods", "list"])
    assert again.stdout == first.stdout and again.exit_code == 0
    fresh = load_library(env={"FACILITATE_CACHE_DIR": "off"}).methods
    cached = load_library().methods
    assert {k: m.method for k, m in cached.items()} == {k: m.method for k, m in fresh.items()}


def test_a_kept_methods_labels_are_read_without_yaml_and_equal_its_files(isolated: Path) -> None:
    run_cli(["methods", "list"])  # validates and keeps every bundled method
    script = (
        "import sys, pathlib, os\n"
        "from facilitate.library.method_labels import read_method_labels\n"
        "labels = read_method_labels('world-cafe', pathlib.Path.cwd(), dict(os.environ))\n"
        "print(labels.name.en, sorted(labels.parameters), 'yaml' in sys.modules)\n"
    )
    # (the package this test imports, installed or not: the cache is named after its code)
    command = [sys.executable, "-c", script]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    fresh = load_library(env={"FACILITATE_CACHE_DIR": "off"}).methods["world-cafe"].method
    assert done.stdout.split(" ", 1)[0] == fresh.name.en.split(" ", 1)[0]
    assert done.stdout.strip().endswith(f"{sorted(fresh.parameters)} False")


def test_labels_are_not_served_for_a_copy_under_another_name(isolated: Path) -> None:
    (isolated / "methods" / "world-cafe.yaml").write_text(WORLD_CAFE, encoding="utf-8")
    run_cli(["methods", "list"])  # keeps it, with its labels
    (isolated / "methods" / "other.yaml").write_text(WORLD_CAFE, encoding="utf-8")
    assert read_method_labels("world-cafe", isolated, dict(os.environ)) is not None
    assert read_method_labels("other", isolated, dict(os.environ)) is None  # as the library


def test_a_damaged_labels_entry_is_not_served(isolated: Path) -> None:
    run_cli(["methods", "list"])
    for path in (isolated / "cache" / "methods").glob("*/*.labels.pickle"):
        path.write_bytes(pickle.dumps((path.name.split(".")[0], "world-cafe", "not labels")))
    labels = read_method_labels("world-cafe", isolated, dict(os.environ))
    fresh = load_library(env={"FACILITATE_CACHE_DIR": "off"}).methods["world-cafe"].method
    assert labels is not None and labels.name == fresh.name


def test_a_changed_method_file_is_read_again_not_served_from_the_cache(isolated: Path) -> None:
    path = isolated / "methods" / "world-cafe.yaml"
    path.write_text(WORLD_CAFE.replace("en: World Café", "en: Our Café", 1), encoding="utf-8")
    assert "Our Café" in world_cafe_row(run_cli(["methods", "list"]).stdout)
    path.write_text(WORLD_CAFE.replace("en: World Café", "en: Their Café", 1), encoding="utf-8")
    row = world_cafe_row(run_cli(["methods", "list"]).stdout)
    assert "Their Café" in row and "Our Café" not in row


@pytest.mark.parametrize(
    "damage",
    [b"", b"not a pickle", pickle.dumps(("another key", "not a method")), pickle.dumps(42)],
    ids=["empty", "garbage", "foreign", "not-a-pair"],
)
def test_a_damaged_entry_is_ignored_and_written_again(isolated: Path, damage: bytes) -> None:
    first = run_cli(["methods", "list"])
    for entry in entries(isolated):
        entry.write_bytes(damage)
    again = run_cli(["methods", "list"])
    assert again.exit_code == 0 and again.stdout == first.stdout
    assert all(entry.read_bytes() != damage for entry in entries(isolated))


def test_an_entry_under_another_files_name_is_not_served(isolated: Path) -> None:
    """An entry copied under the name of another text's key holds that other key: refused."""
    cache = MethodCache.of(os.environ)
    run_cli(["methods", "list"])
    assert cache.folder is not None
    strict = MethodCache.key(WORLD_CAFE, strict_languages=True)
    other = MethodCache.key(WORLD_CAFE + "\n# changed\n", strict_languages=True)
    (cache.folder / f"{other}.pickle").write_bytes((cache.folder / f"{strict}.pickle").read_bytes())
    assert cache.get(strict) is not None
    assert cache.get(other) is None


def test_a_broken_method_is_never_kept_and_its_problem_is_named_each_time(isolated: Path) -> None:
    (isolated / "methods" / "broken.yaml").write_text("schema_version: 1\nid: [\n", "utf-8")
    for _ in range(2):
        result = run_cli(["methods", "list"])
        assert result.exit_code == 0 and "world-cafe" in result.stdout
        assert "methods/broken.yaml:" in result.stderr
    assert len(entries(isolated)) == len(list(bundled_dir().glob("*.yaml")))


def test_a_cache_folder_that_cannot_be_made_keeps_nothing_and_loses_nothing(
    isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = isolated / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FACILITATE_CACHE_DIR", str(blocker))
    result = run_cli(["methods", "show", "world-cafe"])
    assert result.exit_code == 0 and "World Café" in result.stdout
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_off_keeps_nothing(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FACILITATE_CACHE_DIR", "off")
    assert run_cli(["methods", "list"]).exit_code == 0
    assert not (isolated / "cache").exists()


def test_the_cache_folder_is_the_users_own(isolated: Path) -> None:
    run_cli(["methods", "list"])
    assert (isolated / "cache" / "methods").stat().st_mode & 0o777 == 0o700
    assert all(entry.parent.stat().st_mode & 0o777 == 0o700 for entry in entries(isolated))


def test_the_cache_folder_is_given_absolute_or_off() -> None:
    assert cache_dir({"FACILITATE_CACHE_DIR": "/c"}) == Path("/c/methods")
    for off in ("off", "OFF", "relative/folder", ".cache"):
        assert cache_dir({"FACILITATE_CACHE_DIR": off}) is None


def test_an_entry_others_may_write_is_not_read(isolated: Path) -> None:
    """A folder that is not the user's alone (here: writable by all) is not trusted."""
    run_cli(["methods", "list"])
    folder = entries(isolated)[0].parent
    cache = MethodCache(folder)
    key = MethodCache.key(WORLD_CAFE, strict_languages=True)
    assert cache.get(key) is not None
    folder.chmod(0o777)
    assert cache.get(key) is None
    result = run_cli(["methods", "show", "world-cafe"])
    assert result.exit_code == 0 and "World Café" in result.stdout


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs chown")
def test_an_entry_of_another_user_is_not_read(isolated: Path) -> None:
    run_cli(["methods", "list"])
    entry = entries(isolated)[0]
    os.chown(entry, 65534, 65534)
    kept_key = pickle.loads(entry.read_bytes())[0]
    assert MethodCache(entry.parent).get(kept_key) is None


def test_the_first_entry_of_new_code_removes_older_codes_entries(isolated: Path) -> None:
    old = isolated / "cache" / "methods" / "0123456789abcdef01234567"
    old.mkdir(parents=True)
    (old / "x.pickle").write_bytes(b"old")
    run_cli(["methods", "list"])
    assert not old.exists() and entries(isolated)


def test_every_module_validation_uses_is_in_the_fingerprint() -> None:
    """What a method file validates to is decided by the model and the library (errors and
    messages only word a failure, which is never kept)."""
    script = (
        "import sys\n"
        "from facilitate.library.methods import bundled_dir, parse_method\n"
        "from facilitate.model.expand import build_timeline\n"
        "for path in sorted(bundled_dir().glob('*.yaml')):\n"
        "    build_timeline(parse_method(path.read_text('utf-8'), path.name))\n"
        "print('\\n'.join(m for m in sys.modules if m.startswith('facilitate.')))\n"
    )
    used = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout.split()
    words_only = ("facilitate.errors", "facilitate.i18n")
    outside = [
        name
        for name in used
        if name.split(".")[1] not in CHECKING_PACKAGES + CHECKING_MODULES
        and not name.startswith(words_only)
    ]
    assert "facilitate.model.method" in used and outside == []


def test_a_changed_checking_file_changes_the_fingerprint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "facilitate"
    for part in CHECKING_PACKAGES:
        shutil.copytree(method_cache._PACKAGE / part, package / part)
    for name in ("__init__", *CHECKING_MODULES):
        shutil.copy(method_cache._PACKAGE / f"{name}.py", package / f"{name}.py")
    monkeypatch.setattr(method_cache, "_PACKAGE", package)
    before = method_cache._fingerprint()
    rule = package / "model" / "entry_kinds.py"
    rule.write_text(rule.read_text("utf-8").replace('"dots", ', ""), "utf-8")
    assert before is not None and method_cache._fingerprint() != before
    for part in CHECKING_PACKAGES:
        shutil.rmtree(package / part)
    assert method_cache._fingerprint() is None  # no source to name: nothing is kept


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_the_cache_folder_follows_xdg() -> None:
    assert cache_dir({"XDG_CACHE_HOME": "/x", "HOME": "/h"}) == Path("/x/facilitate/methods")
    assert cache_dir({"HOME": "/h"}) == Path("/h/.cache/facilitate/methods")


def test_an_upgraded_validating_package_changes_the_fingerprint(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A new pydantic (or pydantic-core, or PyYAML) may validate differently: its files name
    the code too, read without importing it."""
    before = method_cache._fingerprint()
    fake = tmp_path / "pydantic"
    fake.mkdir()
    (fake / "version.py").write_text("VERSION = '9.9'\n", encoding="utf-8")
    real = method_cache._module_folder
    monkeypatch.setattr(
        method_cache, "_module_folder", lambda name: fake if name == "pydantic" else real(name)
    )
    assert before is not None and method_cache._fingerprint() not in (None, before)
