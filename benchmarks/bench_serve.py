"""A room of 350 phones on `facilitate serve`'s web room, on 127.0.0.1.

Each run makes a fresh session (the storytelling run at its listening step) and serves it
from a second process (uvicorn, the room's code as `facilitate serve` runs it, its rate
limit and its streams per address raised: every phone here has the same address; its
bounds on connections are `facilitate serve`'s). 350 simulated phones (plain HTTP/1.1
over asyncio sockets) connect to the event stream; then each sends one note and, at the
same moment, its retry with the same id. Reported: the confirmation latency (from sending
both to both answers; p50, p95, max; the target is a p95 under 1 s), the time until every
stream has seen the final count, the CPU time the server used for it (on a shared machine
the latency is that time stretched by the other programs' share), and the check that the
journal holds exactly 350 entries.

Run it from the repository root::

    .venv/bin/python benchmarks/bench_serve.py             # three rooms, about half a minute
    .venv/bin/python benchmarks/bench_serve.py --quick     # one room
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from facilitate.model.events import EntryAdded  # noqa: E402

from web_helpers import free_port, simulate_room, story_session  # noqa: E402

PHONES = 350


def serve(folder: str, session_id: str, port: int) -> None:
    """The server process: the session's room on 127.0.0.1:``port``."""
    import uvicorn

    from facilitate.app.methods import Methods
    from facilitate.store.store import SessionStore
    from facilitate.web.app import create_app
    from facilitate.web.guard import Limits
    from facilitate.web.room import RoomConfig, WebRoom
    from facilitate.web.server import server_config

    limits = Limits(burst=100_000, per_second=100_000, streams=100_000)
    config = RoomConfig(base_url=f"http://127.0.0.1:{port}", limits=limits)
    room = WebRoom(SessionStore(Path(folder)), Methods(ROOT, {}), session_id, config)
    print(room.settings.access.token, flush=True)
    uvicorn.Server(server_config(create_app(room), host="127.0.0.1", port=port)).run()


def one_room(phones: int) -> tuple[list[float], float, float]:
    with tempfile.TemporaryDirectory() as folder:
        store, session_id = story_session(Path(folder))
        port = free_port()
        args = [sys.executable, __file__, "--serve", folder, session_id, str(port)]
        server = subprocess.Popen(args, stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            token = server.stdout.readline().strip()
            base = f"http://127.0.0.1:{port}"
            _wait_for(base)
            place = store.open(session_id).state().runs[-1].run_id + "/storytelling"
            before = cpu_seconds(server.pid)
            run = asyncio.run(simulate_room(base, token, place, phones))
            used = cpu_seconds(server.pid) - before
        finally:
            server.terminate()
            server.wait(20)
        added = [
            r.event for r in store.open(session_id).records() if isinstance(r.event, EntryAdded)
        ]
        ids = Counter(e.entry_id for e in added)
        assert len(added) == phones and max(ids.values()) == 1, "entries lost or doubled"
        assert run.final_counts == [phones] * phones, "a stream missed the final count"
        assert run.duplicates == phones
        return run.latencies, run.seconds, used


def cpu_seconds(pid: int) -> float:
    """The CPU time (user and system) process ``pid`` has used (Linux's /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wait_for(base: str) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/", timeout=2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one room instead of three")
    parser.add_argument("--phones", type=int, default=PHONES)
    parser.add_argument(
        "--serve", nargs=3, metavar=("FOLDER", "SESSION", "PORT"), help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], args.serve[1], int(args.serve[2]))
        return
    print(f"{args.phones} phones, each one note and its retry at once; {os.cpu_count()} CPUs")
    for n in range(1 if args.quick else 3):
        latencies, seconds, cpu = one_room(args.phones)
        ordered = sorted(latencies)
        p50 = ordered[len(ordered) // 2]
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(
            f"room {n + 1}: confirmed p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms, "
            f"max {ordered[-1] * 1000:.0f} ms; every stream at {args.phones} after "
            f"{seconds:.2f} s; the server used {cpu:.2f} CPU-s; "
            f"journal: {args.phones} entries, none doubled"
        )


if __name__ == "__main__":
    main()
