"""The rule contract.

A rule is one class.  Its docstring is its documentation (``corpus-linter rule
CODE`` prints it), so it says what the rule flags, why, an example and its
options, in the template of ruff's rule pages.

Two phases, one class:

* ``check(document)`` runs per document, in worker processes.
* ``collect(document)`` emits keyed facts per document; the engine groups all
  facts by key, in input order, and calls ``reduce(key, values)`` once per
  key to turn a group into findings.  This keyed reduction is the whole
  contract between a corpus-level rule and the engine, so the same rule can
  run on a distributed engine (shards emit facts; a reducer groups them)
  without change.  Fact values must be picklable, and JSON-serialisable
  (``Location`` allowed) for distributed runs.

Rules see ``document.text`` with "\n" line ends (the document model
normalises "\r\n" and "\r"); the engine maps the offsets of findings, fixes
and the ``Location``s in facts back to the text as read.  An offset a fact
carries as a bare number is not mapped: carry it as a ``Location``.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Iterable, Mapping, Sequence

from linter.document import Document
from linter.finding import Fix, Finding, Location, Severity
from linter.options import default_of, problem_with


WARM_UP_TEXT = (
    "WASHINGTON, June 2, 2025 (Reuters) - The the delegation met in Istanbul on Monday, "
    "and russian officials agreed to exchange 1,000 prisoners each, teh ministry said.\n"
)


class RuleOptionError(ValueError):
    """A rule was given an option it does not have, or a value of the wrong type."""


@dataclass(frozen=True)
class Fact:
    """One keyed value emitted by a corpus-level rule for the reduce step."""

    key: str
    value: Any


class Rule:
    """Base class of every rule; subclasses set the class attributes below."""

    code: ClassVar[str]
    """Family prefix plus number, e.g. ``JNK001``."""
    name: ClassVar[str]
    """Kebab-case name, e.g. ``comment-form``."""
    category: ClassVar[str]
    """``junk``, ``encoding``, ``typo``, ``anachronism``, ``numeric`` or a plugin's own."""
    severity: ClassVar[Severity] = Severity.WARNING
    default_options: ClassVar[Mapping[str, Any]] = {}
    """Option name -> default value, or an ``Option`` with bounds, item type, choices (linter.options)."""
    enabled_by_default: ClassVar[bool] = True
    """Off-by-default rules run only when selected by their exact code or name."""
    fixable: ClassVar[bool] = False
    prepare_only_loads: ClassVar[bool] = False
    """True when an overridden ``prepare`` only loads what ``check`` loads on first use anyway (it checks
    no option or user file): a run in one process then skips it, and loads only what its documents need."""
    config_root: Path | None = None
    """The config file's folder: rule options that name files are relative to it."""

    def __init__(self, options: Mapping[str, Any] | None = None, severity: Severity | None = None) -> None:
        options = dict(options or {})
        self.check_options(options)
        self.options: dict[str, Any] = {**self.option_defaults(), **options}
        if severity is not None:
            self.severity = severity

    @classmethod
    def option_defaults(cls) -> dict[str, Any]:
        """Each option's default value (``default_options`` may wrap one in an ``Option``)."""
        return {key: default_of(value) for key, value in cls.default_options.items()}

    @classmethod
    def check_options(cls, options: Mapping[str, Any], root: Path | None = None) -> None:
        """RuleOptionError for the first unknown option or bad value, checked against ``default_options``.

        With ``root`` (the config's folder), options that name files must name existing files.
        """
        unknown = sorted(set(options) - set(cls.default_options))
        if unknown:
            known = ", ".join(sorted(cls.default_options)) or "none"
            raise RuleOptionError(f"{cls.code} ({cls.name}) has no option {', '.join(unknown)}; its options: {known}")
        for key, value in options.items():
            problem = problem_with(value, cls.default_options[key], root)
            if problem is not None:
                raise RuleOptionError(f"{cls.code} ({cls.name}) option {key}: {problem}")

    # -- phases ---------------------------------------------------------------

    def prepare(self) -> None:
        """Load heavy data (lexicons, automata, the knowledge base) once, before the run.

        Called in the main process before worker processes start, so on
        platforms that fork, workers share what was loaded instead of each
        loading it again.  By default it runs the rule once on a short
        sample text, which loads whatever the rule loads lazily; override it
        to load explicitly.
        """
        sample = Document(text=WARM_UP_TEXT, path="<warm-up>")
        try:
            if self.is_document_rule():
                list(self.check(sample))
            if self.is_corpus_rule():
                list(self.collect(sample))
        except Exception:  # a rule that fails here fails on documents too, where the run reports it
            pass

    def check(self, document: Document) -> Iterable[Finding]:
        """Findings for one document."""
        return ()

    def collect(self, document: Document) -> Iterable[Fact]:
        """Facts for the corpus phase."""
        return ()

    def reduce(self, key: str, values: Sequence[Any]) -> Iterable[Finding]:
        """Findings for one key's facts, gathered across the whole corpus."""
        return ()

    def needs_preparing(self, workers: bool) -> bool:
        """Whether ``prepare`` must run before the documents: always when workers will share what it
        loads; in one process only when it may check options or files (a bad one stops the run there)."""
        return workers or not (type(self).prepare is Rule.prepare or self.prepare_only_loads)

    @classmethod
    def is_corpus_rule(cls) -> bool:
        return cls.collect is not Rule.collect

    @classmethod
    def is_document_rule(cls) -> bool:
        return cls.check is not Rule.check

    # -- helpers for subclasses --------------------------------------------------

    def finding(
        self,
        document: Document,
        start: int,
        end: int,
        message: str,
        *,
        fix: Fix | None = None,
        related: Iterable[Location] = (),
    ) -> Finding:
        """A finding of this rule at ``document.text[start:end]``."""
        return self.finding_at(document.location(start, end), message, fix=fix, related=related)

    def finding_at(
        self, location: Location, message: str, *, fix: Fix | None = None, related: Iterable[Location] = ()
    ) -> Finding:
        """A finding at a location carried from the per-document phase."""
        return Finding(
            code=self.code,
            name=self.name,
            category=self.category,
            severity=self.severity,
            message=message,
            location=location,
            fix=fix,
            related=tuple(related),
        )

    @classmethod
    def documentation(cls) -> str:
        """The rule's docs: its docstring, dedented once.

        The body's indentation is that of its indented lines, so a line that
        slipped to the margin does not leave every other line indented (as
        ``inspect.cleandoc`` would).
        """
        lines = (cls.__doc__ or "").expandtabs().splitlines() or [""]
        indents = [len(line) - len(line.lstrip(" ")) for line in lines[1:] if line.strip() and line.startswith(" ")]
        margin = min(indents, default=0)
        body = [line[margin:] if line[:margin].isspace() else line.lstrip(" ") for line in lines[1:]]
        return inspect.cleandoc("\n".join([lines[0].strip(), *body]))

    @classmethod
    def summary(cls) -> str:
        """The docstring's first line."""
        return cls.documentation().split("\n", 1)[0]


def rules_in_package(package: str) -> list[type[Rule]]:
    """Every concrete Rule subclass defined in a package's modules, by code.

    A family package registers with one hook that calls this, so adding a
    rule is adding a file: nothing else changes.
    """
    root = importlib.import_module(package)
    modules = [root]
    for info in pkgutil.walk_packages(getattr(root, "__path__", []), prefix=package + "."):
        modules.append(importlib.import_module(info.name))
    found: dict[str, type[Rule]] = {}
    for module in modules:
        for obj in vars(module).values():
            if (
                inspect.isclass(obj)
                and issubclass(obj, Rule)
                and obj.__module__ == module.__name__
                and "code" in vars(obj)
            ):
                found[obj.code] = obj
    return [found[code] for code in sorted(found)]

