"""TYP: common misspellings from codespell's dictionary ("teh" for "the")."""

from __future__ import annotations

from typing import Iterator

from linter import Document, Finding, Fix, Option, Rule
from rules.typos.text import analyse
from rules.typos.vocabulary import misspelled_words, misspellings


class Misspelling(Rule):
    """A word from codespell's list of common misspellings ("teh", "goverment").

    ## What it flags
    Lower-case words that codespell's dictionary lists as misspellings, such
    as "teh", "recieve" or "goverment". The dictionary is read at run time
    from the installed codespell package (GPL-2.0); entries that are real
    words, names or common words of other languages in news (bloc, ore, Hart,
    Claus, "oder", "ist") are dropped: see `rules/typos/data/codespell_drop.txt`,
    extended with the `ignore` option. So are variants in real use: spellings
    that the dictionary knows and that wordfreq finds at least a thirtieth as
    often as the correction ("despatch", "useable", "combatting", "racoon").

    ## Why
    Hurried editing and machine-spun text leave transposed and dropped
    letters; a curated list catches them without flagging the many names
    news is full of.

    ## What it leaves alone
    Capitalised words (names: "Hart", "Claus"), words in URLs, e-mail
    addresses and file names, a word followed by "[sic]", words inside short
    quotations ("the sign read 'goverment'"), words joined by a hyphen or
    apostrophe to another, texts that are not English, and lines in another
    language within an English text (a reader's comment in Spanish).

    ## Example
    "These conversations, teh first as the war began" becomes "These
    conversations, the first as the war began".

    ## Fix
    Replaces the word with the correction when codespell gives exactly one;
    safe. Entries with several candidates are reported without a fix.

    ## Options
    `ignore`: more words never to report (lower case).
    """

    code = "TYP001"
    name = "misspelling"
    category = "typo"
    fixable = True
    default_options = {"ignore": Option([], items=str)}

    def check(self, document: Document) -> Iterator[Finding]:
        analysis = analyse(document)
        table = misspellings()
        ignored = {word.lower() for word in self.options["ignore"]}
        listed = (word for word in filter(str.islower, analysis.distinct_words & misspelled_words()) if word not in ignored)
        found = sorted((start, word) for word in listed for start in analysis.lower_word_starts(word))
        # Most documents have no listed word: the language test (a pass over the text) comes after.
        if not found or not analysis.english:
            return
        for start, word in found:
            entry = table[word]
            end = start + len(word)
            if analysis.is_kept(start, end) or analysis.in_foreign_line(start):
                continue
            candidates = " or ".join(repr(c) for c in entry.candidates)
            fix = None
            if entry.automatic:
                fix = Fix.replace(start, end, entry.candidates[0], description=f"replace with {entry.candidates[0]!r}")
            yield self.finding(document, start, end, f"misspelling: {word!r}, did you mean {candidates}?", fix=fix)
