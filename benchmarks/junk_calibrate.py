"""Measure each junk rule's precision by signal on junk-dev and write ``rules/junk/data/confidence.tsv``.

    python benchmarks/junk_calibrate.py            # measure, print both halves, write the table
    python benchmarks/junk_calibrate.py --dry-run  # measure and print only

Every candidate finding of the junk rules (before any `min_confidence`
filter) is judged line by line against the labels, as
``../shared/eval/score.py --by-line`` judges it: a line overlapping a "must"
label is a hit, one overlapping only "may" labels is neutral, any other is
a false alarm.  A signal's confidence is its hits over hits plus false
alarms, with one of each added (Laplace), so a signal seen on a few lines
stays near one half.

Only the Dragnet half of junk-dev is used: in the Google-News half the
labels call a page's menus and footers content (of its lines that read
"Home", "Privacy Policy" or "Contact us", 580 of 584 are labelled content),
so they would measure the labels, not the rules.  To see whether the
figures carry over, the Dragnet pages are split in two by a hash of their
id, and both halves' figures are printed beside the one written.

A signal measured on fewer than MIN_LINES lines is not written: it keeps the
neutral confidence of an unmeasured signal.  JNK004 is not measured at all:
the labels call a line content when it occurs in the page's clean text, so
the second copy of a doubled title or caption is content by construction.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from junk_eval import SETS, half, labels_of, line_rows, overlapping, read_jsonl  # noqa: E402

from linter import Document  # noqa: E402
from linter.engine import check_document  # noqa: E402
from linter.rule import rules_in_package  # noqa: E402
from rules import junk  # noqa: E402
from rules.junk.confidence import Calibrated  # noqa: E402
from rules.junk.recurring_line import RecurringLine, spread  # noqa: E402

TABLE = ROOT / "rules" / "junk" / "data" / "confidence.tsv"
MIN_LINES = 20
UNMEASURABLE = frozenset({"JNK004"})
HEADER = """\
# The precision of each junk rule's findings by signal, measured line by line on the
# Dragnet half of junk-dev (extracted and full pages) by benchmarks/junk_calibrate.py:
# (hits + 1) / (hits + false alarms + 2), for signals seen on at least 20 lines (others count as 0.5).
# Regenerate it with that script; do not edit by hand.
# rule	signal	precision	lines
"""


def fold(document_id: str) -> int:
    """A stable split of the pages in two, for checking that a figure carries over."""
    return hashlib.blake2b(document_id.encode(), digest_size=1).digest()[0] % 2


def judge(text: str, labels: list, start: int, end: int) -> tuple[int, int]:
    """Hits and false alarms of a finding's lines."""
    hits = false = 0
    for row in line_rows(text, start, max(end, start + 1)):
        over = overlapping(labels, *row)
        if any(label[2] == "must" for label in over):
            hits += 1
        elif not over:
            false += 1
    return hits, false


def measure() -> dict[tuple[str, str], list[list[int]]]:
    """(rule, signal) to [hits, false alarms] for each fold."""
    counts: dict[tuple[str, str], list[list[int]]] = defaultdict(lambda: [[0, 0], [0, 0]])
    rules = [rule_class({"min_confidence": 0.0}) for rule_class in rules_in_package(junk.__name__)
             if issubclass(rule_class, Calibrated) and rule_class.code not in UNMEASURABLE]
    recurring = RecurringLine({"min_confidence": 0.0})
    for name in ("residual", "pages"):
        texts = {str(r["id"]): r["text"] for r in read_jsonl(SETS[name]) if half(str(r["id"])) == "dragnet"}
        labels = labels_of(SETS[name], texts)
        facts: dict[str, list] = defaultdict(list)
        for record, (doc, text) in enumerate(texts.items()):
            document = Document(text=text, path=name, record=record, id=doc)
            for rule in rules:
                for finding, signal in rule.candidates(document):
                    hits, false = judge(text, labels.get(doc, []), finding.location.start, finding.location.end)
                    tally = counts[(rule.code, signal)][fold(doc)]
                    tally[0] += hits
                    tally[1] += false
            for _code, key, value in check_document([recurring], document).facts:
                facts[key].append(value)
        for values in facts.values():
            documents = {value["location"].id for value in values}
            if len(documents) < recurring.options["min_documents"]:
                continue
            signal = spread(len(documents))
            for value in values:
                doc, location = value["location"].id, value["location"]
                hits, false = judge(texts[doc], labels.get(doc, []), location.start, location.end)
                tally = counts[(recurring.code, signal)][fold(doc)]
                tally[0] += hits
                tally[1] += false
    return counts


def precision(hits: int, false: int) -> float:
    return (hits + 1) / (hits + false + 2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the table")
    args = parser.parse_args()
    counts = measure()
    rows = []
    print(f"{'rule':<7} {'signal':<22} {'fold 0':>13} {'fold 1':>13} {'all':>13}")
    for (code, signal), folds in sorted(counts.items()):
        hits, false = folds[0][0] + folds[1][0], folds[0][1] + folds[1][1]
        cells = [f"{precision(*fold_counts):.2f} ({sum(fold_counts):>5})" for fold_counts in folds]
        print(f"{code:<7} {signal:<22} {cells[0]:>13} {cells[1]:>13} {precision(hits, false):.2f} ({hits + false:>5})")
        if hits + false >= MIN_LINES:
            rows.append(f"{code}\t{signal}\t{precision(hits, false):.2f}\t{hits + false}")
    if not args.dry_run:
        TABLE.write_text(HEADER + "\n".join(rows) + "\n", encoding="utf-8")
        print(f"wrote {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
