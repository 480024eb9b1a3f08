"""Throughput of the ANA family on news text: MB/s and docs/s in one process.

    .venv/bin/python benchmarks/anachronism_speed.py                      # bbc-dev, dated 2005
    .venv/bin/python benchmarks/anachronism_speed.py --date 2025-06-02 corpus.jsonl
    .venv/bin/python benchmarks/anachronism_speed.py --repeat 5

``benchmarks/run.py`` times each rule alone (each pays for the shared scan)
and leaves undated documents undated, so on a corpus without dates, such as
bbc-dev, the rules return at once. This script gives every document without
a date of its own the ``--date`` given, and times the three rules together,
as a real run has them (one scan per document, shared through its cache), and
each alone. Figures are the median of ``--repeat`` passes over the corpus,
after one warm-up document (the knowledge base loads first), in wall-clock
time and in the process's CPU time (MB per CPU second: the per-core figure,
which a busy shared machine distorts less).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from linter.config import Config
from linter.dates import parse_date_value
from linter.checker import check_document
from linter.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
BBC_DEV = ROOT.parent / "shared" / "data" / "clean-news" / "bbc-dev.jsonl.gz"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help=f"corpus to measure (default: {BBC_DEV})")
    parser.add_argument("--date", default="2005", help="date for documents without one (default: 2005)")
    parser.add_argument("--repeat", type=int, default=3, help="passes over the corpus (median reported)")
    args = parser.parse_args()
    paths = args.paths or [str(BBC_DEV)]
    if not all(Path(p).exists() for p in paths):
        print(f"no such corpus: {' '.join(paths)}", file=sys.stderr)
        return 2
    linter = Linter(Config(root=ROOT), select=["ANA"], jobs=1)
    default_date = parse_date_value(args.date, "--date")
    documents = [item for item in linter.read(paths) if hasattr(item, "text")]
    for document in documents:
        document.date = document.date or default_date
    megabytes = sum(len(d.text) for d in documents) / 1e6
    rules = [rule for rule in linter.rules if rule.code.startswith("ANA")]
    check_document(rules, documents[0])
    print(f"corpus: {len(documents)} documents, {megabytes:.2f} MB (characters/1e6), undated ones dated {args.date}")
    print(f"{'rules':<24} {'MB/s':>8} {'docs/s':>8} {'MB/CPU-s':>9} {'findings':>9}")
    for label, selected in [("ANA family", rules), *((rule.code, [rule]) for rule in rules)]:
        times, cpu_times, found = [], [], 0
        for _ in range(args.repeat):
            for document in documents:
                document.cache.clear()
            started, cpu_started = time.perf_counter(), time.process_time()
            found = sum(len(check_document(selected, document).findings) for document in documents)
            times.append(max(time.perf_counter() - started, 1e-9))
            cpu_times.append(max(time.process_time() - cpu_started, 1e-9))
        spent, cpu = statistics.median(times), statistics.median(cpu_times)
        print(f"{label:<24} {megabytes / spent:>8.2f} {len(documents) / spent:>8.0f} {megabytes / cpu:>9.2f} {found:>9}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
