"""Numeric contradictions planted in news: build the benchmark, check it, score the NUM rules.

    .venv/bin/python benchmarks/numeric_bench.py                 # build, check, score both splits
    .venv/bin/python benchmarks/numeric_bench.py --split dev --show   # misses and false alarms (dev only)
    .venv/bin/python benchmarks/numeric_bench.py build|check|score
    .venv/bin/python benchmarks/numeric_bench.py speed      # NUM throughput on the BBC articles (CPU time)

The corpus is built, deterministically, from the BBC articles in ``../shared/data/clean-news``
(each given a date) and from the benchmark's own copy (``numeric_plants/copy_*.py``): articles
with one contradiction planted the way a writer slips (a digit swapped or changed in a later
restatement, a wrong total, a wrong margin, a wrong age or birth year, a weekday given the wrong
date, one outlet's toll against the others'), articles with planted statements that are right
(traps: updates, ranges, rounding, other years, parts, clock times, a 1500m final), reports of one
event from several outlets, and untouched articles. Gold labels are in the format of
``../shared/eval/seeds.gold.jsonl`` with a ``kind`` field, and ``../shared/eval/score.py`` judges.

Two splits: ``dev`` for tuning and ``held``, which is never read while tuning: its articles are
other BBC articles, and its planted sentences use phrasings that ``dev`` never shows (every third
variant of each phrasing list). Output goes to ``build/numeric-bench/<split>/``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from linter import Document  # noqa: E402
from linter.config import Config  # noqa: E402
from linter.dates import parse_date_value  # noqa: E402
from linter.engine import Linter, check_document  # noqa: E402
from numeric_plants import arithmetic, copy_events, copy_politics, people, restated  # noqa: E402
from numeric_plants.common import MONTHS, SPLITS, WEEKDAYS, Article  # noqa: E402
from numeric_plants.corpus import cluster  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
BBC = ROOT.parent / "shared" / "data" / "clean-news" / "bbc-dev.jsonl.gz"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"
OUT = ROOT / "build" / "numeric-bench"
KINDS = ("restated", "totals", "margins", "ages", "weekdays", "corpus")
SEED = 12

BBC_PLANTS = {
    "restated": [restated.plant_restated],
    "totals": [arithmetic.plant_list_count, arithmetic.plant_shares],
    "margins": [arithmetic.plant_poll_lead, arithmetic.plant_goal_margin],
    "ages": [people.plant_age],
    "weekdays": [people.plant_weekday],
}
BBC_QUOTA = {"restated": 66, "totals": 16, "margins": 18, "ages": 42, "weekdays": 45}
"""Planted BBC articles per kind, both splits together (about two in three go to dev)."""
BBC_TRAPS = [people.plant_age, people.plant_weekday, arithmetic.plant_poll_lead, arithmetic.plant_goal_margin]
UNTOUCHED = 360
COPY = {
    "restated": [copy_politics.election, copy_politics.vote, copy_events.disaster, copy_events.football, copy_events.company],
    "totals": [copy_politics.election, copy_politics.summit, copy_events.disaster, copy_events.games, copy_events.company],
    "margins": [copy_politics.election, copy_politics.vote, copy_politics.rates, copy_events.games, copy_events.football],
    "ages": [copy_politics.election, copy_events.profile],
    "weekdays": [copy_politics.election],
}
COPY_QUOTA = {"restated": 25, "totals": 45, "margins": 45, "ages": 24, "weekdays": 10}
COPY_TRAPS = 60
CLUSTERS = {"planted": 45, "trap": 15, "trap pairs": 6}


def split_of(key: str) -> str:
    """A stable split for a document or a generated item: one in three is held out."""
    return "held" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 3 == 0 else "dev"


WEEKDAY_DATE = re.compile(
    r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (?:(\d{1,2}) (%s)|(%s) (\d{1,2}))\b"
    % ("|".join(MONTHS), "|".join(MONTHS))
)


def bbc_date(rng: random.Random, text: str) -> dt.date:
    """A date in 2004-05 for a BBC article; one in the year where its own weekdays and dates agree,
    since the copy was right at its real date (an article dated at random would seem wrong)."""
    mentions = [(WEEKDAYS.index(m.group(1)), MONTHS.index(m.group(3) or m.group(4)) + 1, int(m.group(2) or m.group(5))) for m in WEEKDAY_DATE.finditer(text)]
    years = [
        year for year in (2004, 2005)
        if all(_weekday_of(year, month, day) == weekday for weekday, month, day in mentions)
    ]
    date = dt.date(2004, 3, 1) + dt.timedelta(days=rng.randrange(640))
    if mentions and years and date.year not in years:
        date = date.replace(year=years[0], day=min(date.day, 28))
    return date


def _weekday_of(year: int, month: int, day: int) -> int | None:
    try:
        return dt.date(year, month, day).weekday()
    except ValueError:
        return None


def build() -> dict[str, list[Article]]:
    rng = random.Random(SEED)
    records = [json.loads(line) for line in gzip.open(BBC, "rt", encoding="utf-8")]
    rng.shuffle(records)
    corpora: dict[str, list[Article]] = {split: [] for split in SPLITS}
    planted = Counter()
    untouched = Counter()
    traps = 0
    for record in records:
        split = split_of(record["id"])
        article = Article(record["id"], record["text"], bbc_date(rng, record["text"]).isoformat(), "bbc")
        item_rng = random.Random(f"{SEED}-{record['id']}")
        done = False
        for kind in sorted(BBC_QUOTA, key=lambda k: planted[k] / BBC_QUOTA[k]):
            if planted[kind] >= BBC_QUOTA[kind]:
                continue
            if any(planter(article, item_rng, split) for planter in BBC_PLANTS[kind]):
                planted[kind] += 1
                done = True
                break
        if not done and traps < 50 and item_rng.random() < 0.3:
            done = any(planter(article, item_rng, split, wrong=False) for planter in BBC_TRAPS)
            traps += done
        if not done:
            if sum(untouched.values()) >= UNTOUCHED:
                continue
            untouched[split] += 1
        corpora[split].append(article)
    for kind, generators in COPY.items():
        for index in range(COPY_QUOTA[kind]):
            corpora_add(corpora, generators[index % len(generators)], kind, f"own-{kind}-{index}")
    generators = [g for gs in COPY.values() for g in gs]
    for index in range(COPY_TRAPS):
        corpora_add(corpora, generators[index % len(generators)], None, f"own-trap-{index}")
    for index in range(CLUSTERS["planted"]):
        add_cluster(corpora, f"event-{index}", planted=True)
    for index in range(CLUSTERS["trap"]):
        add_cluster(corpora, f"event-trap-{index}", planted=False)
    for index in range(CLUSTERS["trap pairs"]):
        key = f"event-pair-{index}"
        pair_rng = random.Random(f"{SEED}-{key}")
        event = pair_rng.choice(["ferry", "train", "mine", "fire", "quake", "flood"])
        date = own_date(pair_rng)
        for side in ("a", "b"):
            add_cluster(corpora, f"{key}{side}", planted=False, event_key=event, date=date)
    return corpora


def own_date(rng: random.Random) -> dt.date:
    return dt.date(2015, 1, 5) + dt.timedelta(days=rng.randrange(3600))


def corpora_add(corpora: dict[str, list[Article]], generator, kind: str | None, key: str) -> None:
    split = split_of(key)
    rng = random.Random(f"{SEED}-{key}")
    date = own_date(rng)
    if generator is copy_politics.election:
        date += dt.timedelta(days=(0 - date.weekday()) % 7)  # results on a Monday, the vote on Sunday
    corpora[split].append(generator(rng, split, kind, key, date, rng.choice(["wire-a", "daily-c", "post-f"])))


def add_cluster(corpora, key: str, planted: bool, event_key: str | None = None, date: dt.date | None = None) -> None:
    split = split_of(key.rstrip("ab") if key.startswith("event-pair") else key)
    rng = random.Random(f"{SEED}-{key}")
    corpora[split].extend(cluster(rng, split, planted, key, date or own_date(rng), rng.randint(4, 6), event_key))


def write(corpora: dict[str, list[Article]]) -> None:
    for split, articles in corpora.items():
        folder = OUT / split
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / "corpus.jsonl").open("w", encoding="utf-8") as handle:
            for article in articles:
                handle.write(json.dumps(article.record(), ensure_ascii=False) + "\n")
        with (folder / "gold.jsonl").open("w", encoding="utf-8") as handle:
            for article in articles:
                for line in article.gold():
                    handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        kinds = {article.id: article.kind for article in articles}
        (folder / "kinds.json").write_text(json.dumps(kinds, indent=0), encoding="utf-8")


def check() -> int:
    """Every label locates; every planted article has one must label, no other article has one."""
    problems = 0
    for split in SPLITS:
        folder = OUT / split
        texts = {json.loads(line)["id"]: json.loads(line)["text"] for line in (folder / "corpus.jsonl").open(encoding="utf-8")}
        kinds = json.loads((folder / "kinds.json").read_text(encoding="utf-8"))
        musts = Counter()
        for line in (folder / "gold.jsonl").open(encoding="utf-8"):
            label = json.loads(line)
            text = texts[label["doc"]]
            position = -1
            for _ in range(label["occurrence"]):
                position = text.find(label["text"], position + 1)
            if position < 0 or not label["text"].strip():
                print(f"{split}: label does not locate: {label}")
                problems += 1
            if label["level"] == "must":
                musts[label["doc"]] += 1
        for doc, kind in kinds.items():
            expected = 1 if kind in KINDS else 0
            if musts[doc] != expected:
                print(f"{split}: {doc} ({kind}) has {musts[doc]} must labels, expected {expected}")
                problems += 1
        digest = hashlib.sha256(b"".join((folder / name).read_bytes() for name in ("corpus.jsonl", "gold.jsonl"))).hexdigest()
        counts = Counter(kinds.values())
        print(f"{split}: {len(kinds)} documents, {dict(sorted(counts.items()))}, digest {digest[:16]}")
    return 1 if problems else 0


def score(splits: list[str], show: bool, select: str) -> None:
    linter = ROOT / ".venv" / "bin" / "corpus-linter"
    for split in splits:
        folder = OUT / split
        run = subprocess.run(
            [str(linter), "check", str(folder / "corpus.jsonl"), "--select", select, "--output-format", "json"],
            capture_output=True, text=True,
        )
        if run.returncode not in (0, 1):
            sys.exit(f"the linter failed on {split}: {run.stderr[-2000:]}")
        findings = json.loads(run.stdout)
        findings = findings["findings"] if isinstance(findings, dict) else findings
        kinds = json.loads((folder / "kinds.json").read_text(encoding="utf-8"))
        print(f"\n{split}: {len(findings)} findings on {len(kinds)} documents")
        print(f"{'kind':<10} {'recall':>7} {'precision':>9} {'hits':>5} {'false':>6} {'must':>5}")
        groups = {kind: {kind, "cluster"} if kind == "corpus" else {kind} for kind in KINDS}
        groups["traps"] = {"trap"}
        groups["untouched"] = {"untouched"}
        groups["all"] = set(kinds.values())
        for name, members in groups.items():
            _score_group(folder, findings, kinds, name, members, show and name != "all")


def _score_group(folder: Path, findings: list[dict], kinds: dict[str, str], name: str, members: set[str], show: bool) -> None:
    docs = {doc for doc, kind in kinds.items() if kind in members}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        gold = Path(tmp) / "gold.jsonl"
        found = Path(tmp) / "findings.json"
        with corpus.open("w", encoding="utf-8") as handle:
            for line in (folder / "corpus.jsonl").open(encoding="utf-8"):
                if json.loads(line)["id"] in docs:
                    handle.write(line)
        with gold.open("w", encoding="utf-8") as handle:
            for line in (folder / "gold.jsonl").open(encoding="utf-8"):
                if json.loads(line)["doc"] in docs:
                    handle.write(line)
        found.write_text(json.dumps([f for f in findings if str(f.get("id")) in docs]), encoding="utf-8")
        command = [sys.executable, str(SCORER), "--gold", str(gold), "--corpus", str(corpus), "--categories", "numeric"]
        command += ["--show"] if show else []
        result = subprocess.run([*command, "--", "cat", str(found)], capture_output=True, text=True)
    row = next((line for line in result.stdout.splitlines() if line.startswith("numeric")), None)
    if row is None:
        print(f"{name:<10} (no labels)" if "overall" in result.stdout else result.stdout + result.stderr)
        return
    _category, precision, recall, hits, false, must = row.split()
    print(f"{name:<10} {recall:>7} {precision:>9} {hits:>5} {false:>6} {must:>5}")
    if show:
        for line in result.stdout.splitlines():
            if line.startswith("    "):
                print("   ", line.strip())


def speed(runs: int = 3) -> None:
    """MB/s and docs/s of the NUM rules on the BBC articles, in one process, by CPU time (least of
    ``runs``): other processes on a shared machine do not count, the document phase and the corpus
    phase do."""
    rules = [rule for rule in Linter(Config(root=ROOT), select=["NUM"], jobs=1).rules if rule.code.startswith("NUM")]
    for rule in rules:
        rule.prepare()
    records = [json.loads(line) for line in gzip.open(BBC, "rt", encoding="utf-8")]
    date = parse_date_value("2005-03-01", "benchmark")
    documents = [Document(text=r["text"], path=str(BBC), id=r["id"], date=date) for r in records]
    megabytes = sum(len(d.text) for d in documents) / 1e6
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        facts: dict[str, list] = {}
        for document in documents:
            document.cache.clear()
            for _code, key, value in check_document(rules, document).facts:
                facts.setdefault(key, []).append(value)
        for rule in rules:
            for key, values in facts.items():
                list(rule.reduce(key, values))
        best = min(best, time.process_time() - started)
    print(f"NUM on {len(documents)} BBC articles ({megabytes:.2f} MB): {best:.2f} s CPU, {megabytes / best:.2f} MB/s, {len(documents) / best:.0f} docs/s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("step", nargs="?", choices=["build", "check", "score", "speed", "all"], default="all")
    parser.add_argument("--split", choices=[*SPLITS, "both"], default="both")
    parser.add_argument("--show", action="store_true", help="list misses and false alarms (dev split only)")
    parser.add_argument("--select", default="NUM")
    args = parser.parse_args()
    if args.step in ("build", "all"):
        if not BBC.exists():
            print(f"needs {BBC}", file=sys.stderr)
            return 2
        write(build())
    if args.step in ("check", "all") and check():
        return 1
    if args.step == "speed":
        speed()
        return 0
    if args.step in ("score", "all"):
        splits = list(SPLITS) if args.split == "both" else [args.split]
        if args.show and "held" in splits:
            sys.exit("--show is for the dev split only: the held-out split is not read while tuning")
        score(splits, args.show, args.select)
    return 0


if __name__ == "__main__":
    sys.exit(main())
