"""Built-in reporters, registered through the same hook as any plugin's."""

from __future__ import annotations

from linter.plugin import hookimpl
from linter.reporters.base import Report, Reporter
from linter.reporters.github import GithubReporter
from linter.reporters.gitlab import GitlabReporter
from linter.reporters.html import HtmlReporter
from linter.reporters.json import JsonLinesReporter, JsonReporter
from linter.reporters.junit import JunitReporter
from linter.reporters.sarif import SarifReporter
from linter.reporters.text import ConciseReporter, FullReporter, GroupedReporter

__all__ = ["Report", "Reporter"]

BUILTIN_REPORTERS: list[type[Reporter]] = [
    FullReporter,
    ConciseReporter,
    GroupedReporter,
    JsonReporter,
    JsonLinesReporter,
    SarifReporter,
    GithubReporter,
    JunitReporter,
    GitlabReporter,
    HtmlReporter,
]


@hookimpl
def corpus_linter_register_reporters() -> list[type[Reporter]]:
    return list(BUILTIN_REPORTERS)
