"""The real clocks: monotonic for deadlines, wall time for the journal and clock targets.

Everything that needs the time takes a clock as a parameter; tests pass a fake one.
"""

from __future__ import annotations

import time
from datetime import datetime


class SystemClock:
    """The real clocks."""

    def monotonic(self) -> float:
        return time.monotonic()

    def time(self) -> float:
        return time.time()

    def utc_offset(self, wall: float) -> float:
        return float(time.localtime(wall).tm_gmtoff)


def local_now() -> datetime:
    """The current wall-clock time with the local UTC offset."""
    return datetime.now().astimezone()
