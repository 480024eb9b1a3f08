"""An example corpus-linter plugin: one rule, one reader, one reporter.

corpus-linter imports this module through the ``corpus_linter`` entry point
(see ``pyproject.toml``) and calls the hooks below, exactly as it does for its
own built-in rules, readers and reporters.
"""

from __future__ import annotations

from linter import hookimpl

from corpus_linter_example.count_reporter import CountReporter
from corpus_linter_example.csv_reader import CsvReader
from corpus_linter_example.placeholder_text import PlaceholderText


@hookimpl
def corpus_linter_register_rules() -> list:
    return [PlaceholderText]


@hookimpl
def corpus_linter_register_readers() -> list:
    return [CsvReader]


@hookimpl
def corpus_linter_register_reporters() -> list:
    return [CountReporter]
