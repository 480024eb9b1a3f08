"""Precision and recall of corpus-linter on text that is not the seeds.

    .venv/bin/python benchmarks/evaluate.py                  # all default rules
    .venv/bin/python benchmarks/evaluate.py --select TYP,NUM # only some rules
    .venv/bin/python benchmarks/evaluate.py --ignore TYP008
    .venv/bin/python benchmarks/evaluate.py --corpus benchmarks/holdout/injected \
        --gold benchmarks/holdout/injected.gold.jsonl --clean benchmarks/holdout/clean

Run from the repository root (or anywhere: paths are resolved from this file).

Two corpora live in ``tests/corpora/``:

- ``injected/``: well-edited wire articles with defects injected on purpose,
  labelled in ``injected.gold.jsonl`` (one label a defect, the format of
  ``../shared/eval/seeds.gold.jsonl``). The scorer ``../shared/eval/score.py``
  prints precision and recall per category, with the misses and false alarms.
- ``clean/``: the same kind of articles with no defect at all. Every finding
  there is a false alarm; they are all printed, with a count per rule.

``--corpus``, ``--gold`` and ``--clean`` score another pair of corpora laid out the
same way, such as the held-out set in ``benchmarks/holdout/`` that no rule was
tuned on (relative paths are taken from the current directory).

Each document is dated by its file name (``YYYY-MM-DD-slug.txt``), as the linter
does for any file. Before scoring, every gold label is checked to occur in its
document at least ``occurrence`` times; the script stops with status 2 if one
does not, or if a run fails.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT / "tests" / "corpora"
CLEAN = CORPORA / "clean"
INJECTED = CORPORA / "injected"
GOLD = CORPORA / "injected.gold.jsonl"
SCORER = ROOT.parent / "shared" / "eval" / "score.py"


def gold_problems(gold: Path, corpus: Path) -> list[str]:
    """Labels that do not locate: a missing document, or too few occurrences of the text."""
    problems = []
    for number, line in enumerate(gold.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        label = json.loads(line)
        path = corpus / label["doc"]
        if not path.is_file():
            problems.append(f"{gold.name}:{number}: no document {label['doc']!r}")
            continue
        text = path.read_text(encoding="utf-8")
        wanted = label.get("occurrence", 1)
        found = count_occurrences(text, label["text"])
        if found < wanted:
            problems.append(f"{gold.name}:{number}: {label['text']!r} occurs {found} times in {label['doc']}, label wants occurrence {wanted}")
    return problems


def count_occurrences(text: str, needle: str) -> int:
    """Occurrences counted the way score.py locates them (overlapping ones included)."""
    count, start = 0, text.find(needle)
    while start >= 0:
        count += 1
        start = text.find(needle, start + 1)
    return count


def linter_command(corpus: Path, selection: list[str]) -> list[str]:
    return [sys.executable, "-m", "linter", "check", str(corpus), "--output-format", "json", "--exit-zero", "-q", *selection]


def score_injected(injected: Path, gold: Path, selection: list[str]) -> int:
    """Run the shared scorer on the injected corpus and print its table."""
    command = [sys.executable, str(SCORER), "--gold", str(gold), "--corpus", str(injected), "--show", "--", *linter_command(injected, selection)]
    proc = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    print(proc.stdout, end="")
    if proc.returncode == 2:
        print(proc.stderr[-2000:], file=sys.stderr)
    return proc.returncode


def false_alarms_on_clean(clean: Path, selection: list[str]) -> tuple[int, int] | None:
    """Print every finding on the clean corpus; return (findings, documents with one) or None on failure."""
    proc = subprocess.run(linter_command(clean, selection), capture_output=True, text=True, cwd=ROOT)
    try:
        findings = json.loads(proc.stdout)
    except json.JSONDecodeError:
        print(proc.stderr[-2000:], file=sys.stderr)
        print(f"the linter printed no JSON on the clean corpus (exit {proc.returncode})")
        return None
    texts: dict[str, str] = {}
    per_rule: Counter[str] = Counter()
    for finding in findings:
        path = finding["path"]
        if path not in texts:
            texts[path] = Path(ROOT, path).read_text(encoding="utf-8")
        span = texts[path][finding["start"] : finding["end"]][:80]
        per_rule[f"{finding['code']} {finding['name']}"] += 1
        print(f"    false {Path(path).name}:{finding['line']}:{finding['column']} {finding['code']} {finding['message']}  [{span!r}]")
    for rule, count in sorted(per_rule.items(), key=lambda item: (-item[1], item[0])):
        print(f"{count:>6}  {rule}")
    return len(findings), len(texts)


def shown(path: Path) -> str:
    """A path relative to the repository when it is inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--select", help="rules to run, passed to the linter (codes, prefixes, names, categories)")
    parser.add_argument("--ignore", help="rules not to run, passed to the linter")
    parser.add_argument("--corpus", type=Path, default=INJECTED, help="folder of injected documents (default: %(default)s)")
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold labels of --corpus (default: %(default)s)")
    parser.add_argument("--clean", type=Path, default=CLEAN, help="folder of clean documents (default: %(default)s)")
    args = parser.parse_args()
    injected, gold, clean = (path.resolve() for path in (args.corpus, args.gold, args.clean))
    for path, is_there in ((injected, injected.is_dir()), (gold, gold.is_file()), (clean, clean.is_dir())):
        if not is_there:
            print(f"not found: {path}")
            return 2
    selection = [*(["--select", args.select] if args.select else []), *(["--ignore", args.ignore] if args.ignore else [])]

    problems = gold_problems(gold, injected)
    if problems:
        print("\n".join(problems))
        return 2
    if not SCORER.is_file():
        print(f"scorer not found: {SCORER}")
        return 2

    documents = len(list(injected.glob("*.txt")))
    print(f"== injected corpus: {documents} documents, labels in {shown(gold)}")
    if score_injected(injected, gold, selection) == 2:
        return 2

    documents = len(list(clean.glob("*.txt")))
    print(f"\n== clean corpus {shown(clean)}: {documents} documents; every finding is a false alarm")
    result = false_alarms_on_clean(clean, selection)
    if result is None:
        return 2
    findings, affected = result
    print(f"clean corpus: {findings} false alarms in {affected} of {documents} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
