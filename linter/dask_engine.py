"""Checking a corpus on a Dask cluster: the same two phases, scheduled, retried and moved by Dask.

The per-document phase is one task per input part: a group of small files,
a byte range of a JSON lines file, some row groups of a Parquet file, or a
partition of a Dask bag or dataframe.  Each worker builds its linter once,
from the run's settings, and sends back only findings and corpus facts.
The corpus phase is a shuffle of the facts by a stable hash of their key,
then each corpus rule's ``reduce`` where its keys land, with the values in
input order.  The client applies suppressions, per-file ignores and
plugins' vetoes and sorts, so the findings are those of a local run.

Dask is an optional dependency (``corpus-linter[dask]``): it is imported
only here, and only when a Dask run is asked for.
"""

from __future__ import annotations

import asyncio
import dataclasses
import hashlib
import io
import json
import os
import pickle
import threading
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Sequence

from linter.checker import Batch, DocumentChecker, silenced
from linter.config import Config, ConfigError
from linter.document import Document
from linter.engine import BATCH_CHARACTERS, BATCH_DOCUMENTS, STDIN, Linter, RuleProblems, RunResult
from linter.executor import default_jobs
from linter.finding import Finding
from linter.readers.base import InputProblem, Item, document_from_record, sniff_encoding
from linter.readers.jsonl import JsonLinesReader
from linter.readers.parquet import ParquetReader
from linter.suppression import Suppressions, suppression_fact

PART_BYTES = 2_000_000
"""About this much input per task: long enough that a task's overhead is small, short enough to spread."""
PART_FILES = 256
"""At most this many small files per task."""
SCAN_BYTES = 1 << 16


class DaskEngineError(Exception):
    """Dask is missing or the scheduler cannot be reached: the run cannot start (exit 2)."""


# -- what travels to the workers ------------------------------------------------------------


@dataclass(frozen=True)
class RunSettings:
    """What a worker needs to build the client's linter: its config, with the command line's selection folded in."""

    config: Config
    codes: frozenset[str]
    """The rules the client selected; a worker that builds others (a plugin missing there) refuses to run."""
    token: str = ""

    @classmethod
    def of(cls, linter: Linter) -> RunSettings:
        config = dataclasses.replace(
            linter.config,
            select=linter.select,
            extend_select=list(linter.extend_select),
            ignore=list(linter.ignore),
            force_exclude=False,  # the client has already chosen the files
        )
        settings = cls(config, frozenset(linter.selected_codes))
        return dataclasses.replace(settings, token=hashlib.blake2b(pickle.dumps(settings), digest_size=16).hexdigest())


@dataclass(frozen=True)
class Files:
    """Whole files, read as a local run reads them."""

    paths: tuple[str, ...]


@dataclass(frozen=True)
class LineRange:
    """The lines of a JSON lines file that start in bytes [start, end); ``start`` begins a line."""

    path: str
    start: int
    end: int


@dataclass(frozen=True)
class RowGroups:
    """Some row groups of a Parquet file; ``first`` is the file's row number of their first row."""

    path: str
    groups: tuple[int, ...]
    first: int


Part = Files | LineRange | RowGroups


@dataclass
class PartResult:
    """What one task of the per-document phase sends back."""

    findings: list[Finding] = field(default_factory=list)
    facts: list[tuple[tuple[str, str], tuple[tuple[int, int], Any]]] = field(default_factory=list)
    """((rule, key), ((part, document), value)): the position restores input order in the corpus phase."""
    suppressions: list[tuple[str, str, Any]] = field(default_factory=list)
    """The suppression facts of documents that emitted facts: applied by the client to corpus findings."""
    problems: RuleProblems = field(default_factory=RuleProblems)
    documents: int = 0
    characters: int = 0
    paths: set[str] = field(default_factory=set)


# -- the worker side --------------------------------------------------------------------------

_worker_lock = threading.Lock()
_worker_linters: dict[str, tuple[Linter, DocumentChecker]] = {}


def _worker_linter(settings: RunSettings) -> tuple[Linter, DocumentChecker]:
    """This process's linter for the run, built and prepared once (the caller holds the lock)."""
    found = _worker_linters.get(settings.token)
    if found is None:
        linter = Linter(settings.config, jobs=1)
        if linter.selected_codes != settings.codes:
            missing = sorted(settings.codes - linter.selected_codes)
            extra = sorted(linter.selected_codes - settings.codes)
            raise ConfigError(  # the cluster is set up unlike the client: the user's to fix (exit 2)
                f"a Dask worker selects other rules than the client (missing {missing}, extra {extra}): "
                "install the same corpus-linter and plugins on the workers"
            )
        linter.prepare_rules()
        _worker_linters.clear()  # one run's linter at a time
        found = (linter, DocumentChecker(linter.rules, linter.budget, False, settings.config.ignore_field))
        _worker_linters[settings.token] = found
    return found


def check_part(settings: RunSettings, index: int, source: Part | Sequence[Any], first: int = 0, name: str = "") -> PartResult:
    """The per-document phase of one part (a Dask task): read it, check its documents in batches.

    Tasks in one worker run one at a time (the rules are pure Python: threads
    would only contend for the interpreter, and rules need not be thread-safe).
    """
    with _worker_lock:
        linter, checker = _worker_linter(settings)
        result = PartResult()
        batch: list[Document] = []
        size = 0
        for item in _items(linter, source, first, name):
            if isinstance(item, Document) and len(item.text) > linter.config.max_document_chars:
                item = linter.too_large(item)
            if isinstance(item, InputProblem):
                if item.code in linter.selected_codes:
                    result.findings.append(linter.problem_finding(item))
                continue
            result.paths.add(item.path)
            batch.append(item)
            size += len(item.text)
            if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_CHARACTERS:
                _check_batch(linter, checker, batch, index, result)
                batch, size = [], 0
        if batch:
            _check_batch(linter, checker, batch, index, result)
        return result


def _check_batch(linter: Linter, checker: DocumentChecker, batch: list[Document], index: int, result: PartResult) -> None:
    for document_result in checker.check_batch(Batch(batch)):
        position = (index, result.documents)
        result.documents += 1
        result.characters += document_result.characters
        result.findings.extend(document_result.findings)
        result.findings.extend(linter.rule_problem_findings(document_result))
        result.problems.add_document(document_result)
        if document_result.suppressions is not None and document_result.facts:
            result.suppressions.append(suppression_fact(document_result.where, document_result.suppressions))
        result.facts.extend(((code, key), (position, value)) for code, key, value in document_result.facts)


def _items(linter: Linter, source: Part | Sequence[Any], first: int, name: str) -> Iterator[Item]:
    """The documents and input problems of a part, as a local run reads them."""
    if isinstance(source, Files):
        yield from linter.read(list(source.paths))
    elif isinstance(source, (LineRange, RowGroups)):
        yield from _read_part(linter, source, first)
    else:
        yield from linter.dated(_elements(source, first, name, linter))


def _read_part(linter: Linter, part: LineRange | RowGroups, first: int) -> Iterator[Item]:
    """Part of a file, read on its own; failures become input problems, as in ``Linter.read``."""
    settings = linter.read_settings
    try:
        with open(part.path, "rb") as stream:
            if isinstance(part, LineRange):
                stream.seek(part.start)
                lines = io.BytesIO(stream.read(part.end - part.start))
                yield from linter.dated(JsonLinesReader().read_lines(part.path, lines, settings, first))
            else:
                rows = ParquetReader().read_row_groups(part.path, stream, settings, part.groups, part.first)
                yield from linter.dated(rows)
    except OSError as error:
        yield InputProblem("INP001", f"cannot be read: {error.strerror or error}", part.path)
    except Exception as error:  # a reader's surprise: not a silent pass
        reader = JsonLinesReader if isinstance(part, LineRange) else ParquetReader
        yield InputProblem("INP001", f"the {reader.name} reader stopped: {error!r}", part.path)


def _elements(elements: Iterable[Any], first: int, name: str, linter: Linter) -> Iterator[Item]:
    """A bag partition's documents: Documents as they are; records (dicts) and strings
    become record ``first``, ``first + 1``, ... of ``name``."""
    for index, element in enumerate(elements, start=first):
        if isinstance(element, Document):
            yield element
        elif isinstance(element, str):
            yield Document(text=element, path=name, record=index)
        else:
            yield document_from_record(element, name, index, linter.read_settings, line=0)


def count_lines(part: LineRange) -> int:
    """How many lines (records, blank or not) a range holds: where the next range's record numbers start."""
    try:
        with open(part.path, "rb") as stream:
            stream.seek(part.start)
            data = stream.read(part.end - part.start)
    except OSError:
        return 0  # the range's own task reports the file
    return data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)


def facts_of(result: PartResult) -> list[tuple[tuple[str, str], tuple[tuple[int, int], Any]]]:
    return result.facts


def without_facts(result: PartResult) -> PartResult:
    """What the client needs of a part's result: the facts stay on the cluster for the shuffle."""
    return dataclasses.replace(result, facts=[])


def fact_bucket(fact: tuple[tuple[str, str], Any]) -> int:
    """A stable hash of the fact's (rule, key): every worker sends a key to the same place
    (Python's own string hash differs from process to process)."""
    code, key = fact[0]
    digest = hashlib.blake2b(f"{code}\x00{key}".encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % (1 << 30)


def reduce_groups(groups: Iterable[tuple[int, list[Any]]], settings: RunSettings) -> list[tuple[list[Finding], RuleProblems]]:
    """The corpus phase for some keys (a Dask task): each key's values in input order, then ``reduce``."""
    facts: dict[str, dict[str, list[tuple[tuple[int, int], Any]]]] = defaultdict(lambda: defaultdict(list))
    for _bucket, elements in groups:
        for (code, key), positioned in elements:
            facts[code][key].append(positioned)
    ordered = {
        code: {key: [value for _position, value in sorted(values, key=lambda pair: pair[0])] for key, values in keys.items()}
        for code, keys in facts.items()
    }
    failures = RuleProblems()
    with _worker_lock:
        linter, _checker = _worker_linter(settings)
        findings = list(linter.reduce(ordered, failures))
    return [(findings, failures)]


# -- the client side --------------------------------------------------------------------------


def _dask() -> Any:
    """The ``dask`` module, or a clear error saying how to get it."""
    try:
        import dask
        import dask.bag  # noqa: F401  (the shuffle of the corpus phase)
    except ImportError:
        raise DaskEngineError("the Dask engine needs Dask: pip install 'corpus-linter[dask]'") from None
    return dask


def check_bag(collection: Any, linter: Linter | None = None, *, name: str = "<bag>", scheduler: Any = None) -> RunResult:
    """Check a Dask bag or dataframe of documents; the findings are those of a local run.

    Elements may be ``Document`` objects (checked as they are), records
    (dicts with the config's text, id and date fields, as in a JSON lines
    file) or strings; records and strings are named ``name`` and numbered
    in order across partitions.  A dataframe's rows are records.  The run
    goes to ``scheduler`` (a ``distributed.Client`` or a scheduler name),
    by default to the current Client, and without one to threads here.
    """
    dask = _dask()
    linter = linter or Linter()
    if hasattr(collection, "to_bag"):  # a dataframe
        collection = collection.to_bag(index=False, format="dict")
    settings = RunSettings.of(linter)
    tasks, first = [], 0
    for index, part in enumerate(collection.to_delayed()):
        partition = dask.delayed(list)(part)
        tasks.append(dask.delayed(check_part)(settings, index, partition, first, name))
        first = dask.delayed(int.__add__)(first, dask.delayed(len)(partition))
    return _run(linter, settings, tasks, [], scheduler=scheduler or _current_client() or "threads")


def _current_client() -> Any:
    """The distributed Client in use, if there is one."""
    try:
        from distributed import default_client

        return default_client()
    except (ImportError, ValueError):
        return None


def run_on_dask(
    linter: Linter, paths: Sequence[str], *, scheduler: str | None = None, workers: int | None = None,
    part_bytes: int = PART_BYTES,
) -> RunResult:
    """``check --engine dask``: the files under ``paths`` on the scheduler at ``scheduler``,
    or on a LocalCluster of ``workers`` processes (default: one per core)."""
    dask = _dask()
    if STDIN in paths:
        raise DaskEngineError("the Dask engine reads files; check standard input with the local engine")
    client, cluster = _connect(scheduler, workers)
    try:
        settings = RunSettings.of(linter)
        client_findings: list[Finding] = []
        tasks = []
        previous: Any = None  # (part, count) of the previous range of the same file
        for index, part in enumerate(input_parts(linter, paths, part_bytes, client_findings)):
            first: Any = 0
            if isinstance(part, LineRange) and part.start > 0 and previous is not None:
                first = dask.delayed(int.__add__)(previous[0], dask.delayed(count_lines)(previous[1]))
            tasks.append(dask.delayed(check_part)(settings, index, part, first))
            previous = (first, part) if isinstance(part, LineRange) else None
        return _run(linter, settings, tasks, client_findings, scheduler=client)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _connect(scheduler: str | None, workers: int | None) -> tuple[Any, Any]:
    """A client of the scheduler at ``scheduler`` (the connect timeout is Dask's
    ``distributed.comm.timeouts.connect``), or of a new LocalCluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskEngineError("the Dask engine needs dask.distributed: pip install 'corpus-linter[dask]'") from None
    if scheduler:
        try:  # a Client that fails to connect complains again when collected, so first see that one can
            asyncio.run(_reach(scheduler))
            return Client(scheduler, set_as_default=False), None
        except (OSError, TimeoutError, ValueError, TypeError) as error:
            raise DaskEngineError(f"cannot connect to the Dask scheduler at {scheduler!r}: {error}") from None
    cluster = LocalCluster(
        n_workers=workers or default_jobs(), threads_per_worker=1, processes=True, dashboard_address=None
    )
    return Client(cluster, set_as_default=False), cluster


async def _reach(address: str) -> None:
    """Connect to the scheduler and hang up: OSError (or ValueError for a malformed address) when that fails."""
    from distributed.comm import connect

    comm = await connect(address)
    await comm.close()


def input_parts(linter: Linter, paths: Sequence[str], part_bytes: int, problems: list[Finding]) -> Iterator[Part]:
    """The inputs cut into parts of about ``part_bytes``, in input order; missing paths go to ``problems``."""
    small: list[str] = []
    small_bytes = 0
    for entry in linter.discover(paths):
        if isinstance(entry, InputProblem):
            if entry.code in linter.selected_codes:
                problems.append(linter.problem_finding(entry))
            continue
        size = _size(entry)
        pieces = list(_pieces(linter, entry, size, part_bytes)) if size > part_bytes else []
        if not pieces:  # a small file, or one that cannot be split: read whole, with its neighbours
            if small and (small_bytes + size > part_bytes or len(small) >= PART_FILES):
                yield Files(tuple(small))
                small, small_bytes = [], 0
            small.append(entry)
            small_bytes += size
            continue
        if small:
            yield Files(tuple(small))
            small, small_bytes = [], 0
        yield from pieces
    if small:
        yield Files(tuple(small))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _pieces(linter: Linter, path: str, size: int, part_bytes: int) -> Iterator[LineRange | RowGroups]:
    """A large file cut into parts, where its reader is the built-in one and the format allows;
    nothing for a file that must be read whole (compressed, another reader's, unreadable)."""
    reader = linter.registry.reader_for(path)
    if reader is JsonLinesReader and path.lower().endswith((".jsonl", ".ndjson")):
        yield from _line_ranges(path, size, part_bytes)
    elif reader is ParquetReader:
        yield from _row_groups(path, size, part_bytes)


def _line_ranges(path: str, size: int, part_bytes: int) -> Iterator[LineRange]:
    try:
        with open(path, "rb") as stream:
            if sniff_encoding(stream.read(4)).wide:  # UTF-16/32: a byte 0x0A is no line end; read whole
                return
            starts = sorted({0, *(_line_start(stream, offset) for offset in range(part_bytes, size, part_bytes))})
    except OSError:
        return
    ends = [*starts[1:], size]
    yield from (LineRange(path, start, end) for start, end in zip(starts, ends) if end > start)


def _line_start(stream: Any, offset: int) -> int:
    """The first line start at or after ``offset``."""
    stream.seek(offset - 1)
    while True:
        chunk = stream.read(SCAN_BYTES)
        if not chunk:
            return stream.tell()
        newline = chunk.find(b"\n")
        if newline >= 0:
            return stream.tell() - len(chunk) + newline + 1


def _row_groups(path: str, size: int, part_bytes: int) -> Iterator[RowGroups]:
    try:
        import pyarrow.parquet as pq

        metadata = pq.ParquetFile(path).metadata
    except Exception:  # no pyarrow, or a damaged file: read whole, and the reader says what is wrong
        return
    groups = metadata.num_row_groups
    if groups < 2:
        return
    per_part = max(1, round(groups * part_bytes / max(size, 1)))
    first = 0
    for start in range(0, groups, per_part):
        chosen = tuple(range(start, min(start + per_part, groups)))
        yield RowGroups(path, chosen, first)
        first += sum(metadata.row_group(group).num_rows for group in chosen)


def _run(linter: Linter, settings: RunSettings, tasks: list[Any], findings: list[Finding], scheduler: Any) -> RunResult:
    """Both phases in one Dask computation; the client merges, filters and sorts."""
    dask = _dask()
    import dask.bag as db

    parts: list[PartResult] = []
    reduced: list[tuple[list[Finding], RuleProblems]] = []
    if tasks:
        summaries = [dask.delayed(without_facts)(task) for task in tasks]
        facts = db.from_delayed([dask.delayed(facts_of)(task) for task in tasks])
        corpus = facts.groupby(fact_bucket, npartitions=len(tasks), shuffle="tasks").map_partitions(reduce_groups, settings)
        # Unoptimised: fusing would copy each part's check into both of its consumers, and run it twice.
        parts, reduced = dask.compute(summaries, corpus, scheduler=scheduler, optimize_graph=False)
    result = RunResult(warnings=list(linter.host.warnings))
    problems = RuleProblems()
    suppressions: dict[tuple[str, int | None], Suppressions] = {}
    for part in parts:
        findings.extend(part.findings)
        problems.merge(part.problems)
        result.documents += part.documents
        result.bytes += part.characters
        result.paths |= part.paths
        for _code, key, value in part.suppressions:
            path, record = _where(key)
            suppressions[(path, record)] = Suppressions.from_value(value)
    rule_classes = {rule.code: type(rule) for rule in linter.rules}
    for corpus_findings, failures in reduced:
        problems.merge(failures)
        for finding in corpus_findings:
            where = suppressions.get((finding.location.path, finding.location.record))
            if where is None or not silenced(where, finding, rule_classes):
                findings.append(finding)
    result.warnings.extend(problems.warnings())
    result.errors.extend(problems.errors())
    result.findings = linter.filter(findings, result.warnings)
    return result


def _where(key: str) -> tuple[str, int | None]:
    """(path, record) from a suppression fact's key."""
    path, record = json.loads(key)
    return path, record
