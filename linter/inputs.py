"""Input problems as rules: codes to read about, select and ignore.

These rules check nothing themselves: readers (and the engine, for a rule
that ran out of time) report the problems, and the engine turns them into
findings under these codes.  Registering them as
rules gives them ``corpus-linter rule INP001`` docs and lets ``--ignore
INP003`` drop them, like any other code.
"""

from __future__ import annotations

from linter.finding import Severity
from linter.plugin import hookimpl
from linter.rule import Rule


class InputRule(Rule):
    """Shared attributes of the input-problem codes (not a rule itself: it has no code)."""

    category = "input"
    severity = Severity.ERROR


class UnreadableInput(InputRule):
    """A path that could not be read at all.

    ## What it flags
    A missing path, a file or folder without read permission, a binary file
    (NUL bytes, and no UTF-16 or UTF-32 byte-order mark), a corrupt or
    truncated compressed file, a Parquet file that pyarrow cannot open.

    ## Why
    Whatever could not be read was not checked; a clean report must not hide it.

    ## Example
    `corpus-linter check missing.txt` reports `INP001 no such file or directory`.
    """

    code = "INP001"
    name = "unreadable-input"


class InvalidUtf8(InputRule):
    """A text file whose bytes are not valid UTF-8 (or UTF-16/UTF-32, after such a byte-order mark).

    ## What it flags
    The first invalid byte sequence, by byte offset and line. The document is
    still checked with the bad bytes replaced by U+FFFD, and `--fix` never
    rewrites it (the original bytes would be lost). A file that starts with
    a UTF-16 or UTF-32 byte-order mark is read in that encoding; without a
    mark, text is UTF-8.

    ## Why
    Text in another encoding, or a file cut inside a character, is damaged
    data that the encoding rules cannot see byte by byte.

    ## Example
    A Latin-1 file containing "Café" reports `INP002 invalid UTF-8 at byte 3`.
    """

    code = "INP002"
    name = "invalid-utf8"


class BrokenRecord(InputRule):
    """A JSON-lines or Parquet record that is not a document.

    ## What it flags
    A line that is not valid JSON, a record that is not an object, or a record
    without a string in the text field (`text-field`, default `text`). The
    finding names the record and the line of the file.

    ## Why
    A broken record is silently missing from every downstream use of the corpus.

    ## Example
    `{"id": 3}` reports `INP003 record has no field 'text'`.
    """

    code = "INP003"
    name = "broken-record"


class DocumentTooLarge(InputRule):
    """A document longer than `max-document-chars`, reported and not checked.

    ## What it flags
    A document with more characters than the `max-document-chars` setting
    (default 10,000,000).

    ## Why
    A document of tens of millions of characters is nearly always a blob (a
    minified page, a dump) rather than prose, and checking it would stall a run.
    Raise the setting to check such documents anyway.

    ## Example
    A 50 MB single-line file reports `INP004 document has 50,000,000 characters`.
    """

    code = "INP004"
    name = "document-too-large"


class RuleTimedOut(InputRule):
    """A rule stopped on a document because it ran past its time budget.

    ## What it flags
    A document on which one rule used more than `rule-timeout` seconds of
    CPU time (default 10; per million characters for longer documents). The rule is
    stopped there and the run goes on; its findings on that document are
    missing. A rule stopped on 3 documents is not run on the rest of the
    run, with one warning.

    ## Why
    A rule that is slow on some input (a pattern that backtracks, a loop that
    is quadratic in a long word) must not hang a run, and a document it did
    not finish was not checked by it: a clean report must not hide that.

    ## Example
    `INP005 rule ENC005 (stray-letter) was stopped after 10 s on this
    document of 40,000 characters (rule-timeout); its findings here are missing`.
    Raise `rule-timeout` (0 means no limit), or report the slow rule with the document.
    """

    code = "INP005"
    name = "rule-timeout"


class RuleFailed(InputRule):
    """A rule that raised an error on a document.

    ## What it flags
    A document on which a rule (built-in, plugin or custom) raised instead
    of returning its findings: a bug in the rule, or data it cannot handle.
    The other rules' findings stand; this rule's findings on that document
    are missing. The run also ends with an error naming the rule, and exit
    code 2, whatever `--quiet` and `--exit-zero` say.

    ## Why
    A rule that did not run did not check; a report that passes over it
    would claim a check that never happened.

    ## Example
    `INP006 rule EXA001 (placeholder-text) failed on this document:
    KeyError('phrase'); its findings here are missing`.
    """

    code = "INP006"
    name = "rule-error"


@hookimpl
def corpus_linter_register_rules() -> list[type[Rule]]:
    return [UnreadableInput, InvalidUtf8, BrokenRecord, DocumentTooLarge, RuleTimedOut, RuleFailed]
