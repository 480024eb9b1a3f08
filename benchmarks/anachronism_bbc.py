"""Every ANA finding on clean, undated news (bbc-dev, BBC articles of 2004-05), each with its context.

    .venv/bin/python benchmarks/anachronism_bbc.py
    .venv/bin/python benchmarks/anachronism_bbc.py --years 2004 2005 path/to/corpus.jsonl.gz

The articles carry no date. Each is dated from its text where it can be: an
article that writes one of the collection's years is of that year or later
("sold in June 2004" is in an article of 2004 or 2005; one that says "2005"
is of 2005). It is checked against each year it may be of, and a finding
counts only if it holds for all of them: for an article that names none of
the years, a title held on no day of 2004-05. The copy is edited news, so
nearly every finding here is a false alarm: the script prints them all, to be
read one by one.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from linter.config import Config
from linter.dates import parse_date_value
from linter.checker import check_document
from linter.engine import Linter

ROOT = Path(__file__).resolve().parent.parent
BBC_DEV = ROOT.parent / "shared" / "data" / "clean-news" / "bbc-dev.jsonl.gz"


def possible_years(text: str, years: list[int]) -> list[int]:
    """The collection's years the article may be of: from the latest one it writes on."""
    written = {int(y) for y in re.findall(r"(?<!\d)(\d{4})(?!\d)", text)} & set(years)
    return [y for y in years if y >= max(written)] if written else list(years)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", help=f"corpus (default: {BBC_DEV})")
    parser.add_argument("--years", type=int, nargs="+", default=[2004, 2005], help="the years the collection spans")
    parser.add_argument("--all", action="store_true", help="also print findings that hold for some of an article's years only")
    args = parser.parse_args()
    paths = args.paths or [str(BBC_DEV)]
    if not all(Path(p).exists() for p in paths):
        print(f"no such corpus: {' '.join(paths)}", file=sys.stderr)
        return 2
    linter = Linter(Config(root=ROOT), select=["ANA"], jobs=1)
    rules = [rule for rule in linter.rules if rule.code.startswith("ANA")]
    documents = [item for item in linter.read(paths) if hasattr(item, "text")]
    dated = undated = 0
    shown = 0
    for document in documents:
        candidates = possible_years(document.text, args.years)
        dated += candidates != args.years
        undated += candidates == args.years
        found: dict[tuple[int, int, str], list[str]] = {}
        for candidate in candidates:
            document.cache.clear()
            document.date = parse_date_value(str(candidate), "--date")
            for finding in check_document(rules, document).findings:
                found.setdefault((finding.start, finding.end, finding.code), []).append(finding.message)
        for (start, end, code), messages in sorted(found.items()):
            if len(messages) < len(candidates) and not args.all:
                continue
            shown += len(messages) == len(candidates)
            context = document.text[max(0, start - 120) : end + 80].replace("\n", " ")
            some = "" if len(messages) == len(candidates) else f"for {len(messages)} of {len(candidates)} years only: "
            print(f"{code} {document.id} (checked for {'-'.join(map(str, candidates))}): {some}{messages[0]}\n    ...{context}...\n")
    print(f"{len(documents)} articles: {dated} narrowed by the years they write, {undated} checked against {args.years}; {shown} findings")
    return 0


if __name__ == "__main__":
    sys.exit(main())
