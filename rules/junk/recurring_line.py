"""JNK007: a line that recurs across many documents of the corpus (a site's footer)."""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any, Iterator, Sequence
from urllib.parse import urlsplit

from linter import Document, Fact, Finding, Fix, Location, Option, Rule
from rules.junk.confidence import MIN_CONFIDENCE, confidence_of, with_confidence
from rules.junk.context import context

MAX_RELATED = 3
MAX_SITES_NAMED = 3
SITE_FIELDS = ("site", "domain", "hostname", "host")
URL_FIELDS = ("url", "source_url", "link", "uri", "canonical_url")


def site_of(document: Document) -> str | None:
    """The document's site, from its metadata: a site or domain field, or the host of its URL."""
    metadata = document.metadata
    for name in SITE_FIELDS:
        value = metadata.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip().lower()
    for name in URL_FIELDS:
        value = metadata.get(name)
        if isinstance(value, str) and "//" in value:
            host = urlsplit(value.strip()).hostname
            if host:
                return host.removeprefix("www.")
    return None


def evidence(documents: int, sites: Counter[str]) -> str:
    """How widely a line recurs: the number of documents, and the sites they come from when known."""
    if not sites:
        return f"line recurs in {documents} documents (site boilerplate)"
    named = ", ".join(f"{site} {count}" for site, count in sites.most_common(MAX_SITES_NAMED))
    more = f", {len(sites) - MAX_SITES_NAMED} more" if len(sites) > MAX_SITES_NAMED else ""
    noun = "site" if len(sites) == 1 else "sites"
    return f"line recurs in {documents} documents from {len(sites)} {noun} ({named}{more}): site boilerplate"


def spread(documents: int) -> str:
    """The signal a recurring line's confidence is measured by: how many documents it recurs in."""
    return "documents-under-10" if documents < 10 else "documents-10-49" if documents < 50 else "documents-50+"


def line_key(line: str) -> str:
    normalised = " ".join(line.casefold().split())
    return "JNK007:" + hashlib.blake2b(normalised.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()


class RecurringLine(Rule):
    """A short line that recurs in many documents of a corpus: a site's header or footer.

    ## What it flags
    Every occurrence of a line (case and spacing ignored) that appears in at
    least `min_documents` different documents, when it has at least
    `min_characters` characters and at most `max_words` words: "Sign up for
    the Morning Briefing, delivered daily", "Reporting by Staff; editing by
    Desk", "© Example Media 2025". Each finding says in how many documents
    the line recurs and, when the records carry a URL or a site field
    (`url`, `source_url`, `link`, `site`, `domain`), from which sites, and
    names a few other places as related locations.

    ## Why
    Boilerplate that no phrase list knows is recognised by repetition: the
    same sentence under every article of a site. This is the line-level
    deduplication step of web-corpus pipelines (MassiveText, Rae et al.
    2021; CCNet, Wenzek et al. 2020, which drops paragraphs recurring
    across a shard).

    ## What it leaves alone
    Lines repeated within one document only (JNK004 reports those), long
    paragraphs, and lines in fewer than `min_documents` documents. Exact
    copies of whole articles make every line recur: deduplicate documents
    first.

    ## Example
    "Sign up for our Morning Briefing newsletter" at the end of 40 of a
    site's articles.

    ## Fix
    Deletes the line with its newline. Unsafe: a recurring line may be a
    widely quoted sentence.

    ## Options
    `min_documents` (default 5): how many documents a line must recur in.
    `min_characters` (default 10) and `max_words` (default 25): the lines considered.
    `min_confidence` (default 0.5): report only lines whose spread measured at
    least this precision on labelled pages (see `rules/junk/data/confidence.tsv`);
    the message gives each finding's figure.
    """

    code = "JNK007"
    name = "recurring-line"
    category = "junk"
    fixable = True
    default_options = {
        "min_documents": Option(5, minimum=2),
        "min_characters": Option(10, minimum=1),
        "max_words": Option(25, minimum=1),
        "min_confidence": MIN_CONFIDENCE,
    }

    def collect(self, document: Document) -> Iterator[Fact]:
        text = document.text
        site = site_of(document)
        min_characters, max_words = self.options["min_characters"], self.options["max_words"]
        seen: set[str] = set()
        for line in context(document).lines:
            if line.characters < min_characters or line.words > max_words:
                continue
            key = line_key(text[line.start : line.end])
            if key in seen:
                continue
            seen.add(key)
            cut_start, cut_end = text.rfind("\n", 0, line.start) + 1, text.find("\n", line.end) + 1
            if cut_end == 0:  # the last line: its newline before it goes instead
                cut_start, cut_end = max(cut_start - 1, 0), len(text)
            location = document.location(line.start, line.end)
            yield Fact(key, {"location": location, "cut": [cut_start, cut_end], "site": site})

    def reduce(self, key: str, values: Sequence[Any]) -> Iterator[Finding]:
        documents = {(value["location"].path, value["location"].record): value.get("site") for value in values}
        if len(documents) < self.options["min_documents"]:
            return
        confidence = confidence_of(self.code, spread(len(documents)))
        if confidence < self.options["min_confidence"]:
            return
        message = evidence(len(documents), Counter(site for site in documents.values() if site))
        examples = [
            Location(**{**value["location"].to_dict(), "message": "also here"}) for value in values[: MAX_RELATED + 1]
        ]
        for value in values:
            here: Location = value["location"]
            others = [other for other in examples if (other.path, other.record) != (here.path, here.record)]
            others = others[:MAX_RELATED]
            fix = Fix.delete(*value["cut"], safe=False, description="delete the recurring line")
            yield with_confidence(self.finding_at(here, message, fix=fix, related=others), confidence)
