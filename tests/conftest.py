"""Shared fixtures: the archive's throwaway PostgreSQL server (tests/pg_server.py)."""

pytest_plugins = ["pg_server"]
