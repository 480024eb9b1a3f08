"""CPU time of single rules on issue 9's pathological inputs, at two sizes each.

    python benchmarks/pathological.py              # every case, a table on stdout
    python benchmarks/pathological.py --timeout 120

Each case runs in its own process (the installed ``linter`` of the Python that
runs this script, so an older checkout's venv measures that checkout), capped
by ``--timeout`` seconds of wall time; a capped case prints "> cap".  The time
is CPU time of one ``check_text`` call after a warm-up, with the time budget
off where the checkout has one, so a slow rule shows its real cost.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Callable

DATE = "2025-06-02"


def repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def three_digit_numbers(n: int) -> str:
    """8,000 of these make a 40 KB line: "123, 456, 789, ..." """
    rng = random.Random(9)
    parts: list[str] = []
    while len(parts) * 5 < n:
        parts.append(str(rng.randint(100, 999)))
    return ", ".join(parts)


CASES: list[tuple[str, str, Callable[[int], str], tuple[int, int]]] = [
    ("TYP006", '"123, 456, ..." one line', three_digit_numbers, (20_000, 40_000)),
    ("ENC005", "CJK without spaces", repeat("中"), (10_000, 20_000)),
    ("ENC005", "Cyrillic without spaces", repeat("москвапривет"), (10_000, 20_000)),
    ("NUM006", '"John Smith, 45, " repeated', repeat("John Smith, 45, "), (50_000, 100_000)),
    ("ANA001", '"Prime Minister Boris Johnson said " repeated', repeat("Prime Minister Boris Johnson said "), (34_000, 68_000)),
    ("NUM001", '"5% " repeated', repeat("5% "), (200_000, 400_000)),
    ("TYP002", '"a." repeated', repeat("a."), (16_000, 32_000)),
]


def measure(index: int, size: int) -> float:
    """CPU seconds of one rule on one input, in this process."""
    from linter.config import Config
    from linter.engine import Linter

    code, _name, make, _sizes = CASES[index]
    config = Config(root=Path(__file__).resolve().parent.parent)
    if hasattr(config, "rule_timeout"):
        config.rule_timeout = 0  # no budget: measure the rule, not the guard
    linter = Linter(config, select=[code], jobs=1)
    linter.check_text("Warm-up text. " * 20, date=DATE)  # lexicons load here, not in the timing
    text = make(size)
    started = time.process_time()
    linter.check_text(text, date=DATE)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--timeout", type=float, default=120, help="wall seconds per case (default 120)")
    parser.add_argument("--case", nargs=2, type=int, metavar=("INDEX", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        print(json.dumps(measure(*args.case)))
        return
    print(f"{'rule':<7} {'input':<46} {'chars':>9} {'CPU s':>9}")
    for index, (code, name, _make, sizes) in enumerate(CASES):
        for size in sizes:
            try:
                done = subprocess.run(
                    [sys.executable, __file__, "--case", str(index), str(size)],
                    capture_output=True, text=True, timeout=args.timeout, check=True,
                )
                seconds = f"{json.loads(done.stdout.strip().splitlines()[-1]):.3f}"
            except subprocess.TimeoutExpired:
                seconds = f"> {args.timeout:g}"
            except subprocess.CalledProcessError as error:
                seconds = "failed: " + (error.stderr.strip().splitlines() or ["?"])[-1][:60]
            print(f"{code:<7} {name:<46} {size:>9,} {seconds:>9}", flush=True)


if __name__ == "__main__":
    main()
