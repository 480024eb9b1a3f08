"""Line-level score of the junk rules on the labelled pages of ``../shared/data/junk-dev``, by rule and by half.

    python benchmarks/junk_eval.py                    # residual and pages, rules on by default
    python benchmarks/junk_eval.py --set residual --show 30
    python benchmarks/junk_eval.py --set bbc          # clean news: every finding listed

It scores exactly as ``../shared/eval/score.py --by-line --categories junk``
does (a finding over several lines is judged line by line; its related
places count as its own), and adds what that script does not print: the
hits and false alarms of each rule, and precision and recall for each half
of junk-dev (the Dragnet pages of 2011-12 and the Google-News pages), so a
change that helps one half only shows up.  The findings come from the
command line tool (``--select JNK``, the rules on by default), so the figures
are the ones a user would get.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
SETS = {
    "residual": SHARED / "junk-dev" / "residual.jsonl.gz",
    "pages": SHARED / "junk-dev" / "pages.jsonl.gz",
    "bbc": SHARED / "clean-news" / "bbc-dev.jsonl.gz",
}


def half(document_id: str) -> str:
    """The half of junk-dev a page comes from: its id names the source data set."""
    return document_id.split("-", 1)[0]


def read_jsonl(path: Path) -> list[dict]:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def labels_of(corpus: Path, texts: dict[str, str]) -> dict[str, list[tuple[int, int, str]]]:
    """Each document's labels as (start, end, level), found as score.py finds them."""
    gold = corpus.with_name(corpus.name.replace(".jsonl.gz", ".gold.jsonl.gz"))
    labels: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    if not gold.exists():
        return labels
    for label in read_jsonl(gold):
        if label["doc"] not in texts:
            continue
        text, start = texts[label["doc"]], -1
        for _ in range(label.get("occurrence", 1)):
            start = text.find(label["text"], start + 1)
        labels[label["doc"]].append((start, start + len(label["text"]), label.get("level", "must")))
    return labels


def line_rows(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines a span touches, cut to the span (score.py's ``lines_in``)."""
    line_start = text.rfind("\n", 0, start) + 1
    rows = []
    while line_start < len(text) and line_start < end:
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if text[line_start:line_end].strip():
            a, b = max(line_start, start), min(line_end, end)
            rows.append((a, max(b, a + 1)))
        line_start = line_end + 1
    return rows


def overlapping(labels: list[tuple[int, int, str]], start: int, end: int) -> list[tuple[int, int, str]]:
    return [label for label in labels if label[0] < end and start < label[1]]


def score(findings: list[dict], texts: dict[str, str], labels: dict[str, list], show: int) -> None:
    hits: dict[str, set] = defaultdict(set)  # rule -> labels hit
    true: Counter = Counter()
    false: Counter = Counter()
    false_examples: dict[str, list[str]] = defaultdict(list)
    for finding in findings:
        if finding.get("category") != "junk" or finding.get("id") not in texts:
            continue
        doc, code = finding["id"], finding["code"]
        places = [(doc, finding["start"], max(finding["end"], finding["start"] + 1))]
        places += [(r.get("id") or doc, r["start"], max(r["end"], r["start"] + 1)) for r in finding.get("related") or []]
        over = [(d, label) for d, s, e in places for label in overlapping(labels.get(d, []), s, e)]
        for d, label in over:
            if label[2] == "must":
                hits[code].add((d, label[0]))
        rows = line_rows(texts[doc], places[0][1], places[0][2])
        if len(rows) > 1:
            for row in rows:
                row_over = overlapping(labels.get(doc, []), *row)
                if any(label[2] == "must" for label in row_over):
                    true[(code, half(doc))] += 1
                elif not row_over:
                    false[(code, half(doc))] += 1
                    false_examples[code].append(f"{doc}: {texts[doc][row[0]:row[1]][:90]!r}")
        elif any(label[2] == "must" for _d, label in over):
            true[(code, half(doc))] += 1
        elif not over:
            false[(code, half(doc))] += 1
            false_examples[code].append(f"{doc}: {texts[doc][places[0][1]:places[0][2]][:90]!r}  [{finding['message'][:60]}]")
    must = {(doc, label[0]) for doc, labs in labels.items() for label in labs if label[2] == "must"}
    halves = sorted({half(doc) for doc in texts})
    all_hits = set().union(*hits.values()) if hits else set()
    print(f"{'rule':<8} {'lines':>6} {'false':>6} {'prec':>5} {'hits':>6}  " + "  ".join(f"{h:>14}" for h in halves))
    codes = sorted({code for code, _h in true} | {code for code, _h in false})
    for code in codes + ["all"]:
        pick = (lambda c: True) if code == "all" else (lambda c, code=code: c == code)
        t = sum(v for (c, _h), v in true.items() if pick(c))
        f = sum(v for (c, _h), v in false.items() if pick(c))
        got = all_hits if code == "all" else hits[code]
        per_half = []
        for h in halves:
            th = sum(v for (c, hh), v in true.items() if pick(c) and hh == h)
            fh = sum(v for (c, hh), v in false.items() if pick(c) and hh == h)
            mh = sum(1 for doc, _s in must if half(doc) == h)
            rh = sum(1 for doc, _s in got if half(doc) == h) / mh if mh else 0.0
            per_half.append(f"P{th / (th + fh) if th + fh else 1:.2f} R{rh:.2f}")
        precision = t / (t + f) if t + f else 1.0
        print(f"{code:<8} {t:>6} {f:>6} {precision:>5.2f} {len(got):>6}  " + "  ".join(f"{p:>14}" for p in per_half))
    if must:
        print(f"recall {len(all_hits) / len(must):.3f} of {len(must)} must lines")
    for code in codes:
        for example in false_examples[code][:show]:
            print(f"  false {code} {example}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="which set (default: residual, pages)")
    parser.add_argument("--findings", help="score this JSON output instead of running the linter (one set only)")
    parser.add_argument("--select", default="JNK")
    parser.add_argument("--show", type=int, default=0, help="false alarms to print per rule")
    args = parser.parse_args()
    if not SHARED.exists():
        print(f"no labelled data at {SHARED}", file=sys.stderr)
        return 2
    for name in args.set or ["residual", "pages"]:
        corpus = SETS[name]
        texts = {str(record["id"]): record["text"] for record in read_jsonl(corpus)}
        if args.findings:
            findings = json.loads(Path(args.findings).read_text(encoding="utf-8"))
        else:
            command = [str(ROOT / ".venv" / "bin" / "corpus-linter"), "check", str(corpus), "--select", args.select]
            output = subprocess.run(command + ["--output-format", "json"], capture_output=True, text=True)
            findings = json.loads(output.stdout)
        print(f"== {name}: {len(texts)} documents, {len(findings)} findings")
        score(findings, texts, labels_of(corpus, texts), args.show if name != "bbc" else len(findings))
    return 0


if __name__ == "__main__":
    sys.exit(main())
