"""Runs a function over a stream of batches, in worker processes, in order.

The window of batches in flight is bounded, so memory does not grow with the
corpus (``multiprocessing.Pool.imap`` would read the whole input ahead), and
results come back in submission order, so output is the same for any
number of jobs.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

T = TypeVar("T")
R = TypeVar("R")

_worker_state: Any = None


def _init_worker(state: Any) -> None:
    global _worker_state
    _worker_state = state


def _call_in_worker(function: Callable[[Any, T], R], batch: T) -> R:
    return function(_worker_state, batch)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def ordered_map(
    function: Callable[[Any, T], R],
    state: Any,
    batches: Iterable[T],
    jobs: int,
) -> Iterator[R]:
    """``function(state, batch)`` for every batch, in order, over ``jobs`` processes.

    ``state`` is sent to each worker once.  With one job, or when the input
    fits in a single batch, everything runs in this process: starting
    workers would cost more than it saves.
    """
    iterator = iter(batches)
    first = next(iterator, None)
    if first is None:
        return
    second = next(iterator, None)
    if jobs <= 1 or second is None:
        yield function(state, first)
        if second is not None:
            yield function(state, second)
            for batch in iterator:
                yield function(state, batch)
        return
    import multiprocessing  # here: a run of one job never needs them
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if sys.platform.startswith("linux") else "spawn"
    context = multiprocessing.get_context(method)
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(state,)) as pool:
        window: deque[Future[R]] = deque()
        limit = jobs * 3
        for batch in _chain(first, second, iterator):
            window.append(pool.submit(_call_in_worker, function, batch))
            if len(window) >= limit:
                yield window.popleft().result()
        while window:
            yield window.popleft().result()


def _chain(first: T, second: T, rest: Iterator[T]) -> Iterator[T]:
    yield first
    yield second
    yield from rest
