"""Every rule stays near-linear on pathological input: a hostile document must not hang a run.

Each rule, on by default or not, runs through the Python API on inputs that
have made rules backtrack or loop over pairs: long runs of one character,
one script without spaces, repeated list items and names, numbers and
percent signs, "a." repeated, spaces, long lines, many short lines.  The
test compares growth, not speed: the CPU time at 4n characters against the
CPU time at n (CPU time, and the least of a few runs, so the other work of
a loaded machine does not count).  Linear code gives about 4x, quadratic
about 16x; the test fails above 8x, which leaves room for one-off steps (a
document outgrowing the CPU's caches: up to about 5.5x, measured on this
project's machine).  n starts small and grows while a run is too short to
time, so a rule that is fast at first is measured where a quadratic term
would show; the larger run is stopped by the rule's own time budget once it
takes 40 times as long as the smaller, so a hang costs seconds, not minutes.
"""

from __future__ import annotations

import gc
import random
import time
from pathlib import Path
from typing import Callable

import pytest

from linter.budget import TimeBudget
from linter.config import Config
from linter.engine import Linter
from linter.plugin import default_host
from linter.registry import build_registry

ROOT = Path(__file__).resolve().parent.parent
START_CHARACTERS = 1_000
MAX_CHARACTERS = 256_000
"""The larger of the two sizes is at most this long."""
MEASURABLE_SECONDS = 0.010
"""n grows (by 4x) until one run at n takes at least this long."""
RUNS = 3
MAX_GROWTH = 8.0
"""From n to 4n linear code grows about 4x, quadratic code about 16x."""
CAP_GROWTH = 40
"""The run at 4n is stopped (by the rule's time budget) past this many times the run at n."""
MAX_SECONDS_AT_N = 5.0
DATE = "2025-06-02"


def repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def three_digit_numbers(n: int) -> str:
    """8,000 of these make a 40 KB line: "123, 456, 789, ..." """
    rng = random.Random(9)
    parts: list[str] = []
    size = 0
    while size < n:
        parts.append(str(rng.randint(100, 999)))
        size += 5
    return ", ".join(parts)


INPUTS: dict[str, Callable[[int], str]] = {
    "one-letter-run": repeat("a"),
    "one-mark-run": repeat("."),
    "cjk-without-spaces": repeat("中"),
    "cyrillic-without-spaces": repeat("москвапривет"),
    "repeated-list-items": repeat("- Read more about this story\n"),
    "repeated-name-and-age": repeat("John Smith, 45, "),
    "repeated-title-and-name": repeat("Prime Minister Boris Johnson said "),
    "percent-signs": repeat("5% "),
    "three-digit-numbers": three_digit_numbers,
    "a-dot": repeat("a."),
    "spaces": repeat(" "),
    "long-line": repeat("The minister said the talks in Geneva would resume on Monday, officials said. "),
    "short-lines": repeat("Yes.\n"),
}

HOST = default_host()
RULES = sorted(code for code, rule in build_registry(HOST).rules.items() if rule.category != "input")


def linter_for(code: str) -> Linter:
    linter = Linter(Config(root=ROOT), host=HOST, select=[code], jobs=1)
    linter.check_text("Warm-up text. " * 20, date=DATE)  # lexicons and automata load here, not in a timing
    return linter


def least_time(linter: Linter, text: str, cap: float, runs: int = RUNS) -> tuple[float, bool]:
    """The least of ``runs`` timings, and whether the rule ran past ``cap`` seconds (its time budget)."""
    linter.budget = TimeBudget(cap)
    best = float("inf")
    for _ in range(runs):
        gc.disable()  # a collection of the lexicons' objects must not land in one timing
        try:
            started = time.thread_time()  # CPU time: a loaded machine's other processes do not count
            findings = linter.check_text(text, date=DATE)
            best = min(best, time.thread_time() - started)
        finally:
            gc.enable()
        if any(f.code == "INP005" for f in findings):
            return best, True
        if best > 1.0:
            break
    return best, False


def growth(linter: Linter, make: Callable[[int], str]) -> tuple[int, float, float, bool]:
    """(n, seconds at n, seconds at 4n, whether the run at 4n was stopped by its cap)."""
    n = START_CHARACTERS
    at_n, stopped = least_time(linter, make(n), MAX_SECONDS_AT_N)
    while not stopped and at_n < MEASURABLE_SECONDS and 16 * n <= MAX_CHARACTERS:
        n *= 4
        at_n, stopped = least_time(linter, make(n), MAX_SECONDS_AT_N)
    if stopped:
        return n, at_n, float("inf"), True
    cap = max(CAP_GROWTH * at_n, 0.05)
    larger = make(4 * n)
    at_large, stopped = least_time(linter, larger, cap, runs=1)  # noise only slows a run: one quick run may pass
    if not stopped and at_large > MAX_GROWTH * at_n:
        at_large, stopped = least_time(linter, larger, cap)
    return n, at_n, at_large, stopped


@pytest.mark.parametrize("code", RULES)
def test_rule_grows_near_linearly_on_pathological_input(code: str) -> None:
    linter = linter_for(code)
    slow = []
    for name, make in INPUTS.items():
        n, at_n, at_large, stopped = growth(linter, make)
        if stopped or at_large > MAX_GROWTH * at_n:
            # A second look before failing: one noisy run must not fail the suite.
            n, at_n, at_large, stopped = growth(linter, make)
        if stopped or at_large > MAX_GROWTH * at_n:
            ratio = "stopped by its cap" if stopped else f"{at_large / at_n:.1f}x"
            slow.append(f"{name}: {at_n:.4f} s at {n:,} characters, {at_large:.4f} s at {4 * n:,} ({ratio})")
    assert not slow, f"{code} grows faster than linearly:\n" + "\n".join(slow)
