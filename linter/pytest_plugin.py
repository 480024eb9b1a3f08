"""pytest integration: lint a corpus as part of a test run.

* ``pytest --corpus-lint data/`` adds one test item per checked file; it
  fails with the findings as its report.  ``--corpus-lint-select`` narrows
  the rules (same selectors as ``check --select``).
* The ``corpus_lint`` fixture lints paths or a text from a test and returns
  the findings.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Callable, Sequence

import pytest

from linter.config import ConfigError, discover_config
from linter.engine import BrokenInstall, Linter
from linter.finding import Finding
from linter.reporters.text import caret_block, headline


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "corpus_lint: a corpus file checked by corpus-linter (--corpus-lint)")


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("corpus-linter")
    group.addoption("--corpus-lint", action="append", default=[], metavar="PATH", help="lint this corpus path as tests")
    group.addoption("--corpus-lint-select", default=None, help="rules to run (comma-separated selectors)")


class CorpusLintError(Exception):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__(f"{len(findings)} findings")
        self.findings = findings


class CorpusLintItem(pytest.Item):
    """One checked file; passes when it has no findings."""

    def __init__(self, *, findings: list[Finding], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.findings = findings
        self.add_marker("corpus_lint")

    def runtest(self) -> None:
        if self.findings:
            raise CorpusLintError(self.findings)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CorpusLintError):
            lines = []
            for finding in excinfo.value.findings:
                lines.append(headline(finding))
                lines.extend(caret_block(finding))
            return "\n".join(lines)
        return super().repr_failure(excinfo)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"corpus-lint {self.name}"


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    paths = config.getoption("corpus_lint")
    if not paths:
        return
    select = config.getoption("corpus_lint_select")
    selectors = [part.strip() for part in select.split(",") if part.strip()] if select else None
    try:
        linter = Linter(discover_config(None, Path(paths[0])), select=selectors, jobs=1)
        result = linter.run(paths)
    except (ConfigError, BrokenInstall) as error:
        raise pytest.UsageError(f"--corpus-lint: {error}") from None
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    for warning in dict.fromkeys(result.warnings):
        if reporter is not None:
            reporter.write_line(f"corpus-linter warning: {warning}", yellow=True)
    by_path: dict[str, list[Finding]] = {}
    for path in paths:
        for entry in linter.discover([path]):
            if isinstance(entry, str):
                by_path.setdefault(entry, [])
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    for path, findings in sorted(by_path.items()):
        items.append(CorpusLintItem.from_parent(session, name=path, path=Path(path).resolve(), findings=findings))


@pytest.fixture
def corpus_lint() -> Callable[..., list[Finding]]:
    """Lint from a test: ``corpus_lint("data/")``, ``corpus_lint(["a.txt", "b.jsonl"])``,
    ``corpus_lint("Officials said teh plan.")`` or ``corpus_lint(text="...")`` -> findings.

    A string that names an existing file or folder, or looks like a path (no
    white space, and a folder separator or a corpus file's ending), is a path:
    a missing one is reported (INP001), never linted as a text, so a wrong
    path cannot pass silently.  Any other string is a text to lint (``text=``
    says so explicitly).  Other keywords go to ``Linter`` (``select=``,
    ``ignore=``...); ``date=`` dates a text.
    """

    def lint(
        target: str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None = None,
        *,
        text: str | None = None,
        date: str | None = None,
        **kwargs: Any,
    ) -> list[Finding]:
        if text is not None and target is not None:
            raise TypeError("corpus_lint: give paths or text=, not both")
        paths = [os.fspath(target)] if isinstance(target, (str, os.PathLike)) else [os.fspath(p) for p in target or []]
        first = Path(paths[0]) if paths else None
        linter = Linter(discover_config(None, first), jobs=kwargs.pop("jobs", 1), **kwargs)
        if isinstance(target, str) and not Path(target).exists() and not _looks_like_a_path(target, linter):
            paths, text = [], target
        if text is not None:
            return linter.check_text(text, date=date)
        return linter.run(paths or ["."]).findings

    return lint


def _looks_like_a_path(candidate: str, linter: Linter) -> bool:
    return not any(char.isspace() for char in candidate) and (
        "/" in candidate or os.sep in candidate or linter.registry.reader_for(candidate) is not None
    )
