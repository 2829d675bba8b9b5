"""The rows folded from a session's records (runs, steps, entries), kept in step with them.

They are replaced whole, in the transaction that adds the records, so they always say what
the archived records say (the records stay the truth; these are for SQL queries).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from facilitate.model.session import SessionState

if TYPE_CHECKING:
    import psycopg

_RUNS = "session_uuid, run_id, number, method, started_at, progress, params"
_STEPS = (
    "session_uuid, run_number, position, segment, step, round, planned_seconds, actual_seconds,"
    " outcome, started_at"
)
_ENTRIES = (
    "session_uuid, entry_id, run_id, kind, step, round, text, dims, value, author, added_at,"
    " added_seq"
)


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def replace_folded(conn: psycopg.Connection, session_uuid: str, state: SessionState) -> None:
    """Replace the session's runs, steps and entries with those of ``state``."""
    for table in ("entries", "steps", "runs"):
        conn.execute(f"DELETE FROM facilitate.{table} WHERE session_uuid = %s", (session_uuid,))
    with conn.cursor() as cursor:
        with cursor.copy(f"COPY facilitate.runs ({_RUNS}) FROM STDIN") as out:
            for run in state.runs:
                out.write_row((session_uuid, run.run_id, run.number, run.method,
                               run.started_at, run.progress, _json(run.params)))  # fmt: skip
        with cursor.copy(f"COPY facilitate.steps ({_STEPS}) FROM STDIN") as out:
            for run in state.runs:
                for position, step in enumerate(run.steps):
                    out.write_row((session_uuid, run.number, position, step.index, step.step,
                                   step.round, step.planned_seconds, step.elapsed_seconds,
                                   step.outcome, step.started_at))  # fmt: skip
        with cursor.copy(f"COPY facilitate.entries ({_ENTRIES}) FROM STDIN") as out:
            for entry in state.entries:
                out.write_row((session_uuid, entry.entry_id, entry.run_id, entry.kind,
                               entry.step, entry.round, entry.text, _json(entry.dims),
                               None if entry.value is None else _json(entry.value),
                               entry.author, entry.added_at, entry.added_seq))  # fmt: skip
