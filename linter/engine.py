"""The run: inputs -> documents -> per-document rules -> corpus phase -> findings.

Documents are read as a stream and checked in batches by worker processes;
only findings and corpus facts come back, so memory in the per-document
phase does not grow with the corpus.
"""

from __future__ import annotations

import fnmatch
import os
import sys
import time
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Callable, Iterable, Iterator, Sequence, TextIO

from linter import cache as caching
from linter.budget import TIMEOUTS_BEFORE_RETIRING, TimeBudget
from linter.cache import (
    FileResults,
    ResultCache,
    code_signature,
    digest_of,
    file_digest,
    option_file_digests,
    package_versions,
    plugin_roots,
)
from linter.checker import Batch, DocumentChecker, DocumentResult, check_document, check_documents, checked_items, silenced
from linter.changes import Focus
from linter.config import Config, ConfigError
from linter.custom import custom_rule_classes
from linter.distributed import Shard, group_facts, write_facts
from linter.dates import parse_date_value
from linter.document import Document, DocumentDate
from linter.executor import default_jobs, ordered_map
from linter.finding import Finding, Location, Severity
from linter.plugin import PluginHost, default_host
from linter.readers.base import InputProblem, Item, ReadSettings
from linter.registry import Registry, build_registry
from linter.rule import Rule, RuleOptionError
from linter.suppression import suppression_fact, suppressions_from_facts
from linter.selection import PerFileIgnores, matches, select_rules, severity_for, unknown_selectors

STDIN = "-"
BATCH_DOCUMENTS = 64
BATCH_CHARACTERS = 2_000_000
TIMEOUT_CODE = "INP005"
RULE_ERROR_CODE = "INP006"

class BrokenInstall(Exception):
    """A built-in rule, reader or reporter module failed to load: an internal error (exit 2)."""


class PluginFailure(ConfigError):
    """A plugin failed to import or to register its classes; its rules would silently not run (exit 2)."""


@dataclass
class RunResult:
    findings: list[Finding] = field(default_factory=list)
    documents: int = 0
    bytes: int = 0
    warnings: list[str] = field(default_factory=list)
    digests: dict[tuple[str, int | None], str] = field(default_factory=dict)
    """Digest of each checked text that has fixable findings, by (path, record)."""
    errors: list[str] = field(default_factory=list)
    """Rules that raised: the run did not check what it should have (the CLI exits 2)."""
    paths: set[str] = field(default_factory=set)
    """The files that documents were read from (what a baseline's stale entries are judged against)."""


class RuleProblems:
    """Rules that raised or ran out of time, counted per rule, so a run reports each broken rule once."""

    def __init__(self) -> None:
        self.failures: dict[str, tuple[int, str]] = {}
        self.timeouts: Counter[str] = Counter()
        self.skipped: Counter[str] = Counter()

    def add_failure(self, code: str, message: str) -> None:
        count, first = self.failures.get(code, (0, message))
        self.failures[code] = (count + 1, first)

    def add_document(self, result: DocumentResult) -> None:
        path, record = result.where
        where = path if record is None else f"{path}[{record}]"
        for code, error in result.failures:
            self.add_failure(code, f"on {where}: {error}")
        self.timeouts.update(code for code, _seconds in result.timeouts)
        self.skipped.update(result.skipped)

    def merge(self, other: RuleProblems) -> None:
        """Add another part of the run's problems (the first message of the earlier part wins)."""
        for code, (count, first) in other.failures.items():
            known, message = self.failures.get(code, (0, first))
            self.failures[code] = (known + count, message)
        self.timeouts.update(other.timeouts)
        self.skipped.update(other.skipped)

    def retired(self) -> frozenset[str]:
        """Rules that timed out on enough documents not to be tried on the rest."""
        return frozenset(code for code, count in self.timeouts.items() if count >= TIMEOUTS_BEFORE_RETIRING)

    def errors(self) -> list[str]:
        return [
            f"rule {code} failed {count} time{'s' if count != 1 else ''}; first {first}"
            for code, (count, first) in sorted(self.failures.items())
        ]

    def warnings(self) -> list[str]:
        return [
            f"rule {code} ran out of time (rule-timeout) on {self.timeouts[code]} documents and was not run on "
            f"the {self.skipped[code]} document{'s' if self.skipped[code] != 1 else ''} after them"
            for code in sorted(self.retired())
        ]


class Linter:
    """A configured linter: which rules, which readers, which plugins.

    Build one per run; ``run(paths)`` or ``check_text(text)`` use it.
    """

    def __init__(
        self,
        config: Config | None = None,
        *,
        host: PluginHost | None = None,
        select: list[str] | None = None,
        extend_select: Iterable[str] = (),
        ignore: Iterable[str] = (),
        jobs: int | None = None,
        exclude: Iterable[str] = (),
        force_exclude: bool | None = None,
        cache: bool | None = None,
    ) -> None:
        """``cache``: True keeps each file's results in the cache folder and reuses them while the
        file, the settings and the code are unchanged (the CLI's default); None (the default) caches
        only compiled rule data; False caches nothing."""
        self.config = config or Config()
        # Cache entries are pickles: a config that may not run code (found beside a downloaded corpus)
        # may not point the cache at a folder it ships either.
        trusted_folder = self.config.cache_folder() if self.config.local_plugins_allowed else None
        caching.configure(trusted_folder, enabled=cache is not False)
        if host is None:
            allowed = self.config.local_plugins_allowed
            host = default_host(self.config.plugins if allowed else (), self.config.root)
            if self.config.plugins and not allowed:
                host.warnings.append(
                    f"{self.config.path}: plugins {', '.join(self.config.plugins)} not imported: this config was "
                    "found beside the checked files, outside the current project "
                    "(to run its code, pass --allow-local-plugins or --config)"
                )
        self.host = host
        self.registry: Registry = build_registry(self.host)
        broken = self.host.broken_builtins()
        if broken:
            details = "; ".join(w for w in self.host.warnings if any(repr(b) in w for b in broken))
            raise BrokenInstall(f"corpus-linter's own plugin(s) {', '.join(broken)} failed: {details}")
        failed = sorted(self.host.failed - self.host.builtin_names)
        if failed:
            details = "; ".join(w for w in self.host.warnings if any(repr(name) in w for name in failed))
            raise PluginFailure(f"a plugin failed to load, so its rules would not run: {details}")
        for custom in custom_rule_classes(self.config):
            if custom.code in self.registry.rules:
                raise ConfigError(f"{self.config.path}: custom rule code {custom.code} is already taken")
            self.registry.rules[custom.code] = custom
        self._check_selectors(select, list(extend_select), list(ignore))
        self.select = select if select is not None else self.config.select
        self.extend_select = list(self.config.extend_select) + list(extend_select)
        self.ignore = list(self.config.ignore) + list(ignore)
        self.jobs = jobs or self.config.jobs or default_jobs()
        self.budget = TimeBudget(self.config.rule_timeout)
        self.exclude = list(self.config.exclude) + list(self.config.extend_exclude) + list(exclude)
        self.force_exclude = self.config.force_exclude if force_exclude is None else force_exclude
        self.rules = self._build_rules()
        self.selected_codes = {rule.code for rule in self.rules}
        self.per_file_ignores = PerFileIgnores(self.config.per_file_ignores, self.config.root)
        self.read_settings = ReadSettings(
            self.config.text_field, self.config.id_field, self.config.date_field, self.config.max_document_chars
        )
        folder = caching.folder() if cache else None
        self.result_cache = ResultCache(folder, self.settings_digest()) if folder is not None else None

    # -- set-up -----------------------------------------------------------------

    def _check_selectors(self, select: list[str] | None, extend_select: list[str], ignore: list[str]) -> None:
        """Every selector names some rule; the error says where it was written."""
        config = self.config
        source = f"{config.path}: " if config.path else ""
        places = [
            (f"{source}select", config.select or []),
            (f"{source}extend-select", config.extend_select),
            (f"{source}ignore", config.ignore),
            (f"{source}severity", list(config.severity)),
            *((f"{source}per-file-ignores.{glob!r}", values) for glob, values in config.per_file_ignores.items()),
            ("--select", select or []),
            ("--extend-select", extend_select),
            ("--ignore", ignore),
        ]
        for where, selectors in places:
            unknown = unknown_selectors(selectors, self.registry.rules.values())
            if unknown:
                hint = ""
                if self.host.failed:
                    hint = f" (plugins that failed to load: {'; '.join(self.host.warnings)})"
                raise ConfigError(f"{where}: unknown rule selector(s): {', '.join(unknown)}{hint}")

    def _build_rules(self) -> list[Rule]:
        where = self.config.path or "command line"
        for key, values in self.config.rules.items():  # every rule's options, selected or not
            rule_class = self.registry.rule_named(key)
            if rule_class is None:
                raise ConfigError(f"{where}: rules.{key}: no rule has this code or name")
            try:
                rule_class.check_options(values, self.config.root)
            except RuleOptionError as error:
                raise ConfigError(f"{where}: rules.{key}: {error}") from None
        chosen = select_rules(self.registry.rules.values(), self.select, self.extend_select, self.ignore)
        # Input problems are reported whatever is selected, unless ignored by name: what was not
        # read was not checked, and a narrow --select must not hide that.
        chosen += [
            rule
            for rule in self.registry.rules.values()
            if rule.category == "input" and rule not in chosen and not any(matches(s, rule) for s in self.ignore)
        ]
        rules = []
        for rule_class in chosen:
            options: dict[str, Any] = {}
            for key, values in self.config.rules.items():
                if self.registry.rule_named(key) is rule_class:
                    options.update(values)
            try:
                rule = rule_class(options, severity_for(rule_class, self.config.severity))
            except RuleOptionError as error:
                raise ConfigError(f"{where}: rules.{rule_class.code}: {error}") from None
            rule.config_root = self.config.root
            rules.append(rule)
        return rules

    def settings_digest(self) -> str:
        """Everything a file's results depend on besides its content: versions, the plugins' code and
        data, the resolved config, the rules with their options and the files those name."""
        settings = self.config.as_toml_dict()
        for unrelated in ("path", "jobs", "output-format", "cache-dir", "exclude", "extend-exclude", "force-exclude"):
            settings.pop(unrelated, None)
        rules = [
            (rule.code, type(rule).__module__, type(rule).__qualname__, rule.severity.value, sorted(rule.options.items()))
            for rule in self.rules
        ]
        option_values = [value for rule in self.rules for value in rule.options.values()]
        return digest_of(
            caching.FORMAT,
            sys.version_info[:3],
            package_versions(caching.dependencies()),
            code_signature(plugin_roots(self.host.manager.get_plugins())),
            sorted(settings.items()),
            rules,
            option_file_digests(option_values, self.config.root),
        )

    # -- inputs -----------------------------------------------------------------

    def _excluded(self, relative: PurePath) -> bool:
        """Whether a path matches an exclude pattern, by any of its parts or as a whole.

        Walked files are matched by their path below the folder named on the
        command line, so where a corpus sits (``build/venv/corpus``) does not matter.
        """
        text = relative.as_posix()
        return any(
            fnmatch.fnmatch(text, pattern) or any(fnmatch.fnmatch(part, pattern) for part in relative.parts)
            for pattern in self.exclude
        )

    def discover(self, paths: Sequence[str]) -> Iterator[str | InputProblem]:
        """Files to read, in a deterministic order, each once; missing paths become problems.

        A path named explicitly is read whatever it is (a file, a FIFO, /dev/stdin)
        unless --force-exclude excludes it; folders are walked for files a reader claims.
        """
        seen: set[str] = set()
        for raw in paths:
            if raw == STDIN:
                yield STDIN
                continue
            path = Path(raw)
            if not path.exists():
                yield InputProblem("INP001", "no such file or directory", raw)
            elif not path.is_dir():
                if not (self.force_exclude and self._excluded(PurePath(raw))) and _first_time(path, seen):
                    yield raw
            else:
                yield from self._walk(path, seen)

    def _walk(self, top: Path, seen: set[str]) -> Iterator[str | InputProblem]:
        problems: list[InputProblem] = []

        def unreadable(error: OSError) -> None:
            problems.append(InputProblem("INP001", f"cannot list folder: {error.strerror or error}", str(error.filename)))

        folders: set[str] = set()  # real paths: followed symlinks must not loop
        for root, dirs, files in os.walk(top, onerror=unreadable, followlinks=True):
            yield from problems
            problems.clear()
            real = os.path.realpath(root)
            if real in folders:
                dirs[:] = []
                continue
            folders.add(real)
            relative_root = Path(root).relative_to(top)
            dirs[:] = sorted(d for d in dirs if not self._excluded(relative_root / d))
            for name in sorted(files):
                file_path = Path(root) / name
                if (
                    self.registry.reader_for(name)
                    and not self._excluded(relative_root / name)
                    and file_path.is_file()
                    and _first_time(file_path, seen)
                ):
                    yield str(file_path)
        yield from problems

    def read(self, paths: Sequence[str], stdin_filename: str | None = None) -> Iterator[Item]:
        """Documents and input problems, as a stream, with dates resolved."""
        for entry in self.discover(paths):
            if isinstance(entry, InputProblem):
                yield entry
            else:
                yield from self.read_entry(entry, stdin_filename)

    def read_entry(self, entry: str, stdin_filename: str | None = None) -> Iterator[Item]:
        """The documents and input problems of one discovered file (or standard input)."""
        name = (stdin_filename or STDIN) if entry == STDIN else entry
        reader_class = self.registry.reader_for(name) or self.registry.reader_for(".txt")
        assert reader_class is not None, "the built-in text reader is always registered"
        try:
            if entry == STDIN and sys.stdin is None:  # started with standard input closed (<&-)
                yield InputProblem("INP001", "standard input is closed", name)
            elif entry == STDIN:
                yield from self._read_stream(reader_class, name, sys.stdin.buffer)
            else:
                with open(entry, "rb") as stream:
                    yield from self._read_stream(reader_class, name, stream)
        except OSError as error:
            yield InputProblem("INP001", f"cannot be read: {error.strerror or error}", name)
        except Exception as error:  # any reader's bug or surprise, at any point of a stream: not a silent pass
            yield InputProblem("INP001", f"the {getattr(reader_class, 'name', reader_class.__name__)} reader stopped: {error!r}", name)

    def texts(self, wanted: Iterable[tuple[str, int | None]]) -> dict[tuple[str, int | None], str]:
        """The texts of some documents, read again from their files, by (path, record).

        Only the files that hold a wanted document are read; standard input
        cannot be read twice, so its documents are missing from the answer.
        """
        wanted = set(wanted)
        files = sorted({path for path, _record in wanted if path != STDIN})
        found: dict[tuple[str, int | None], str] = {}
        for item in self.read(files):
            if isinstance(item, Document) and (item.path, item.record) in wanted:
                found[(item.path, item.record)] = item.source_text  # offsets refer to the text as read
        return found

    def _read_stream(self, reader_class: type, name: str, stream: Any) -> Iterator[Item]:
        return self.dated(reader_class().read(name, stream, self.read_settings))

    def dated(self, items: Iterable[Item]) -> Iterator[Item]:
        """The items, each document's date resolved (also for documents read outside ``read``, as on Dask workers)."""
        for item in items:
            if isinstance(item, Document):
                item.date = self._document_date(item)
            yield item

    def _document_date(self, document: Document) -> DocumentDate | None:
        """The document's date under ``date-precedence``; ``document.date`` holds its record field's date, if any."""
        config, own = self.config, document.date
        if config.date_precedence == "config" and config.date is not None:
            return config.date
        if own is not None and config.date_precedence == "field":
            return own
        found = self.host.call_safely(self.host.manager.hook.corpus_linter_document_date, None, document=document, config=config)
        if own is not None and (found is None or found is config.date):
            return own  # nothing in the text: the record's field beats the configured default
        return found

    # -- the run ----------------------------------------------------------------

    def too_large(self, document: Document) -> InputProblem:
        limit = self.config.max_document_chars
        message = (
            f"document has {len(document.text):,} characters, more than max-document-chars ({limit:,}); "
            "not checked (raise the limit to check it)"
        )
        return InputProblem("INP004", message, document.path, document.record, document.id, line=0)

    def problem_finding(self, problem: InputProblem) -> Finding:
        """A finding for an input problem.  In a record, line and column are relative to
        the record's text like every other finding's, so the file line goes in the message."""
        line = 1 if problem.record is not None else max(problem.line, 1)
        message = problem.message
        if problem.record is not None and problem.line > 0:
            message += f" (line {problem.line} of the file)"
        location = Location(problem.path, 0, 0, line, 1, line, 1, problem.record, problem.id)
        return Finding(
            code=problem.code,
            name=self.registry.rules[problem.code].name,
            category="input",
            severity=Severity.ERROR,
            message=message,
            location=location,
        )

    def rule_problem_findings(self, result: DocumentResult) -> list[Finding]:
        """INP005 for each rule the time budget stopped on this document, INP006 for each rule that raised."""
        path, record = result.where
        problems = []
        for code, seconds in result.timeouts:
            message = (
                f"rule {code} ({self.registry.rules[code].name}) was stopped after {seconds:g} s on this document "
                f"of {result.characters:,} characters (rule-timeout); its findings here are missing"
            )
            problems.append(InputProblem(TIMEOUT_CODE, message, path, record, result.id))
        for code, error in result.failures:
            message = f"rule {code} ({self.registry.rules[code].name}) failed on this document: {error}; its findings here are missing"
            problems.append(InputProblem(RULE_ERROR_CODE, message, path, record, result.id))
        return [self.problem_finding(p) for p in problems if p.code in self.selected_codes]

    def run(
        self,
        paths: Sequence[str],
        *,
        stdin_filename: str | None = None,
        progress: bool = False,
        shard: Shard | None = None,
        facts_out: TextIO | None = None,
        take_digests: bool = False,
        focus: Focus | None = None,
        sink: Callable[[Finding], None] | None = None,
    ) -> RunResult:
        """Check the inputs: both phases, or, with ``facts_out``, the per-document
        phase only, writing the corpus facts there for ``reduce`` (distributed runs).

        ``take_digests`` (for ``--fix``) keeps a digest of each document that may
        be fixed; without it, nothing is kept per document.  With ``focus``
        (``--diff-base``), only the focused documents are checked and reported
        on; the others are read as context for the corpus phase.

        With ``sink``, findings are not kept: each goes to ``sink`` once its
        document is checked, in input order (a document's by position, an
        input problem where it was met), the same for any number of jobs;
        corpus-wide findings follow, sorted.  ``result.findings`` stays
        empty, so memory does not grow with the number of findings.

        With the result cache, an unchanged file's results are taken from it
        instead of checking the file again; the corpus phase sees its facts.
        """
        result = RunResult(warnings=list(self.host.warnings))
        findings: list[Finding] = []
        waiting_problems: deque[tuple[int, Finding]] = deque()  # with a sink: after the documents read before them
        facts: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        meter = ProgressMeter() if progress else None
        positions: deque[int] = deque()  # input position of each document in flight, in order
        owners: deque[_FileRecord | None] = deque()  # the file to store each document in flight with, if any
        # In input order: a cached file's results with their positions, or None for a batch being checked.
        slots: deque[tuple[list[DocumentResult], list[int]] | None] = deque()
        problems = RuleProblems()
        # Shards number documents across files, and fixes must see the text as it is now: both check afresh.
        cache = self.result_cache if shard is None and facts_out is None and not take_digests else None
        prepared = cache is None
        if prepared:
            self.prepare_rules()

        def report_problem(problem: InputProblem, position: int) -> None:
            if problem.code in self.selected_codes and (focus is None or focus.includes(problem.path, problem.record)):
                if sink is None:
                    findings.append(self.problem_finding(problem))
                else:
                    waiting_problems.append((position, self.problem_finding(problem)))

        def cached_results(entry: str) -> tuple[FileResults | None, _FileRecord | None]:
            """The file's results from the cache, or the record to store them in once checked."""
            assert cache is not None
            try:
                before = _file_signature(entry)
                digest = file_digest(Path(entry))
            except OSError:
                return None, None  # reading it will say what is wrong
            found = cache.load(entry, digest, lambda results: _context_mask(results, focus))
            if found is not None:
                return found, None
            return None, _FileRecord(entry, digest, before)

        def batches() -> Iterator[Batch]:
            batch: list[Document] = []
            size = 0
            position = -1

            def flush(last: bool = False) -> Iterator[Batch]:
                nonlocal batch, size, prepared
                if batch:
                    if not prepared:  # here, in the main process, before any worker starts
                        # A first batch that is also the last is checked in this process (ordered_map).
                        self.prepare_rules(workers=self.jobs > 1 and not last)
                        prepared = True
                    slots.append(None)
                    yield Batch(batch, problems.retired())
                    batch, size = [], 0

            for entry in self.discover(paths):
                if isinstance(entry, InputProblem):
                    position += 1
                    if shard is None or shard.owns_position(position):
                        report_problem(entry, position)
                    continue
                record = None
                if cache is not None and entry != STDIN:
                    found, record = cached_results(entry)
                    if found is not None:
                        first = position + 1
                        for offset, problem in found.problems:
                            report_problem(problem, first + offset)
                        if found.results:
                            yield from flush()
                            slots.append((found.results, [first + offset for offset in found.offsets]))
                        position += found.items
                        continue
                first = position + 1
                for item in self.read_entry(entry, stdin_filename):
                    position += 1
                    if shard is not None and not shard.owns_position(position):
                        continue
                    if isinstance(item, Document) and len(item.text) > self.config.max_document_chars:
                        item = self.too_large(item)
                    if isinstance(item, InputProblem):
                        report_problem(item, position)
                        if record is not None:
                            record.problems.append((position - first, item))
                        continue
                    if focus is not None and not focus.includes(item.path, item.record):
                        item.context_only = True
                    result.paths.add(item.path)
                    positions.append(position)
                    owners.append(record)
                    if record is not None:
                        record.offsets.append(position - first)
                        record.context.append(item.context_only)
                    batch.append(item)
                    size += len(item.text)
                    if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_CHARACTERS:
                        yield from flush()
                if record is not None:
                    record.items = position + 1 - first
                    record.read = True
                    record.store_if_complete(cache)
            yield from flush(last=True)

        def checked() -> Iterator[tuple[list[DocumentResult], list[int] | None]]:
            """Each checked batch's results (positions in flight) and each cached file's (with its positions), in input order."""
            for batch_results in ordered_map(check_documents, checker, batches(), self.jobs):
                while slots[0] is not None:
                    yield slots.popleft()  # type: ignore[misc]
                slots.popleft()
                yield batch_results, None
            while slots:
                yield slots.popleft()  # type: ignore[misc]

        checker = DocumentChecker(self.rules, self.budget, take_digests, self.config.ignore_field)
        for batch_results, cached_positions in checked():
            for number, document_result in enumerate(batch_results):
                result.documents += 1
                result.bytes += document_result.characters
                if cached_positions is not None:
                    position = cached_positions[number]
                    result.paths.add(document_result.where[0])
                else:
                    position = positions.popleft()
                    owner = owners.popleft()
                    if owner is not None:
                        owner.results.append(document_result)
                        owner.store_if_complete(cache)
                document_findings = document_result.findings
                if focus is None or focus.includes(*document_result.where):
                    document_findings = document_findings + self.rule_problem_findings(document_result)
                if sink is None:
                    findings.extend(document_findings)
                else:
                    while waiting_problems and waiting_problems[0][0] < position:
                        self._send([waiting_problems.popleft()[1]], sink, result.warnings)
                    self._send(document_findings, sink, result.warnings)
                problems.add_document(document_result)
                if document_result.digest:
                    result.digests[document_result.where] = document_result.digest
                document_facts = document_result.facts
                if document_result.suppressions is not None and document_facts:
                    document_facts = [*document_facts, suppression_fact(document_result.where, document_result.suppressions)]
                if facts_out is not None:
                    write_facts(document_facts, facts_out, position)
                else:
                    for code, key, value in document_facts:
                        facts[code][key].append(value)
                if meter:
                    meter.update(result.documents, result.bytes)
        if meter:
            meter.close()
        corpus_findings = self.reduce(facts, problems)
        if focus is not None:
            corpus_findings = (f for f in corpus_findings if focus.includes(f.location.path, f.location.record))
        findings.extend(corpus_findings)
        result.warnings.extend(problems.warnings())
        result.errors.extend(problems.errors())
        if sink is not None:
            self._send([finding for _position, finding in waiting_problems], sink, result.warnings)
            self._send(findings, sink, result.warnings)
        else:
            result.findings = self.filter(findings, result.warnings)
        return result

    def _send(self, findings: list[Finding], sink: Callable[[Finding], None], warnings: list[str]) -> None:
        for finding in self.filter(findings, warnings):
            sink(finding)

    def prepare_rules(self, workers: bool = True) -> None:
        """Each rule's ``prepare()``; a failure there (a user's data file, say) is a config error.

        With no ``workers`` to share the data, rules whose ``prepare`` only loads are left to load on
        first use: a short run (a pre-commit hook's) loads only what its documents need.
        """
        for rule in self.rules:
            if not rule.needs_preparing(workers):
                continue
            try:
                rule.prepare()
            except Exception as error:
                where = self.config.path or "command line"
                raise ConfigError(f"{where}: rule {rule.code} ({rule.name}) cannot start: {error}") from None

    def reduce_only(self, facts: dict[str, dict[str, list[Any]]]) -> RunResult:
        """The corpus phase alone, on facts gathered from shards."""
        result = RunResult(warnings=list(self.host.warnings))
        failures = RuleProblems()
        findings = list(self.reduce(facts, failures))
        result.warnings.extend(failures.warnings())
        result.errors.extend(failures.errors())
        result.findings = self.filter(findings, result.warnings)
        return result

    def reduce(self, facts: dict[str, dict[str, list[Any]]], failures: RuleProblems) -> Iterator[Finding]:
        """The corpus phase: each corpus rule turns each key's values into findings, except those
        its document silences (its suppressions travel with the facts, as a fact of their own)."""
        suppressed = suppressions_from_facts(facts)
        rule_classes = {rule.code: type(rule) for rule in self.rules}
        for rule in self.rules:
            if not rule.is_corpus_rule():
                continue
            for key, values in facts.get(rule.code, {}).items():
                try:
                    found = checked_items(rule.reduce(key, values), Finding, "reduce()")
                except Exception as error:
                    failures.add_failure(rule.code, f"in the corpus phase, for key {key!r}: {error!r}")
                    continue
                for finding in found:
                    where = suppressed.get((finding.location.path, finding.location.record))
                    if where is None or not silenced(where, finding, rule_classes):
                        yield finding

    def filter(self, findings: list[Finding], warnings: list[str]) -> list[Finding]:
        """Per-file ignores and plugins' vetoes, then a deterministic order."""
        kept = []
        keep_hook = self.host.manager.hook.corpus_linter_keep_finding
        for finding in findings:
            rule = self.registry.rules.get(finding.code)
            if rule is not None and self.per_file_ignores.ignored(finding.path, rule):
                continue
            answers = self.host.call_safely(keep_hook, [], finding=finding)
            if False in answers:
                continue
            kept.append(finding)
        warnings.extend(w for w in self.host.warnings if w not in warnings)
        return sorted(kept, key=Finding.sort_key)

    def check_text(self, text: str, *, path: str = "<text>", date: Any = None) -> list[Finding]:
        """Lint one string in this process (the Python API and tests use it)."""
        document = Document(text=text, path=path, date=parse_date_value(date, "argument") if date else None)
        if document.date is None:
            document.date = self.host.call_safely(
                self.host.manager.hook.corpus_linter_document_date, None, document=document, config=self.config
            )
        result = check_document(self.rules, document, budget=self.budget)
        failures = RuleProblems()
        failures.add_document(result)
        findings = result.findings + self.rule_problem_findings(result)
        findings += self.reduce(group_facts(result.facts), failures)
        if failures.failures:
            raise RuntimeError("; ".join(failures.errors()))
        return self.filter(findings, [])


def _file_signature(path: str) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def _context_mask(results: Sequence[DocumentResult], focus: Focus | None) -> tuple[bool, ...]:
    """Which of a file's documents a run reads only as context (they are checked by the corpus rules alone)."""
    if focus is None:
        return (False,) * len(results)
    return tuple(not focus.includes(*r.where) for r in results)


@dataclass
class _FileRecord:
    """A file being checked whose results go to the cache once all of them are back."""

    path: str
    digest: str
    signature: tuple[int, int]
    problems: list[tuple[int, InputProblem]] = field(default_factory=list)
    """Each input problem with its place among the file's items."""
    results: list[DocumentResult] = field(default_factory=list)
    offsets: list[int] = field(default_factory=list)
    """Each document's place among the file's items (documents and problems, as read)."""
    context: list[bool] = field(default_factory=list)
    """Whether each document was read only as context."""
    items: int = 0
    read: bool = False
    stored: bool = False

    def store_if_complete(self, cache: ResultCache | None) -> None:
        """Store the results once all are back, unless a rule ran out of time (a busy machine's
        accident, not the file's) or the file changed while it was read.  A rule's failure is kept:
        it fails again on the same text, and a fixed rule changes the key."""
        if self.stored or cache is None or not self.read or len(self.results) < len(self.offsets):
            return
        self.stored = True
        if any(r.timeouts or r.skipped for r in self.results):
            return
        try:
            if _file_signature(self.path) != self.signature:
                return
        except OSError:
            return
        cache.store(FileResults(self.path, self.digest, self.problems, self.results, self.offsets, self.items, tuple(self.context)))


def _first_time(path: Path, seen: set[str]) -> bool:
    """True the first time a real file is met: a file named twice is checked once."""
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


class ProgressMeter:
    """A one-line progress counter on stderr, redrawn at most five times a second."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.last = 0.0

    def update(self, documents: int, characters: int) -> None:
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        sys.stderr.write(f"\r{documents} documents, {characters / 1e6:.1f} MB, {characters / 1e6 / elapsed:.1f} MB/s ")
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\r\033[K")
        sys.stderr.flush()
