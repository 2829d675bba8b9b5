"""The options every live run takes (``run``, ``timer``, ``sessions resume``), checked."""

from __future__ import annotations

from facilitate.errors import UsageError
from facilitate.i18n.messages import message
from facilitate.model.timer import parse_warnings
from facilitate.records import Record

MAX_SPEED = 1_000_000
"""Fastest rehearsal: a 12-hour step in a twentieth of a second."""


class RunOptions(Record):
    """How a run goes: warning times, quiet, auto-advance and the rehearsal speed."""

    warnings: tuple[float, ...] | None = None
    quiet: bool = False
    auto_advance: bool = False
    speed: float = 1.0

    @classmethod
    def parse(
        cls, *, warn: str | None, quiet: bool, auto_advance: bool, speed: float
    ) -> RunOptions:
        """Check the options as given (``warn`` like "2m,30s" or "none"); UsageError if bad."""
        if not 0 < speed <= MAX_SPEED:  # also refuses nan and inf
            raise UsageError(message("timer.err.speed_range", value=speed, max=MAX_SPEED))
        warnings = None
        if warn is not None:
            try:
                warnings = parse_warnings(warn)
            except ValueError:
                raise UsageError(message("timer.err.bad_warn", value=warn)) from None
        # A rehearsal runs the whole method through; at real speed only --auto-advance does.
        return cls(warnings, quiet, auto_advance or speed > 1, float(speed))
