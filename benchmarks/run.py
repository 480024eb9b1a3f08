"""Throughput of corpus-linter: MB/s and docs/s for the whole run and per rule.

    python benchmarks/run.py                      # builds a corpus from seeds/
    python benchmarks/run.py --select JNK,ENC     # only some rules
    python benchmarks/run.py --size-mb 50 --jobs 2
    python benchmarks/run.py path/to/corpus       # a corpus of your own

For corpus-linter against its peers on distinct real text, per family and
with the cache, see compare.py; per-rule times here are compare.py's, which add
up to the whole.

The built corpus shuffles the sentences of the seed articles into new
documents (deterministically), so it has the seeds' mix of clean prose and
junk; ``--ascii`` folds it to plain ASCII to measure the clean fast paths.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from compare import per_rule_table  # benchmarks/ is on the path when this file runs as a script
from linter.config import Config
from linter.engine import Linter

ROOT = Path(__file__).resolve().parent.parent


def build_corpus(folder: Path, size_mb: float, ascii_only: bool, seed: int = 7) -> Path:
    """A JSONL corpus of documents made of the seeds' lines, about ``size_mb`` MB."""
    import json

    lines = []
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        lines.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    if ascii_only:
        lines = [unicodedata.normalize("NFKD", line).encode("ascii", "ignore").decode() for line in lines]
    rng = random.Random(seed)
    target = int(size_mb * 1_000_000)
    out = folder / "bench.jsonl"
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        index = 0
        while written < target:
            text = "\n\n".join(rng.sample(lines, k=min(len(lines), rng.randint(15, 40))))
            handle.write(json.dumps({"id": f"b{index}", "text": text, "date": "2025-06-02"}) + "\n")
            written += len(text.encode("utf-8"))
            index += 1
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="corpus to measure (default: one built from seeds/)")
    parser.add_argument("--select", help="rules to run (selectors, comma-separated)")
    parser.add_argument("--size-mb", type=float, default=5.0, help="size of the built corpus")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes for the whole-run figure")
    parser.add_argument("--ascii", action="store_true", help="fold the built corpus to ASCII")
    parser.add_argument("--no-per-rule", action="store_true", help="skip the per-rule figures")
    args = parser.parse_args()
    select = args.select.split(",") if args.select else None

    with tempfile.TemporaryDirectory() as tmp:
        paths = args.paths or [str(build_corpus(Path(tmp), args.size_mb, args.ascii))]
        linter = Linter(Config(root=ROOT), select=select, jobs=args.jobs)
        started = time.perf_counter()
        result = linter.run(paths)
        elapsed = time.perf_counter() - started
        megabytes = result.bytes / 1e6
        print(f"corpus: {result.documents} documents, {megabytes:.1f} MB (characters/1e6), {len(linter.rules)} rules")
        print(
            f"whole run ({linter.jobs} jobs): {elapsed:.2f} s, {megabytes / elapsed:.2f} MB/s, "
            f"{result.documents / elapsed:.0f} docs/s, {len(result.findings)} findings"
        )
        if args.no_per_rule or result.documents == 0:
            return 0
        print()
        print(per_rule_table(paths, select))
    return 0


if __name__ == "__main__":
    sys.exit(main())
