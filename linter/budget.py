"""A time budget for each rule on each document, so one slow rule cannot hang a run.

Where the platform allows it (a POSIX system, the main thread, and no other
user of SIGALRM), a rule that runs past its budget is stopped: a periodic
``ITIMER_REAL`` alarm raises ``RuleTimeout`` inside the rule.  Elsewhere
(Windows, a rule run from another thread, a host program that owns
SIGALRM, such as pytest-timeout) the time is measured and the rule is
reported after it returns.  C code that does not check for signals (a long
call into an extension module) is stopped only when it returns, and a rule
that catches ``BaseException`` defeats the guard.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")

CHARACTERS_PER_STEP = 1_000_000
"""The budget is per document up to this many characters, and grows in proportion beyond it."""
DEFAULT_SECONDS = 10.0
MAX_SECONDS = 86_400.0
"""A budget is at most a day: longer is no budget at all, and ``timeout = 1e300`` must not pass for one."""
TIMEOUTS_BEFORE_RETIRING = 3
"""A rule stopped on this many documents is not run on the rest of the run."""
MIN_TICK, MAX_TICK = 0.01, 1.0
"""Bounds of the alarm's period, in seconds."""


class RuleTimeout(BaseException):
    """Raised inside a rule that ran past its budget.

    A BaseException, so that a rule's own ``except Exception`` does not swallow it.
    """


@dataclass(frozen=True)
class TimeBudget:
    """``seconds`` per rule and document; a document of more than a million characters gets
    ``seconds`` per million (a 10 MB document at 1 MB/s is legitimate).  0 means no limit."""

    seconds: float = DEFAULT_SECONDS

    def for_characters(self, characters: int) -> float:
        return self.seconds * max(1.0, characters / CHARACTERS_PER_STEP)


def valid_seconds(value: object) -> bool:
    """A budget a user may set: a finite number of seconds from 0 (no limit) to a day."""
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= MAX_SECONDS
    )


class RuleClock:
    """Runs callables under a time limit; inside ``interrupting()`` an alarm stops them where it can.

    The alarm is a periodic ``ITIMER_REAL`` tick, set once for a batch of
    documents; a rule call only writes down its deadline, and the tick's
    handler raises RuleTimeout in a call past it.  So the guard costs a clock
    read per rule and document, not two system calls, and stops a rule at
    most a tick (a tenth of the budget, at most a second) late.
    """

    def __init__(self) -> None:
        self.can_interrupt = False
        self._deadline = math.inf

    @contextmanager
    def interrupting(self, budget: TimeBudget) -> Iterator[None]:
        """Tick for a stretch of rule calls, if the budget, this thread and this process allow it."""
        if budget.seconds <= 0 or not _alarm_available():
            yield
            return
        previous = signal.signal(signal.SIGALRM, self._on_alarm)
        signal.siginterrupt(signal.SIGALRM, False)  # system calls in a rule restart after a tick
        tick = min(MAX_TICK, max(budget.seconds / 10, MIN_TICK))
        signal.setitimer(signal.ITIMER_REAL, tick, tick)
        self.can_interrupt = True
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            self.can_interrupt = False
            self._deadline = math.inf
            signal.signal(signal.SIGALRM, previous)

    def call(self, function: Callable[[], T], seconds: float) -> T:
        """``function()``, or RuleTimeout when it runs longer than ``seconds`` (0: no limit).

        Without the alarm, the call runs to its end and RuleTimeout is raised after it.
        """
        if seconds <= 0:
            return function()
        started = time.monotonic()
        if not self.can_interrupt:
            result = function()
            if time.monotonic() - started > seconds:
                raise RuleTimeout(f"ran longer than {seconds:g} s")
            return result
        self._deadline = started + seconds
        try:
            return function()
        finally:
            self._deadline = math.inf

    def _on_alarm(self, signum: int, frame: object) -> None:
        if time.monotonic() > self._deadline:  # between calls the deadline is infinite: ticks pass
            self._deadline = math.inf
            raise RuleTimeout("stopped by its time budget")


def _alarm_available() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(signal.SIGALRM) not in (signal.SIG_DFL, signal.SIG_IGN):
        return False  # someone else's alarm (pytest-timeout, the host program): measure instead
    return signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
