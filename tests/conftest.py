"""Shared fixtures: the archive's throwaway PostgreSQL server (tests/pg_server.py), and a
method cache of the test run's own (never the user's ``~/.cache``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

pytest_plugins = ["pg_server"]


@pytest.fixture(scope="session", autouse=True)
def own_method_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Commands run by the tests, in-process or as child processes, keep validated methods
    in a folder of the run's own."""
    before = os.environ.get("FACILITATE_CACHE_DIR")
    os.environ["FACILITATE_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop("FACILITATE_CACHE_DIR", None)
    else:
        os.environ["FACILITATE_CACHE_DIR"] = before
