"""Shared fixtures: the archive's throwaway PostgreSQL server (tests/pg_server.py), and a
method cache of the test run's own (never the user's ``~/.cache``)."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest

pytest_plugins = ["pg_server"]


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is imported: commands run by the tests, in-process or as child
    processes, keep validated methods in a folder of the run's own."""
    folder = tempfile.mkdtemp(prefix="facilitate-test-cache-")
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    os.environ["FACILITATE_CACHE_DIR"] = folder
