"""Built-in reporters, registered through the same hook as any plugin's."""

from __future__ import annotations

from linter.plugin import hookimpl
from linter.reporters.base import Report, Reporter
from linter.reporters.json import JsonLinesReporter, JsonReporter
from linter.reporters.text import ConciseReporter, FullReporter, GroupedReporter

__all__ = ["Report", "Reporter"]


@hookimpl
def corpus_linter_register_reporters() -> list[type[Reporter]]:
    return [FullReporter, ConciseReporter, GroupedReporter, JsonReporter, JsonLinesReporter]
