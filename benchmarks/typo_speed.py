"""Throughput of the typo family (TYP) per core on news text: MB/s and docs/s, in CPU time.

    .venv/bin/python benchmarks/typo_speed.py                       # bbc-dev, the default TYP rules
    .venv/bin/python benchmarks/typo_speed.py corpus.jsonl --select TYP001,TYP009 --repeat 5
    .venv/bin/python benchmarks/typo_speed.py --profile             # where the time goes (cProfile)
    .venv/bin/python benchmarks/typo_speed.py --per-rule            # CPU seconds per rule

The documents are read first; then every selected rule checks every document in one process,
sharing the per-document analysis as in a real run, and the corpus phase reduces the facts.
CPU time of this process is measured (other processes on a shared machine do not count), and
the median of ``--repeat`` passes is printed. Lexicons are loaded before timing, as
``Rule.prepare`` does before a run.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import time
from collections import deque
from pathlib import Path

from linter.config import Config
from linter.engine import Linter, check_document

ROOT = Path(__file__).resolve().parent.parent
NEWS = ROOT.parent / "shared" / "data" / "clean-news" / "bbc-dev.jsonl.gz"


def one_pass(rules, documents) -> int:
    findings = 0
    facts: dict[str, list] = {}
    for document in documents:
        document.cache.clear()
        checked = check_document(rules, document)
        findings += len(checked.findings)
        for code, key, value in checked.facts:
            facts.setdefault(f"{code}:{key}", []).append(value)
    by_code = {rule.code: rule for rule in rules}
    for tagged, values in facts.items():
        code, key = tagged.split(":", 1)
        findings += sum(1 for _ in by_code[code].reduce(key, values))
    return findings


def print_per_rule(rules, documents, repeat: int) -> None:
    """Each rule's check on every document, timed alone, in the order a run calls them."""
    fastest: dict[str, float] = {}
    for _ in range(repeat):
        spent = dict.fromkeys((rule.code for rule in rules), 0.0)
        for document in documents:
            document.cache.clear()
            for rule in rules:
                if not rule.is_document_rule():
                    continue
                started = time.process_time()
                deque(rule.check(document), maxlen=0)  # runs the check to its end
                spent[rule.code] += time.process_time() - started
        fastest = {code: min(seconds, fastest.get(code, seconds)) for code, seconds in spent.items()}
    for code, seconds in fastest.items():
        print(f"{code:<8} {seconds:6.3f} s")
    print(f"{'all':<8} {sum(fastest.values()):6.3f} s (without the engine's work per document)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help=f"corpus to measure (default: {NEWS.name})")
    parser.add_argument("--select", default="TYP", help="rules to run (selectors, comma-separated)")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the median is printed")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of one pass")
    parser.add_argument(
        "--per-rule",
        action="store_true",
        help="CPU seconds of each rule's check (fastest of --repeat passes); "
        "a shared analysis counts for the first rule that asks for it",
    )
    args = parser.parse_args()
    paths = args.paths or [str(NEWS)]
    linter = Linter(Config(root=ROOT), select=args.select.split(","), jobs=1)
    rules = [rule for rule in linter.rules if rule.code.startswith("TYP") or args.select != "TYP"]
    documents = [item for item in linter.read(paths) if hasattr(item, "text")]
    megabytes = sum(len(document.text) for document in documents) / 1e6
    for rule in rules:
        rule.prepare()
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(one_pass, rules, documents)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)
        return 0
    if args.per_rule:
        print_per_rule(rules, documents, args.repeat)
        return 0
    seconds = []
    for _ in range(args.repeat):
        started = time.process_time()
        findings = one_pass(rules, documents)
        seconds.append(time.process_time() - started)
    spent = statistics.median(seconds)
    codes = ",".join(rule.code for rule in rules)
    print(f"{len(documents)} documents, {megabytes:.2f} MB (characters/1e6); rules {codes}")
    print(f"{megabytes / spent:.2f} MB/s, {len(documents) / spent:.0f} docs/s per core ({spent:.2f} s CPU, median of {args.repeat}); {findings} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
