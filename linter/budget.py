"""A time budget for each rule on each document, so one slow rule cannot hang a run.

The budget counts CPU time, not time on the clock: on a loaded machine a
rule waiting for a core is not slow, and a run's findings must not depend
on what else the machine does.  Where the platform allows it (a POSIX
system, the main thread, and no other user of SIGPROF), a rule that runs
past its budget is stopped: a periodic ``ITIMER_PROF`` tick raises
``RuleTimeout`` inside the rule.  Elsewhere (Windows, a rule run from
another thread, a host program with its own profiling timer) the time is
measured and the rule is reported after it returns.  C code that does not
check for signals (a long call into an extension module) is stopped only
when it returns, and a rule that catches ``BaseException`` on every tick
defeats the guard.
"""

from __future__ import annotations

import math
import signal
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType
from typing import Any, Callable, Iterator, TypeVar

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
    """``seconds`` of CPU time per rule and document; a document of more than a million characters
    gets ``seconds`` per million (a 10 MB document at 1 MB/s is legitimate).  0 means no limit."""

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
    """Runs callables under a CPU-time limit; inside ``interrupting()`` a tick stops them where it can.

    The tick is a periodic ``ITIMER_PROF`` signal, set once for a batch of
    documents; a rule call only writes down its deadline, and the tick's
    handler raises RuleTimeout in a call past it.  So the guard costs a clock
    read per rule and document, not two system calls, and stops a rule at
    most a tick (a tenth of the budget, at most a second) late.  It raises
    on every tick until the call ends, so an exception lost in a ``__del__``
    does not let the rule run on.
    """

    def __init__(self) -> None:
        self.can_interrupt = False
        self._deadline = math.inf

    @contextmanager
    def interrupting(self, budget: TimeBudget) -> Iterator[None]:
        """Tick for a stretch of rule calls, if the budget, this thread and this process allow it."""
        if budget.seconds <= 0 or not _timer_available():
            yield
            return
        previous = signal.signal(signal.SIGPROF, self._on_tick)
        signal.siginterrupt(signal.SIGPROF, False)  # system calls in a rule restart after a tick
        tick = min(MAX_TICK, max(budget.seconds / 10, MIN_TICK))
        signal.setitimer(signal.ITIMER_PROF, tick, tick)
        self.can_interrupt = True
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_PROF, 0)
            self.can_interrupt = False
            self._deadline = math.inf
            signal.signal(signal.SIGPROF, previous)

    def call(self, function: Callable[..., T], seconds: float, *args: Any) -> T:
        """``function(*args)``, or RuleTimeout when it takes more than ``seconds`` of CPU time (0: no limit).

        The arguments are passed through so a caller need not build a closure per call.
        Without the tick, the call runs to its end and RuleTimeout is raised after it.
        """
        if seconds <= 0:
            return function(*args)
        started = time.thread_time()
        if not self.can_interrupt:
            result = function(*args)
            if time.thread_time() - started > seconds:
                raise RuleTimeout(f"ran longer than {seconds:g} s")
            return result
        self._deadline = started + seconds
        try:
            return function(*args)
        finally:
            self._deadline = math.inf

    def _on_tick(self, signum: int, frame: FrameType | None) -> None:
        if frame is not None and frame.f_code is _CALL_CODE:
            return  # the call is ending (resetting its deadline): nothing left to stop
        if time.thread_time() > self._deadline:  # between calls the deadline is infinite: ticks pass
            raise RuleTimeout("stopped by its time budget")


_CALL_CODE = RuleClock.call.__code__


def _timer_available() -> bool:
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return False
    if signal.getsignal(signal.SIGPROF) not in (signal.SIG_DFL, signal.SIG_IGN):
        return False  # someone else's profiling timer (a sampling profiler, the host program): measure instead
    return signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)
