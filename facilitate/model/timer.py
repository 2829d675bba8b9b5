"""Deadline arithmetic for one timed round; ``now`` and ``wall`` are always parameters.

``now`` is a reading of the monotonic clock and ``wall`` one of ``time.time()``, both in
seconds. ``remaining`` is in *method seconds*, the time the room sees: with a rehearsal
``speed`` of N, N method seconds pass per real second, so every deadline is kept in real
monotonic seconds and every remaining time is scaled by the speed.

Nothing here sleeps or counts ticks: a round ends at its deadline however late the caller
looks, pause moves the deadline, and a step "until 12:30" keeps its wall-clock target.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

from facilitate.records import Record

SUSPEND_THRESHOLD = 2.0
"""Monotonic and wall elapsed time differing by more than this means the laptop slept."""

DAY = 86_400.0
_CLOCK_RE = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
_DURATION_RE = re.compile(
    r"^(?:(?P<h>\d+(?:[.,]\d+)?)\s*h)?\s*(?:(?P<m>\d+(?:[.,]\d+)?)\s*m(?:in)?)?\s*"
    r"(?:(?P<s>\d+(?:[.,]\d+)?)\s*s)?$"
)


def parse_duration(text: str) -> float:
    """Seconds in ``10m``, ``90s``, ``1h30m``, ``2m30s``, ``12:30`` (mm:ss) or ``10`` (minutes).

    Raises ValueError for anything else or for a duration that is not positive.
    """
    value = text.strip().lower()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", value):
        seconds = float(value.replace(",", ".")) * 60
    elif m := re.fullmatch(r"(\d+):([0-5]\d)", value):
        seconds = int(m.group(1)) * 60 + int(m.group(2))
    elif value and (m := _DURATION_RE.fullmatch(value)) and any(m.groupdict().values()):
        parts = {k: float((v or "0").replace(",", ".")) for k, v in m.groupdict().items()}
        seconds = parts["h"] * 3600 + parts["m"] * 60 + parts["s"]
    else:
        raise ValueError(text)
    if seconds <= 0:
        raise ValueError(text)
    return float(seconds)


def parse_warnings(text: str) -> tuple[float, ...]:
    """Warning thresholds from ``2m,30s`` (largest first); ``none`` or ``""`` for no warnings."""
    value = text.strip().lower()
    if value in ("", "none", "0"):
        return ()
    parts = [p for p in re.split(r"[,\s]+", value) if p]
    return tuple(
        sorted({parse_duration(p if p[-1].isalpha() else p + "s") for p in parts}, reverse=True)
    )


def parse_clock(text: str) -> tuple[int, int]:
    """``"12:30"`` -> ``(12, 30)``; raises ValueError for anything that is not HH:MM."""
    m = _CLOCK_RE.match(text.strip())
    if not m:
        raise ValueError(text)
    return int(m.group(1)), int(m.group(2))


def until_epoch(clock: str, wall: float, utc_offset: float = 0.0) -> float:
    """The epoch time of the local clock time ``clock`` nearest to ``wall`` (within ±12 h)."""
    hours, minutes = parse_clock(clock)
    local = wall + utc_offset
    target = local - (local % DAY) + hours * 3600 + minutes * 60
    if target - local < -DAY / 2:
        target += DAY
    elif target - local > DAY / 2:
        target -= DAY
    return target - utc_offset


def shown_seconds(remaining: float) -> tuple[int, bool]:
    """What a countdown shows: whole seconds left rounded up, or overtime rounded down.

    Returns ``(seconds, overtime)``: 4.2 s left shows 5; 3.7 s past the end shows +3.
    """
    if remaining > 0:
        return math.ceil(remaining), False
    return math.floor(-remaining), True


def to_next_shown_change(remaining: float) -> float:
    """Method seconds until :func:`shown_seconds` of a running countdown changes."""
    if remaining > 0:
        return remaining - (math.ceil(remaining) - 1)
    return math.floor(-remaining) + 1 + remaining


class TimerNews(Record):
    """What happened since the last poll: warnings due, the end reached, a clock jump."""

    warnings: tuple[float, ...] = ()
    reached_zero: bool = False
    clock_jump: float | None = None

    def __bool__(self) -> bool:
        return bool(self.warnings or self.reached_zero or self.clock_jump is not None)


@dataclass
class RoundTimer:
    """The countdown of one step or round.

    Give either ``seconds`` (a duration) or ``until_wall`` (an epoch target, e.g. from
    :func:`until_epoch`). In rehearsal (``speed != 1``) a wall-clock target becomes the
    duration left to it at :meth:`start`, sped up like the rest.
    """

    seconds: float | None = None
    until_wall: float | None = None
    warnings: tuple[float, ...] = (120.0, 30.0)
    speed: float = 1.0
    _deadline: float = field(default=0.0, init=False)
    _held: float = field(default=0.0, init=False)
    _paused_at: float | None = field(default=None, init=False)
    _total: float = field(default=0.0, init=False)
    _fired: set[float] = field(default_factory=set, init=False)
    _zero_fired: bool = field(default=False, init=False)
    _ref: tuple[float, float] = field(default=(0.0, 0.0), init=False)
    _original_until: float | None = field(default=None, init=False)
    started: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        if self.seconds is None and self.until_wall is None:
            raise ValueError("a timer needs seconds or until_wall")
        if self.speed <= 0:
            raise ValueError("speed must be positive")
        self.warnings = tuple(sorted(set(self.warnings), reverse=True))
        self._original_until = self.until_wall

    # -- reading -------------------------------------------------------------------------

    @property
    def follows_wall(self) -> bool:
        """True for a step "until HH:MM" run at real speed: its end is a wall-clock time."""
        return self.until_wall is not None and self.speed == 1.0

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def total(self) -> float:
        """The step's full length now (planned plus adjustments), in method seconds."""
        return self._total

    def remaining(self, now: float) -> float:
        """Method seconds left; negative in overtime. A paused countdown stands still."""
        if self.paused and not self.follows_wall:
            return self._held
        return (self._deadline - now) * self.speed

    def paused_for(self, now: float) -> float:
        """Real seconds since the current pause began (0 when running)."""
        return 0.0 if self._paused_at is None else max(0.0, now - self._paused_at)

    def progress(self, now: float) -> float:
        """Share of the step that has passed, 0..1."""
        if self._total <= 0:
            return 1.0
        return min(1.0, max(0.0, 1.0 - self.remaining(now) / self._total))

    def level(self, now: float) -> int:
        """0 before the first warning, +1 for each warning passed, len(warnings)+1 in overtime."""
        remaining = self.remaining(now)
        if remaining <= 0:
            return len(self.warnings) + 1
        return sum(1 for w in self.warnings if remaining <= w)

    def deadline(self) -> float | None:
        """The monotonic time the countdown reaches zero (None while a duration is paused)."""
        if self.paused and not self.follows_wall:
            return None
        return self._deadline

    # -- acting --------------------------------------------------------------------------

    def start(
        self, now: float, wall: float, *, remaining: float | None = None, paused: bool = False
    ) -> float:
        """Start the countdown (``remaining`` to resume part-way); returns the remaining time."""
        if self.until_wall is not None and not self.follows_wall:
            self.seconds = max(0.0, self.until_wall - wall)
            self.until_wall = None
        if remaining is None:
            remaining = (
                self.until_wall - wall if self.until_wall is not None else float(self.seconds or 0)
            )
        self._deadline = now + remaining / self.speed
        self._total = float(self.seconds) if self.seconds is not None else max(remaining, 0.0)
        self._total = max(self._total, remaining)
        self._ref = (now, wall)
        self._paused_at = None
        self._arm(remaining)
        self.started = True
        if paused:
            self.pause(now)
        return remaining

    def pause(self, now: float) -> float:
        """Stop the countdown (a wall-clock target keeps its time); returns the remaining time."""
        if not self.paused:
            self._held = self.remaining(now)
            self._paused_at = now
        return self.remaining(now)

    def resume(self, now: float) -> float:
        """Continue after a pause; returns how many real seconds the pause lasted."""
        if self._paused_at is None:
            return 0.0
        lasted = max(0.0, now - self._paused_at)
        if not self.follows_wall:
            self._deadline = now + self._held / self.speed
        self._paused_at = None
        return lasted

    def extend(self, delta: float, now: float) -> float:
        """Add (or with a negative delta take away) method seconds; returns what was applied.

        Taking time away stops at zero and does nothing in overtime; warnings that are
        ahead again after an extension fire again.
        """
        remaining = self.remaining(now)
        if delta < 0:
            delta = 0.0 if remaining <= 0 else max(delta, -remaining)
        if delta == 0:
            return 0.0
        if self.paused and not self.follows_wall:
            self._held += delta
        else:
            self._deadline += delta / self.speed
        if self.until_wall is not None:
            self.until_wall += delta
        self._total = max(0.0, self._total + delta)
        new_remaining = self.remaining(now)
        self._fired = {w for w in self._fired if w >= new_remaining}
        if new_remaining > 0:
            self._zero_fired = False
        return delta

    def restart(self, now: float, wall: float) -> float:
        """Start the step over with its planned time, keeping a pause; returns the remaining."""
        paused = self.paused
        self.until_wall = self._original_until
        if self.until_wall is not None and not self.follows_wall:
            self.until_wall = None
        return self.start(now, wall, paused=paused)

    def poll(self, now: float, wall: float) -> TimerNews:
        """Follow the wall clock after a sleep, and report warnings and the end that came due.

        Each warning fires once, when the remaining time is at or below it: a late poll
        fires every warning it passed, it never skips one.
        """
        jump = self._resync(now, wall)
        remaining = self.remaining(now)
        due = tuple(w for w in self.warnings if remaining <= w and w not in self._fired)
        self._fired.update(due)
        zero = remaining <= 0 and not self._zero_fired
        if zero:
            self._zero_fired = True
        return TimerNews(warnings=due, reached_zero=zero, clock_jump=jump)

    def next_event_in(self, now: float) -> float | None:
        """Real seconds until the next warning or the end is due (None if none can come)."""
        if self.paused and not self.follows_wall:
            return None
        remaining = self.remaining(now)
        ahead = [remaining - w for w in self.warnings if w not in self._fired and w < remaining]
        if not self._zero_fired and remaining > 0:
            ahead.append(remaining)
        if not ahead:
            return None
        return max(0.0, min(ahead)) / self.speed

    def next_change_in(self, now: float) -> float | None:
        """Real seconds until the shown second changes (None while a duration is paused)."""
        if self.paused and not self.follows_wall:
            return None
        return to_next_shown_change(self.remaining(now)) / self.speed

    # -- internals -----------------------------------------------------------------------

    def _arm(self, remaining: float) -> None:
        self._fired = {w for w in self.warnings if w >= remaining}
        self._zero_fired = remaining <= 0

    def _resync(self, now: float, wall: float) -> float | None:
        ref_now, ref_wall = self._ref
        self._ref = (now, wall)
        jump = (wall - ref_wall) - (now - ref_now)
        if abs(jump) <= SUSPEND_THRESHOLD:
            return None
        if self.follows_wall:
            assert self.until_wall is not None
            self._deadline = now + (self.until_wall - wall)
            return jump
        if jump > 0 and not self.paused:
            self._deadline -= jump
            return jump
        return None
