"""Throughput of the Dask engine on a LocalCluster against local worker processes, on the same corpus.

    python benchmarks/dask_bench.py                    # the clean BBC dev set, as plain JSON lines
    python benchmarks/dask_bench.py --workers 4 corpus/
    python benchmarks/dask_bench.py --select TYP,NUM

Prints MB/s and docs/s by the clock and per CPU second (this process and
its worker processes), for the local engine with one job and with
``--workers`` jobs, and for a LocalCluster of ``--workers`` processes:
new (start-up, imports and rule preparation in each worker included) and
warm (a cluster that has already run once, as a long-lived one is); and
whether all runs found the same.
Needs the dask extra.
"""

from __future__ import annotations

import argparse
import gzip
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import psutil
from distributed import Client, LocalCluster

from linter.config import Config
from linter.dask_engine import PART_BYTES, run_on_dask
from linter.engine import Linter, RunResult

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "clean-news" / "bbc-dev.jsonl.gz"


def cpu_seconds() -> float:
    """CPU time of this process and of its children that have ended (worker processes, once shut down)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def worker_cpu_seconds(client: Any) -> float:
    """CPU time of a cluster's live worker processes, so far."""
    times = client.run(lambda: sum(psutil.Process().cpu_times()[:2]))
    return sum(times.values())


def measure(label: str, run: Callable[[], RunResult], client: Any = None) -> tuple[RunResult, list[str]]:
    """Run and time it: the clock, and CPU time here, in ended children and, given a client, in its workers."""
    workers = worker_cpu_seconds(client) if client else 0.0
    clock, cpu = time.perf_counter(), cpu_seconds()
    result = run()
    elapsed, spent = time.perf_counter() - clock, cpu_seconds() - cpu
    if client:
        spent += worker_cpu_seconds(client) - workers
    megabytes = result.bytes / 1e6
    row = [
        label,
        f"{elapsed:.1f}",
        f"{megabytes / elapsed:.2f}",
        f"{result.documents / elapsed:.0f}",
        f"{spent:.1f}",
        f"{megabytes / spent:.2f}",
        str(len(result.findings)),
    ]
    return result, row


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help="corpus to measure (default: the BBC dev set as plain JSON lines)")
    parser.add_argument("--workers", type=int, default=2, help="local jobs and LocalCluster workers (default: 2)")
    parser.add_argument("--select", help="rules to run (selectors, comma-separated)")
    parser.add_argument("--part-mb", type=float, default=PART_BYTES / 1e6, help="input per Dask task")
    args = parser.parse_args()
    select = args.select.split(",") if args.select else None
    with tempfile.TemporaryDirectory() as folder:
        paths = args.paths
        if not paths:
            if not BBC.exists():
                print(f"no corpus given and {BBC} is missing", file=sys.stderr)
                return 2
            target = Path(folder) / "bbc-dev.jsonl"  # uncompressed, so the Dask engine can cut it into byte ranges
            with gzip.open(BBC, "rb") as source, target.open("wb") as out:
                shutil.copyfileobj(source, out)
            paths = [str(target)]

        def linter(jobs: int) -> Linter:
            return Linter(Config(root=ROOT), select=select, jobs=jobs)

        rows = [["engine", "wall s", "MB/s", "docs/s", "CPU s", "MB/CPU s", "findings"]]
        one, row = measure("local, 1 job", lambda: linter(1).run(paths))
        rows.append(row)
        many, row = measure(f"local, {args.workers} jobs", lambda: linter(args.workers).run(paths))
        rows.append(row)
        part_bytes = int(args.part_mb * 1e6)
        dask, row = measure(
            f"Dask, new LocalCluster of {args.workers}",
            lambda: run_on_dask(linter(1), paths, workers=args.workers, part_bytes=part_bytes),
        )
        rows.append(row)
        with LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster:
            with Client(cluster) as client:  # a cluster that has run once: workers imported and prepared
                run_on_dask(linter(1), paths, scheduler=cluster.scheduler_address, part_bytes=part_bytes)
                warm, row = measure(
                    f"Dask, warm LocalCluster of {args.workers}",
                    lambda: run_on_dask(linter(1), paths, scheduler=cluster.scheduler_address, part_bytes=part_bytes),
                    client,
                )
                rows.append(row)
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    for row in rows:
        print("  ".join(cell.ljust(width) if i == 0 else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))))
    same = all([f.to_dict() for f in run.findings] == [f.to_dict() for f in one.findings] for run in (many, dask, warm))
    print(f"{one.bytes / 1e6:.1f} MB, {one.documents} documents; same findings in every run: {'yes' if same else 'NO'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
