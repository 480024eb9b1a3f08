"""The hooks a corpus-linter plugin may implement.

A plugin is any module or object with functions decorated with
``linter.hookimpl`` and named after the specs below.  Plugins are found
through the ``corpus_linter`` entry-point group, through the ``plugins`` key of
the config (local modules), or registered directly from the Python API.  The
built-in rules, readers and reporters arrive through these same hooks.

Each spec documents its contract; a test checks that every hook is documented
in the README too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

import pluggy

if TYPE_CHECKING:
    from linter.config import Config
    from linter.document import Document, DocumentDate
    from linter.finding import Finding
    from linter.readers.base import Reader
    from linter.reporters.base import Reporter
    from linter.rule import Rule

PROJECT = "corpus_linter"

hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def corpus_linter_register_rules() -> Iterable[type[Rule]]:
    """Return the rule classes this plugin provides.

    Rule codes must be unique across all plugins; a clash is reported and the
    later rule is skipped.
    """


@hookspec
def corpus_linter_register_readers() -> Iterable[type[Reader]]:
    """Return the reader classes this plugin provides.

    A reader claims files by suffix (``Reader.suffixes``); a plugin's reader
    wins over a built-in for the same suffix.
    """


@hookspec
def corpus_linter_register_reporters() -> Iterable[type[Reporter]]:
    """Return the reporter classes this plugin provides.

    Each reporter's ``name`` becomes a value of ``--output-format``.
    """


@hookspec(firstresult=True)
def corpus_linter_document_date(document: Document, config: Config) -> DocumentDate | None:
    """Return the date a document should be checked against, or None.

    Called for documents whose reader found no date in the record's own
    metadata.  The first non-None answer wins.  The built-in implementation
    (front matter, a date in the file name, a dateline, then the configured
    default or ``--date``) runs first; a plugin answers for documents it
    leaves undated.
    """


@hookspec
def corpus_linter_keep_finding(finding: Finding) -> bool | None:
    """Return False to drop a finding before it is reported.

    Called once per finding, per-document and corpus phase alike, in the
    main process.  Any plugin returning False drops the finding; None or
    True keeps it.  Use it for allow-lists that config cannot express.
    """
