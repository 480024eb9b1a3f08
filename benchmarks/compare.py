"""corpus-linter side by side with codespell and typos, per family, cached and not, on distinct news text.

    python benchmarks/compare.py                  # one round on the built corpus, then per-rule times
    python benchmarks/compare.py --rounds 5       # the median of five rounds
    python benchmarks/compare.py --no-per-rule    # the table only
    python benchmarks/compare.py --startup --rounds 5   # the 3-file (pre-commit) rows and where start-up goes

The corpus is every BBC article of clean-news/bbc-dev.jsonl.gz and every page
of junk-dev/residual.jsonl.gz (../shared/data), one .txt file each, so no text
repeats (repeats would distort the corpus-wide rules) and every tool reads the
same files; the pages' crawl year is in their file names, where corpus-linter
finds document dates. Each row is one process, started as a user would start
it, with the rule data compiled (as after any first run) and, except in the
warm and changed-file rows, no results cached; speeds are by the CPU time of the process and its workers (the machine may
be shared), and the `--jobs 2` row's wall time is the one that shows scaling.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SOURCES = ("clean-news/bbc-dev.jsonl.gz", "junk-dev/residual.jsonl.gz")
FAMILIES = ("JNK", "ENC", "TYP", "NUM", "ANA")
PEERS = ("codespell", "typos")


@dataclass
class Timing:
    cpu: float
    wall: float


@dataclass
class Row:
    label: str
    timings: list[Timing]
    megabytes: float
    documents: int
    note: str = ""

    @property
    def cpu(self) -> float:
        return statistics.median(t.cpu for t in self.timings)

    @property
    def wall(self) -> float:
        return statistics.median(t.wall for t in self.timings)


def build_corpus(folder: Path, data: Path) -> tuple[int, float]:
    """One .txt file per record of the sources: (documents, MB of UTF-8 text)."""
    folder.mkdir(parents=True, exist_ok=True)
    documents, size = 0, 0
    for source in SOURCES:
        with gzip.open(data / source, "rt", encoding="utf-8") as stream:
            for number, line in enumerate(stream):
                record = json.loads(line)
                text = record["text"].rstrip("\n") + "\n"
                prefix = f"{record['date']}_" if record.get("date") else ""
                name = f"{prefix}{Path(source).name.split('.')[0]}-{number:04d}.txt"
                (folder / name).write_text(text, encoding="utf-8")
                documents += 1
                size += len(text.encode("utf-8"))
    return documents, size / 1e6


def measure(command: Sequence[str], env: dict[str, str] | None = None) -> Timing:
    """CPU (user + system, the process and the workers it waited for) and wall seconds of one command."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = 0  # reaped here: Popen must not wait for it again
    return Timing(usage.ru_utime + usage.ru_stime, time.perf_counter() - started)


COMPILE_RULE_DATA = [
    sys.executable,
    "-c",
    "from linter.config import Config; from linter.engine import Linter; Linter(Config(), jobs=1).prepare_rules()",
]
"""Every rule's data compiled into the cache, as after a first run that used workers (a short run
in one process compiles only what its documents need)."""


def linter_command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "linter", "check", "-q", "--output-format", "concise", "--exit-zero", *arguments]


def raw_read_command(corpus: Path) -> list[str]:
    """corpus-linter's own reading of the corpus, no rules: the floor of any run."""
    code = (
        "import sys; from linter.config import Config; from linter.engine import Linter; "
        "sum(1 for _ in Linter(Config(), select=['INP'], jobs=1, cache=False).read(sys.argv[1:]))"
    )
    return [sys.executable, "-c", code, str(corpus)]


def table(rows: list[Row], reference: Row | None) -> str:
    lines = [f"{'command':<44} {'CPU s':>7} {'wall s':>7} {'MB/s':>7} {'docs/s':>8} {'vs codespell':>13}  note"]
    for row in rows:
        speed = row.megabytes / row.cpu if row.cpu else float("inf")
        ratio = ""
        if reference is not None and row is not reference:
            reference_speed = reference.megabytes / reference.cpu
            ratio = f"{speed / reference_speed:.2f}x" if speed >= reference_speed else f"1/{reference_speed / speed:.1f}"
        elif row is reference:
            ratio = "1.00x"
        lines.append(
            f"{row.label:<44} {row.cpu:>7.2f} {row.wall:>7.2f} {speed:>7.2f} {row.documents / row.cpu:>8.0f} {ratio:>13}  {row.note}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--rounds", type=int, default=1, help="rounds of every command; the median is shown")
    parser.add_argument("--no-per-rule", action="store_true", help="skip the per-rule times")
    parser.add_argument("--startup", action="store_true", help="only the 3-file rows and the split of start-up")
    args = parser.parse_args()
    missing = [source for source in SOURCES if not (args.data / source).is_file()]
    if missing:
        print(f"compare.py: {args.data} lacks {', '.join(missing)} (give --data)", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="corpus-linter-bench-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        documents, megabytes = build_corpus(corpus, args.data)
        cache_dir = work / "cache"
        env = {**os.environ, "CORPUS_LINTER_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(ROOT)}
        env.pop("PYTHONDONTWRITEBYTECODE", None)  # a user's install has bytecode: start-up is measured with it
        files = sorted(corpus.iterdir())
        print(f"corpus: {documents} documents, {megabytes:.2f} MB, one file each ({corpus})")
        subprocess.run(COMPILE_RULE_DATA, env=env, check=False, stdout=subprocess.DEVNULL)
        print(f"rule data compiled into {cache_dir} (as after a first run); rounds: {args.rounds}\n")

        rows: list[Row] = []
        peers: dict[str, Row] = {}

        def add(label: str, command: Sequence[str], note: str = "", size: float = megabytes, count: int = documents,
                before: Callable[[], None] | None = None) -> Row:
            timings = []
            for _ in range(args.rounds):
                if before is not None:
                    before()
                timings.append(measure(command, env))
            row = Row(label, timings, size, count, note)
            rows.append(row)
            print(f"  {label}: {row.cpu:.2f} s CPU", file=sys.stderr)
            return row

        if args.startup:
            add_startup_rows(work, files, env, rows, args.rounds, add, installed_peers())
            print()
            print(table(rows, None))
            print()
            print(startup_split(work / "three-split", files[:3], env))
            return 0
        add("raw read (corpus-linter's readers)", raw_read_command(corpus), "the floor")
        installed = installed_peers()
        for peer, found in installed.items():
            peers[peer] = add(peer, [found, str(corpus)])
        results = cache_dir / "results"

        def forget_results() -> None:
            """Every file checked afresh, with the rule data compiled as after any first run."""
            shutil.rmtree(results, ignore_errors=True)

        cached = linter_command("--jobs", "1", str(corpus))
        add("corpus-linter, default rules, --jobs 1", cached, "cold: no results cached", before=forget_results)
        add("corpus-linter, default rules, --jobs 2", linter_command("--jobs", "2", str(corpus)), "cold; scaling: wall", before=forget_results)
        for family in FAMILIES:
            add(f"  --select {family}", linter_command("--jobs", "1", "--select", family, str(corpus)), before=forget_results)
        forget_results()
        subprocess.run(cached, env=env, check=False, stdout=subprocess.DEVNULL)
        add("cache: warm (nothing changed)", cached)
        changed = files[len(files) // 2]
        original = changed.read_text(encoding="utf-8")
        edits = iter(range(1_000_000))

        def change_one_file() -> None:
            changed.write_text(original + f"\nEdited {next(edits)} times.\n", encoding="utf-8")

        add("cache: one file changed", cached, changed.name, before=change_one_file)
        changed.write_text(original, encoding="utf-8")

        add_startup_rows(work, files, env, rows, args.rounds, add, installed)

        print()
        print(table(rows, peers.get("codespell")))
        whole = next(r for r in rows if r.label.endswith("--jobs 1"))
        two = next(r for r in rows if r.label.endswith("--jobs 2"))
        cold = whole
        warm = next(r for r in rows if r.label.startswith("cache: warm"))
        one = next(r for r in rows if r.label.startswith("cache: one"))
        print(f"\n--jobs 2 / --jobs 1 by wall time: {whole.wall / two.wall:.2f}x")
        print(f"warm / cold: {warm.cpu / cold.cpu:.1%} of the CPU time; one file changed / cold: {one.cpu / cold.cpu:.1%}")
        if not args.no_per_rule:
            print()
            print(per_rule_table([str(corpus)]))
    return 0


def installed_peers() -> dict[str, str]:
    """The peers' executables that are installed, by name."""
    installed: dict[str, str] = {}
    for peer in PEERS:
        found = shutil.which(peer, path=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
        if found is None:
            print(f"  {peer}: not installed, skipped (pip install 'corpus-linter[bench]')", file=sys.stderr)
            continue
        installed[peer] = found
    return installed


def add_startup_rows(
    work: Path,
    files: list[Path],
    env: dict[str, str],
    rows: list[Row],
    rounds: int,
    add: Callable[..., Row],
    peers: dict[str, str],
) -> None:
    """The pre-commit rows: 3 files new to the cache (start-up included), unchanged, without a cache, and the peers."""
    three = files[:3]
    three_size = sum(len(p.read_bytes()) for p in three) / 1e6
    copies = iter(range(1_000_000))
    fresh_paths: list[str] = []

    def three_new_paths() -> None:
        """New paths each round: their results are not cached, the rule data is (a pre-commit run)."""
        folder = work / f"three-{next(copies)}"
        folder.mkdir()
        fresh_paths[:] = [str(shutil.copy(p, folder)) for p in three]

    row = Row("3 files (start-up included)", [], three_size, 3, "pre-commit: rule data cached")
    for _ in range(rounds):
        three_new_paths()
        row.timings.append(measure(linter_command("--jobs", "1", *fresh_paths), env))
    rows.append(row)
    add("3 files, results cached", linter_command("--jobs", "1", *fresh_paths), "pre-commit, nothing changed", size=three_size, count=3)
    add("3 files, --no-cache", linter_command("--no-cache", "--jobs", "1", *fresh_paths), "compiles rule data", size=three_size, count=3)
    for peer, executable in peers.items():
        add(f"3 files, {peer}", [executable, *fresh_paths], size=three_size, count=3)


STARTUP_SPLIT = """
import sys, time
started = time.process_time()
import linter.cli
from linter.config import Config
from linter.engine import Linter
imported = time.process_time()
linter = Linter(Config(), jobs=1)
built = time.process_time()
linter.prepare_rules(workers=False)  # as the run does: 3 files are checked in this process
prepared = time.process_time()
linter.run(sys.argv[1:])
checked = time.process_time()
print(f"{imported - started:.3f} {built - imported:.3f} {prepared - built:.3f} {checked - prepared:.3f}")
"""


def startup_split(folder: Path, paths: Sequence[Path], env: dict[str, str]) -> str:
    """Where the time of a 3-file run goes, in CPU seconds of one process: copies of ``paths`` in
    ``folder`` are new to the results cache, and the rule data is compiled (a pre-commit run)."""
    folder.mkdir()
    copies = [str(shutil.copy(path, folder)) for path in paths]
    completed = subprocess.run([sys.executable, "-c", STARTUP_SPLIT, *copies], env=env, capture_output=True, text=True, check=False)
    try:
        imports, rules, data, check = (float(part) for part in completed.stdout.split())
    except ValueError:
        return f"start-up split failed: {completed.stderr.strip()[-500:]}"
    return (
        "start-up split (CPU s, one process): "
        f"importing the CLI and engine {imports:.3f}, importing rules and plugins {rules:.3f}, "
        f"preparing rules that check options or files {data:.3f}, "
        f"reading and checking 3 files (rule data loaded on first use) {check:.3f}"
    )


def per_rule_table(paths: Sequence[str], select: Sequence[str] | None = None) -> str:
    """CPU time of each rule over the corpus, in one process, adding up to the whole per-document and corpus phases.

    Rules run in their usual order on each document with its shared analyses
    kept (a rule is charged for an analysis only when it is the first to ask
    for it), each rule's collected facts are reduced, and what is left of the
    whole is the engine's own work (snippets, offsets, suppressions).
    """
    from linter.budget import TimeBudget
    from linter.checker import Batch, DocumentChecker, check_documents
    from linter.config import Config
    from linter.engine import Linter
    from linter.finding import Finding
    from linter.document import Document

    linter = Linter(Config(root=ROOT), select=list(select) if select else None, jobs=1, cache=False)
    documents = [item for item in linter.read(paths) if isinstance(item, Document)]
    megabytes = sum(len(d.text) for d in documents) / 1e6
    linter.prepare_rules()
    spent = {rule.code: 0.0 for rule in linter.rules}
    found = {rule.code: 0 for rule in linter.rules}
    for rule in linter.rules:
        for phase in ("check", "collect"):
            _time_phase(rule, phase, spent)
    # No time budget: its profiling timer makes the CPU clock read inside a rule fall short of the whole.
    checker = DocumentChecker(linter.rules, TimeBudget(0))
    facts: dict[str, dict[str, list]] = {}
    started = time.process_time()
    for start in range(0, len(documents), 64):
        for result in check_documents(checker, Batch(documents[start : start + 64])):
            for finding in result.findings:
                found[finding.code] = found.get(finding.code, 0) + 1
            for code, key, value in result.facts:
                facts.setdefault(code, {}).setdefault(key, []).append(value)
    per_document = time.process_time() - started
    engine = per_document - sum(spent.values())
    for rule in linter.rules:
        if not rule.is_corpus_rule():
            continue
        started = time.process_time()
        for key, values in facts.get(rule.code, {}).items():
            found[rule.code] += sum(1 for item in rule.reduce(key, values) if isinstance(item, Finding))
        spent[rule.code] += time.process_time() - started
    total = sum(spent.values()) + engine
    lines = [
        f"per rule: {len(documents)} documents, {megabytes:.2f} MB (characters/1e6), one process, CPU time",
        f"{'rule':<8} {'name':<34} {'CPU s':>7} {'share':>6} {'MB/s':>9} {'findings':>9}",
    ]
    for rule in sorted(linter.rules, key=lambda r: (-spent[r.code], r.code)):
        seconds = spent[rule.code]
        speed = f"{megabytes / seconds:>9.1f}" if seconds >= 0.005 else f"{'-':>9}"
        lines.append(f"{rule.code:<8} {rule.name:<34} {seconds:>7.2f} {seconds / total:>6.1%} {speed} {found.get(rule.code, 0):>9}")
    lines.append(f"{'engine':<8} {'snippets, offsets, suppressions':<34} {engine:>7.2f} {engine / total:>6.1%}")
    lines.append(f"{'total':<8} {'':<34} {total:>7.2f} {1:>6.0%} {megabytes / total:>9.2f}")
    return "\n".join(lines)


def _time_phase(rule: object, phase: str, spent: dict[str, float]) -> None:
    """Wrap one rule's ``check`` or ``collect`` so that its CPU time (results drawn) is added to ``spent``."""
    method = getattr(rule, phase)
    code = rule.code  # type: ignore[attr-defined]

    def timed(document: object) -> list:
        started = time.process_time()
        try:
            return list(method(document))
        finally:
            spent[code] += time.process_time() - started

    setattr(rule, phase, timed)


if __name__ == "__main__":
    sys.exit(main())
