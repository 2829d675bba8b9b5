"""Run a program in a pseudo-terminal and measure what it costs while it sits there.

Like a real terminal, the harness drains everything the program writes. Every second it
samples, for all the program's threads, the time spent on a CPU
(``/proc/<pid>/task/*/schedstat``, nanoseconds) and the context switches
(``voluntary_ctxt_switches`` + ``nonvoluntary_ctxt_switches`` in ``status``): each switch
is the program going to sleep or being woken, so their rate is the wake-up rate.
Linux only.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Sample:
    at: float
    cpu_ns: int
    switches: int
    out_bytes: int


@dataclass
class PtyRun:
    """What one program did in the pty."""

    argv: list[str]
    samples: list[Sample] = field(default_factory=list)
    rusage_cpu: float = 0.0
    exit_status: int = 0

    def steady(self, warmup: float) -> tuple[float, float, float]:
        """CPU seconds per minute, wake-ups per second and bytes per second after ``warmup``."""
        start = next(s for s in self.samples if s.at >= warmup)
        end = self.samples[-1]
        span = end.at - start.at
        if span <= 0:
            raise ValueError("measurement window too short")
        cpu = (end.cpu_ns - start.cpu_ns) / 1e9 / span * 60
        wakeups = (end.switches - start.switches) / span
        out = (end.out_bytes - start.out_bytes) / span
        return cpu, wakeups, out


def _task_stats(pid: int) -> tuple[int, int]:
    cpu = switches = 0
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            cpu += int((task / "schedstat").read_text().split()[0])
            for line in (task / "status").read_text().splitlines():
                if line.startswith(("voluntary_ctxt_switches", "nonvoluntary_ctxt_switches")):
                    switches += int(line.split()[1])
        except (FileNotFoundError, ProcessLookupError):
            continue
    return cpu, switches


def run_in_pty(
    argv: list[str],
    seconds: float,
    *,
    rows: int = 40,
    cols: int = 120,
    env: dict[str, str] | None = None,
    cwd: str | None = None,
    stop_signal: int = signal.SIGTERM,
) -> PtyRun:
    """Run ``argv`` in a ``cols`` x ``rows`` pty for ``seconds``, then stop it and reap it."""
    env = dict(env or os.environ)
    env.setdefault("TERM", "xterm-256color")
    pid, fd = pty.fork()
    if pid == 0:  # the child: size the terminal, then become the program
        try:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            if cwd:
                os.chdir(cwd)
            os.execvpe(argv[0], argv, env)
        finally:
            os._exit(127)
    run = PtyRun(argv)
    begin = time.monotonic()
    next_sample = begin
    out_bytes = 0
    status = None
    try:
        while True:
            now = time.monotonic()
            if now >= next_sample:
                try:
                    cpu, switches = _task_stats(pid)
                except FileNotFoundError:
                    break
                run.samples.append(Sample(now - begin, cpu, switches, out_bytes))
                next_sample += 1.0
                if now - begin >= seconds:
                    break
            readable, _, _ = select.select([fd], [], [], max(0.0, next_sample - time.monotonic()))
            if readable:
                try:
                    data = os.read(fd, 65536)
                except OSError:
                    data = b""
                if not data:
                    break
                out_bytes += len(data)
        os.kill(pid, stop_signal)
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline and status is None:
            readable, _, _ = select.select([fd], [], [], 0.05)
            if readable:
                with contextlib.suppress(OSError):
                    os.read(fd, 65536)
            done, code, usage = os.wait4(pid, os.WNOHANG)
            if done:
                status, run.rusage_cpu = code, usage.ru_utime + usage.ru_stime
        if status is None:
            os.kill(pid, signal.SIGKILL)
    finally:
        if status is None:
            _, status, usage = os.wait4(pid, 0)
            run.rusage_cpu = usage.ru_utime + usage.ru_stime
        os.close(fd)
    run.exit_status = os.waitstatus_to_exitcode(status)
    return run
