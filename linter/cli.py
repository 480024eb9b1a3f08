"""The ``corpus-linter`` command, in the style of ruff.

Exit codes: 0 no findings, 1 findings, 2 usage, config or internal error.
"""

from __future__ import annotations

import argparse
import atexit
import importlib.metadata
import json
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Sequence, TextIO

from linter import cache
from linter.baseline import (
    BaselineError,
    apply_baseline,
    baseline_entries,
    checked_scope,
    read_baseline,
    texts_without_snippets,
    writable_baseline,
    write_baseline,
)
from linter.changes import ChangesError, Focus, changed_since
from linter.config import DATE_PRECEDENCES, Config, ConfigError, discover_config
from linter.dates import parse_date_value
from linter.distributed import Shard, group_facts, read_facts
from linter.engine import BrokenInstall, Linter, RunResult
from linter.finding import Finding, Severity
from linter.fixer import fix_files, unified_diff
from linter.options import describe
from linter.registry import Registry
from linter.safe_write import Terminated
from linter.reporters.base import Report, Reporter, StreamingReporter
from linter.rule import Rule

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """Bad command-line arguments (exit 2)."""


def _selectors(values: list[str] | None) -> list[str] | None:
    if values is None:
        return None
    return [part.strip() for value in values for part in value.split(",") if part.strip()]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="corpus-linter",
        description="A data-quality linter for text corpora: junk, encoding damage, typos, anachronisms, contradicting figures.",
    )
    parser.add_argument("--version", action="version", version=f"corpus-linter {package_version()}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = commands.add_parser("check", help="lint files, folders or - (stdin)")
    check.add_argument("paths", nargs="*", default=["."], help="files or folders (default: .)")
    check.add_argument("--select", action="append", help="rules to run: codes, prefixes, names, categories or ALL (comma-separated)")
    check.add_argument("--extend-select", action="append", help="rules to run in addition to the selected ones")
    check.add_argument("--ignore", action="append", help="rules not to run")
    check.add_argument("--output-format", help="full (default), concise, grouped, json, json-lines, sarif, github, junit, gitlab, html, ...")
    check.add_argument("-o", "--output-file", help="write the report to this file instead of stdout")
    check.add_argument("--date", help="date (YYYY-MM-DD) for documents that have none of their own")
    check.add_argument("--date-precedence", choices=DATE_PRECEDENCES, help="which date wins: the record's field (default), the text's, or --date for every document")
    check.add_argument("--config", help="config file to use (skips discovery)")
    check.add_argument("--jobs", type=int, help="worker processes for the per-document phase (default: all cores)")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning", help="exit 1 only for findings of this severity or worse (default: warning)")
    check.add_argument("--statistics", action="store_true", help="print counts per rule instead of the findings")
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only: no summary, warnings or progress")
    check.add_argument("--fix", action="store_true", help="apply safe fixes to the files, atomically")
    check.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, include unsafe fixes")
    check.add_argument("--context", action="append", metavar="PATH", help="read these paths only as context for corpus-wide rules; report on the PATHS named (pre-commit)")
    check.add_argument("--diff-base", metavar="REF", help="check only the documents changed since this git ref (the rest is context for corpus-wide rules)")
    check.add_argument("--baseline", metavar="FILE", help="report only findings that are not in this baseline file")
    check.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline in FILE")
    check.add_argument("--prune-baseline", action="store_true", help="with --baseline, drop entries that no longer match from the file")
    check.add_argument("--diff", action="store_true", help="show what --fix would change, as a unified diff, without writing")
    check.add_argument("--exclude", action="append", help="glob patterns of paths to skip (added to the config's)")
    check.add_argument("--force-exclude", action="store_true", default=None, help="apply excludes to paths named on the command line too (for pre-commit)")
    check.add_argument("--stdin-filename", help="file name for input from stdin (picks the reader, names findings)")
    check.add_argument("--shard", help="distributed runs: check only part I/N of the documents (e.g. 0/4)")
    check.add_argument("--allow-local-plugins", action="store_true", help="import the plugins of a config found beside the checked files outside this project")
    check.add_argument("--facts-out", help="distributed runs: write corpus-phase facts to this file instead of reducing them")
    check.add_argument("--no-cache", action="store_true", help="neither read nor write the cache (results of unchanged files, compiled rule data)")
    check.add_argument("--engine", choices=("local", "dask"), default="local", help="where to run: worker processes here (default) or a Dask cluster (the dask extra)")
    check.add_argument("--scheduler", metavar="ADDRESS", help="with --engine dask: the Dask scheduler (default: a local cluster, one worker per core or --jobs)")

    reduce = commands.add_parser("reduce", help="distributed runs: the corpus phase over fact files written by check --facts-out")
    reduce.add_argument("facts", nargs="+", help="fact files (JSON lines)")
    reduce.add_argument("--key-shard", help="reduce only the keys of part I/N (split the corpus phase too)")
    reduce.add_argument("--select", action="append")
    reduce.add_argument("--extend-select", action="append")
    reduce.add_argument("--ignore", action="append")
    reduce.add_argument("--output-format")
    reduce.add_argument("-o", "--output-file")
    reduce.add_argument("--config", help="config file (use the same as the shards)")
    reduce.add_argument("--exit-zero", action="store_true")
    reduce.add_argument("--fail-on", choices=("error", "warning", "info"), default="warning")
    reduce.add_argument("-q", "--quiet", action="store_true")

    rule = commands.add_parser("rule", help="print a rule's documentation")
    rule.add_argument("code", help="rule code or name")
    rule.add_argument("--output-format", choices=("text", "json"), default="text")
    rule.add_argument("--config", help="config file (to include its plugins and custom rules)")

    rules = commands.add_parser("rules", help="list all rules")
    rules.add_argument("--output-format", choices=("text", "json"), default="text")
    rules.add_argument("--config", help="config file (to include its plugins and custom rules)")

    clean = commands.add_parser("clean", help="remove the cache folder (cache-dir, else the user cache folder)")
    clean.add_argument("--config", help="config file whose cache-dir to clean (skips discovery)")
    clean.add_argument("paths", nargs="*", default=["."], help="where to start looking for a config")

    show = commands.add_parser("show-config", help="print the effective configuration")
    show.add_argument("--config", help="config file to use (skips discovery)")
    show.add_argument("--date", help="as for check: the date for documents without one")
    show.add_argument("--date-precedence", choices=DATE_PRECEDENCES, help="as for check: which date wins")
    show.add_argument("--allow-local-plugins", action="store_true", help="import the plugins of a config found beside the checked files outside this project")
    show.add_argument("paths", nargs="*", default=["."], help="where to start looking for a config")
    return parser


def _config(args: argparse.Namespace, paths: Sequence[str] = ()) -> Config:
    first = next((Path(p) for p in paths if p != "-"), None)
    config = discover_config(Path(args.config) if args.config else None, first)
    if getattr(args, "allow_local_plugins", False):
        config.local_plugins_allowed = True
    return config


def _open_output(path: str | None) -> TextIO:
    """The report's destination, opened before the run so a bad ``-o`` fails fast.

    Text from a corpus may hold lone surrogates; they are written escaped
    rather than crashing the report halfway.
    """
    if not path:
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8", errors="backslashreplace", newline="\n")
    except OSError as error:
        raise UsageError(f"cannot write {path}: {error.strerror or error}") from None


MAX_FIX_PASSES = 10
DASK_EXCLUDES = {
    "--fix": "fix", "--diff": "diff", "--facts-out": "facts_out", "--shard": "shard", "--context": "context",
    "--diff-base": "diff_base",
}
"""Options of the local engine only (flag -> argument name): fixes rewrite local files, the others choose documents as they are read."""


def _date_options(config: Config, args: argparse.Namespace) -> None:
    """``--date`` and ``--date-precedence`` over the config's ``date`` and ``date-precedence``."""
    if args.date:
        date = parse_date_value(args.date, source="--date")
        if date is None:
            raise UsageError(f"--date: expected YYYY-MM-DD, got {args.date!r}")
        config.date = date
    if args.date_precedence:
        config.date_precedence = args.date_precedence
    if config.date_precedence == "config" and config.date is None:
        raise UsageError("date-precedence 'config' needs a date: set `date` or pass --date")


def date_order(config: Config) -> list[str]:
    """Where a document's date is taken from, first to last, as ``show-config`` prints it."""
    field = f"record field {config.date_field!r}"
    text = "front matter, file name, dateline or first date in the text"
    default = f"the configured date {config.date} (from {config.date.source})" if config.date else "no configured date"
    orders = {"field": [field, text, default], "text": [text, field, default], "config": [default, field, text]}
    return [*orders[config.date_precedence], "plugins (corpus_linter_document_date)"]


def run_check(args: argparse.Namespace) -> int:
    config = _config(args, args.paths)
    _date_options(config, args)
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs: expected a whole number of at least 1")
    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes goes with --fix or --diff")
    if args.prune_baseline and not args.baseline:
        raise UsageError("--prune-baseline goes with --baseline")
    try:  # a baseline that cannot be written fails now, not after the run
        for target in filter(None, (args.write_baseline, args.baseline if args.prune_baseline else None)):
            writable_baseline(Path(target))
    except BaselineError as error:
        raise UsageError(str(error)) from None
    if args.context and args.diff_base is not None:
        raise UsageError("--context and --diff-base both choose what is reported; give one")
    if (args.diff_base or args.context) and (args.write_baseline or args.prune_baseline):
        option = "--write-baseline" if args.write_baseline else "--prune-baseline"
        raise UsageError(f"{option} needs every finding of a full check; it cannot go with --diff-base or --context")
    if args.fix and args.diff:
        raise UsageError("--diff shows what --fix would write; give one of them")
    if (args.fix or args.diff) and "-" in args.paths:
        raise UsageError("--fix and --diff work on files; they do not apply to standard input")
    if args.fix and args.facts_out:
        raise UsageError("--fix needs the corpus phase, which --facts-out leaves to `reduce`; run them separately")
    if args.shard and not args.facts_out:
        raise UsageError("--shard goes with --facts-out: a shard's corpus-phase facts must be kept for `reduce`")
    if args.scheduler and args.engine != "dask":
        raise UsageError("--scheduler goes with --engine dask")
    if args.engine == "dask":
        local_only = [flag for flag, given in DASK_EXCLUDES.items() if getattr(args, given)]
        if local_only or "-" in args.paths:
            raise UsageError(f"--engine dask checks files and reports; {(local_only or ['-'])[0]} needs the local engine")
    linter = Linter(
        config,
        select=_selectors(args.select),
        extend_select=_selectors(args.extend_select) or [],
        ignore=_selectors(args.ignore) or [],
        jobs=args.jobs,
        exclude=_selectors(args.exclude) or [],
        force_exclude=args.force_exclude,
        cache=not args.no_cache,
    )
    reporter_class = _reporter(linter, args.output_format or config.output_format)
    out = _open_output(args.output_file)
    try:
        if args.diff:
            return show_diff(linter, args, out)
        if issubclass(reporter_class, StreamingReporter) and not (
            args.fix or args.baseline or args.write_baseline or args.statistics or args.facts_out or args.engine == "dask"
        ):
            return stream_check(linter, args, config, reporter_class(), out)
        started = time.monotonic()
        result, fixed, warnings = _check_and_fix(linter, args, config)
        if result.documents == 0 and not result.findings:  # as ruff warns: a wrong path must not look clean
            suffixes = sorted({suffix for reader in linter.registry.readers for suffix in reader.suffixes})
            warnings.append(f"no documents found in {', '.join(args.paths)} (files read: {' '.join(suffixes)})")
        findings, known, stale = _with_baseline(result, args, linter)
        fixable = sum(1 for f in findings if f.fix is not None and (f.fix.safe or args.unsafe_fixes))
        hidden = sum(1 for f in findings if f.fix is not None and not f.fix.safe and not args.unsafe_fixes)
        report = Report(
            findings,
            linter.registry.rules,
            result.documents,
            result.bytes,
            fixed,
            0 if args.fix else fixable,
            quiet=args.quiet,
            not_fixed=fixable if args.fix else 0,
            hidden_fixes=hidden,
            baseline_known=known,
            baseline_stale=stale,
            settings=run_settings(linter, args),
            elapsed=time.monotonic() - started,
            load_texts=linter.texts,
        )
        return emit(report, warnings, reporter_class, args, out, result.errors)
    finally:
        if out is not sys.stdout:
            out.close()


def _read_paths(args: argparse.Namespace) -> list[str]:
    """What a run reads: the paths named, then the ``--context`` paths (a file named twice is read once)."""
    return list(args.paths) + list(args.context or [])


def _focus(args: argparse.Namespace, config: Config, linter: Linter) -> Focus | None:
    """The documents a run reports on: with ``--context`` those under the paths named, with
    ``--diff-base`` those changed since the ref; None to report on everything read."""
    if args.context:
        return Focus(files={os.path.realpath(entry) for entry in linter.discover(args.paths) if isinstance(entry, str)})
    if args.diff_base is None:
        return None
    if not args.diff_base.strip():  # an unset CI variable: checking everything instead would hide the mistake
        raise UsageError("--diff-base: expected a git ref, got an empty string")
    start = next((Path(p) for p in args.paths if p != "-"), Path.cwd())
    try:
        return changed_since(args.diff_base, start.resolve())
    except ChangesError as error:
        raise UsageError(str(error)) from None


def _with_baseline(result: RunResult, args: argparse.Namespace, linter: Linter) -> tuple[list[Finding], int, int]:
    """Write and/or apply a baseline: the findings to report, how many the baseline knew, how many entries are stale.

    Entries count as stale only where this run could have matched them; a
    ``--diff-base`` run checks too little to tell.
    """
    findings = result.findings
    if not (args.write_baseline or args.baseline):
        return findings, 0, 0
    texts = texts_without_snippets(findings, linter.texts)
    try:
        if args.write_baseline:
            target = Path(args.write_baseline)
            write_baseline(target, baseline_entries(findings, target.resolve().parent, texts))
            if not args.quiet:
                print(f"Wrote {len(findings)} finding(s) to the baseline {args.write_baseline}.", file=sys.stderr)
            return [], len(findings), 0
        source = Path(args.baseline)
        entries = read_baseline(source)
        root = source.resolve().parent
        in_scope = (lambda entry: False) if args.diff_base or args.context else checked_scope(result.paths, args.paths, root)
        applied = apply_baseline(findings, entries, root, texts, in_scope)
        if args.prune_baseline and applied.stale:
            stale = {id(entry) for entry in applied.stale}
            write_baseline(Path(args.baseline), [entry for entry in entries if id(entry) not in stale])
            if not args.quiet:
                print(f"Dropped {len(applied.stale)} stale entries from {args.baseline}.", file=sys.stderr)
            return applied.findings, applied.known, 0
        return applied.findings, applied.known, len(applied.stale)
    except BaselineError as error:
        raise UsageError(str(error)) from None


def show_diff(linter: Linter, args: argparse.Namespace, out: TextIO) -> int:
    """``--diff``: the fixes as a unified diff, nothing written; exit 1 when there is something to fix."""
    result = linter.run(
        _read_paths(args),
        progress=sys.stderr.isatty() and not args.quiet,
        take_digests=True,
        focus=_focus(args, linter.config, linter),
    )
    outcome = fix_files(
        result.findings,
        result.digests,
        unsafe=args.unsafe_fixes,
        text_field=linter.config.text_field,
        roots=args.paths,
        write=False,
    )
    for path, before, after in outcome.changes:
        out.write(unified_diff(path, before, after))
    if not args.quiet:
        for warning in dict.fromkeys(result.warnings + outcome.warnings):
            print(f"warning: {warning}", file=sys.stderr)
        count = len(outcome.applied)
        files = len(outcome.changes)
        print(f"Would fix {count} finding{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}.", file=sys.stderr)
    return EXIT_FINDINGS if outcome.changes and not args.exit_zero else EXIT_CLEAN


def run_settings(linter: Linter, args: argparse.Namespace) -> dict[str, object]:
    """What a report shows about how the run was made."""
    config = linter.config
    return {
        "corpus-linter": package_version(),
        "paths": list(args.paths),
        "config": str(config.path) if config.path else "(defaults)",
        "date for undated documents": str(config.date) if config.date else None,
        "rules": f"{len(linter.rules)}: " + ", ".join(rule.code for rule in linter.rules),
        "jobs": linter.jobs,
    }


def package_version() -> str:
    try:
        return importlib.metadata.version("corpus-linter")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def stream_check(linter: Linter, args: argparse.Namespace, config: Config, reporter: StreamingReporter, out: TextIO) -> int:
    """A check whose findings go to the reporter as they are found, not kept: memory stays flat
    however many there are (a run with 300,000 findings held them all until the end)."""
    counts: Counter[object] = Counter()

    def write(finding: Finding) -> None:
        reporter.write(finding, out)
        counts[finding.severity] += 1
        if finding.fix is not None:
            counts["fixable" if finding.fix.safe or args.unsafe_fixes else "hidden"] += 1

    started = time.monotonic()
    progress = sys.stderr.isatty() and not args.quiet
    result = linter.run(
        _read_paths(args), stdin_filename=args.stdin_filename, progress=progress, focus=_focus(args, config, linter), sink=write
    )
    streamed = sum(counts[severity] for severity in Severity)
    warnings = list(result.warnings)
    if result.documents == 0 and not streamed:
        suffixes = sorted({suffix for reader in linter.registry.readers for suffix in reader.suffixes})
        warnings.append(f"no documents found in {', '.join(args.paths)} (files read: {' '.join(suffixes)})")
    report = Report(
        [],
        linter.registry.rules,
        result.documents,
        result.bytes,
        fixable=counts["fixable"],
        quiet=args.quiet,
        hidden_fixes=counts["hidden"],
        settings=run_settings(linter, args),
        elapsed=time.monotonic() - started,
        load_texts=linter.texts,
        streamed=streamed,
    )
    found = [severity for severity in Severity if counts[severity]]
    return emit(report, warnings, type(reporter), args, out, result.errors, streamed_severities=found)


def _check_and_fix(linter: Linter, args: argparse.Namespace, config: Config) -> tuple[RunResult, int, list[str]]:
    """Run the check; with --fix, apply fixes and check again until nothing more is fixed (as ruff does),
    so the findings reported point at the fixed text."""
    progress = sys.stderr.isatty() and not args.quiet
    if args.engine == "dask":
        from linter.dask_engine import DaskEngineError, run_on_dask  # Dask is optional: imported only when asked for

        try:
            result = run_on_dask(linter, args.paths, scheduler=args.scheduler, workers=args.jobs)
        except DaskEngineError as error:
            raise UsageError(str(error)) from None
        return result, 0, result.warnings
    if args.facts_out:
        try:
            with open(args.facts_out, "w", encoding="utf-8") as facts_out:
                result = linter.run(
                    args.paths,
                    stdin_filename=args.stdin_filename,
                    progress=progress,
                    shard=_shard(args.shard, "--shard"),
                    facts_out=facts_out,
                )
        except OSError as error:
            raise UsageError(f"cannot write {args.facts_out}: {error.strerror or error}") from None
        return result, 0, result.warnings
    focus = _focus(args, config, linter)
    result = linter.run(
        _read_paths(args), stdin_filename=args.stdin_filename, progress=progress, take_digests=args.fix, focus=focus
    )
    warnings = list(result.warnings)
    fixed = 0
    for _ in range(MAX_FIX_PASSES if args.fix else 0):
        outcome = fix_files(
            result.findings, result.digests, unsafe=args.unsafe_fixes, text_field=config.text_field, roots=args.paths
        )
        warnings.extend(outcome.warnings)
        if not outcome.applied:
            break
        fixed += len(outcome.applied)
        result = linter.run(_read_paths(args), progress=progress, take_digests=True, focus=focus)
        warnings.extend(result.warnings)
    return result, fixed, warnings


def emit(
    report: Report,
    warnings: list[str],
    reporter_class: type[Reporter],
    args: argparse.Namespace,
    out: TextIO,
    errors: Sequence[str] = (),
    streamed_severities: Sequence[Severity] = (),
) -> int:
    """Print warnings, errors and the report; the exit code says whether anything was found,
    or (2) whether a rule failed, so part of the check did not happen."""
    if not args.quiet:
        for warning in dict.fromkeys(warnings):
            print(f"warning: {warning}", file=sys.stderr)
    if getattr(args, "statistics", False):
        write_statistics(report, out, as_json=reporter_class.name in JSON_FORMATS)
    elif report.streamed and issubclass(reporter_class, StreamingReporter):
        reporter_class().end(report, out)
    else:
        reporter_class().render(report, out)
    for error in errors:
        print(f"corpus-linter: error: {error}", file=sys.stderr)
    if errors:
        return EXIT_ERROR
    if args.exit_zero:
        return EXIT_CLEAN
    threshold = SEVERITY_RANK[Severity(args.fail_on)]
    severities = [f.severity for f in report.findings] + list(streamed_severities)
    if any(SEVERITY_RANK[severity] >= threshold for severity in severities):
        return EXIT_FINDINGS
    return EXIT_CLEAN


SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}
JSON_FORMATS = {"json", "json-lines", "sarif", "gitlab"}


def _shard(text: str | None, flag: str) -> Shard | None:
    if text is None:
        return None
    try:
        return Shard.parse(text)
    except ValueError as error:
        raise UsageError(f"{flag}: {error}") from None


def _reporter(linter: Linter, name: str) -> type[Reporter]:
    reporter_class = linter.registry.reporters.get(name)
    if reporter_class is None:
        known = ", ".join(sorted(linter.registry.reporters))
        where = f"{linter.config.path}: output-format" if linter.config.path and name == linter.config.output_format else "--output-format"
        raise UsageError(f"{where}: unknown output format {name!r} (known: {known})")
    return reporter_class


def run_reduce(args: argparse.Namespace) -> int:
    config = _config(args)
    linter = Linter(
        config,
        select=_selectors(args.select),
        extend_select=_selectors(args.extend_select) or [],
        ignore=_selectors(args.ignore) or [],
        jobs=1,
    )
    reporter_class = _reporter(linter, args.output_format or config.output_format)
    key_shard = _shard(args.key_shard, "--key-shard")
    out = _open_output(args.output_file)
    try:
        facts: list = []
        for path in args.facts:
            try:
                with open(path, encoding="utf-8") as handle:
                    facts.extend(read_facts(handle, path, key_shard))
            except OSError as error:
                raise UsageError(f"cannot read {path}: {error.strerror or error}") from None
            except ValueError as error:
                raise UsageError(str(error)) from None
        facts.sort(key=lambda fact: fact[0])  # input order, as in a single run (the sort is stable)
        result = linter.reduce_only(group_facts(fact[1:] for fact in facts))
        report = Report(result.findings, linter.registry.rules, quiet=args.quiet)
        return emit(report, result.warnings, reporter_class, args, out, result.errors)
    finally:
        if out is not sys.stdout:
            out.close()


def write_statistics(report: Report, out: TextIO, *, as_json: bool = False) -> None:
    """Findings counted per rule, most frequent first (and the baseline's counts): a table, or JSON."""
    names = {f.code: (f.name, f.fix is not None) for f in report.findings}
    rows = sorted(report.counts_by_code().items(), key=lambda item: (-item[1], item[0]))
    if as_json:
        counts = [{"code": code, "name": names[code][0], "count": count, "fixable": names[code][1]} for code, count in rows]
        document = {"findings": counts, "baseline": {"known": report.baseline_known, "stale": report.baseline_stale}}
        out.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
        return
    for code, count in rows:
        name, fixable = names[code]
        out.write(f"{count:>6}  {code:<8} {'[*]' if fixable else '   '} {name}\n")
    if report.baseline_known or report.baseline_stale:
        out.write(f"baseline: {report.baseline_known} known finding(s) not shown, {report.baseline_stale} stale entr{'ies' if report.baseline_stale != 1 else 'y'}\n")


def _registry(args: argparse.Namespace) -> Registry:
    return Linter(_config(args), select=["ALL"], jobs=1).registry


def rule_record(rule: type[Rule]) -> dict:
    return {
        "code": rule.code,
        "name": rule.name,
        "category": rule.category,
        "severity": rule.severity.value,
        "fixable": rule.fixable,
        "enabled_by_default": rule.enabled_by_default,
        "corpus_phase": rule.is_corpus_rule(),
        "options": rule.option_defaults(),
        "summary": rule.summary(),
        "documentation": rule.documentation(),
    }


def run_rule(args: argparse.Namespace) -> int:
    found = _registry(args).rule_named(args.code)
    if found is None:
        raise UsageError(f"no rule {args.code!r}; `corpus-linter rules` lists them")
    record = rule_record(found)
    if args.output_format == "json":
        print(json.dumps(record, indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    print(f"# {found.name} ({found.code})\n")
    print(f"Category: {found.category}. Default severity: {found.severity.value}.", end=" ")
    print("Fix available." if found.fixable else "No fix.", end=" ")
    print("On by default." if found.enabled_by_default else "Off by default: select it by code or name.")
    if found.is_corpus_rule():
        print("Runs in the corpus phase (across documents).")
    print()
    print(record["documentation"])
    if record["options"]:
        print("\n## Options\n")
        for key, value in record["options"].items():
            takes = describe(found.default_options[key])
            print(f"- `{key}`: {takes} (default: {json.dumps(value, ensure_ascii=False)})")
    return EXIT_CLEAN


def run_rules(args: argparse.Namespace) -> int:
    rules = _registry(args).rules
    if args.output_format == "json":
        print(json.dumps([rule_record(r) for r in rules.values()], indent=2, ensure_ascii=False))
        return EXIT_CLEAN
    for rule in rules.values():
        flags = ("[*]" if rule.fixable else "   ") + (" " if rule.enabled_by_default else "-")
        print(f"{rule.code:<8} {flags} {rule.name:<32} {rule.category:<12} {rule.summary()}")
    return EXIT_CLEAN


def run_show_config(args: argparse.Namespace) -> int:
    config = _config(args, args.paths)
    _date_options(config, args)
    linter = Linter(config, jobs=1)
    settings = config.as_toml_dict()
    settings["date-order"] = date_order(config)
    settings["enabled-rules"] = [r.code for r in linter.rules]
    print(json.dumps(settings, indent=2, ensure_ascii=False, default=str))
    return EXIT_CLEAN


def run_clean(args: argparse.Namespace) -> int:
    """``clean``: remove the cache folder, as ``ruff clean`` does."""
    folder = _config(args, args.paths).cache_folder() or cache.default_folder()
    try:
        removed = cache.clean(folder)
    except ValueError as error:
        raise UsageError(str(error)) from None
    print(f"Removed the cache {folder}." if removed else f"No cache at {folder}.", file=sys.stderr)
    return EXIT_CLEAN


COMMANDS = {"check": run_check, "clean": run_clean, "reduce": run_reduce, "rule": run_rule, "rules": run_rules, "show-config": run_show_config}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if sys.stdout is None and not getattr(args, "output_file", None):  # started with >&-: say so, once
        if sys.stderr is not None:
            print("corpus-linter: error: standard output is closed (give -o FILE)", file=sys.stderr)
        return EXIT_ERROR
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # lone surrogates from a corpus must not crash a report
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    try:
        return COMMANDS[args.command](args)
    except (UsageError, ConfigError) as error:
        print(f"corpus-linter: error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except BrokenInstall as error:
        print(f"corpus-linter: internal error: {error}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("corpus-linter: interrupted", file=sys.stderr)
        return EXIT_ERROR
    except Terminated:
        print("corpus-linter: terminated; files not yet fixed were left unchanged", file=sys.stderr)
        return 128 + signal.SIGTERM
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except OSError as error:  # the system refused (a full disk for -o, a closed stream): not a bug to report
        where = f": {error.filename}" if error.filename else ""
        print(f"corpus-linter: error: {error.strerror or error}{where}", file=sys.stderr)
        return EXIT_ERROR
    except Exception as error:  # the last guard: a message, never a traceback, unless asked
        if os.environ.get("CORPUS_LINTER_DEBUG"):
            raise
        print(
            f"corpus-linter: internal error: {error!r} (set CORPUS_LINTER_DEBUG=1 for a traceback, and please report it)",
            file=sys.stderr,
        )
        return EXIT_ERROR


def entry_point() -> None:
    """Run the command, then exit without tearing the interpreter down.

    Freeing the loaded lexicons object by object takes about 0.1 s, a fifth of a
    short pre-commit run, for memory the system takes back at once.  Exit
    handlers still run and the output is flushed first.
    """
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except OSError:  # a reader that went away (``| head``): nothing more can be said there
            code = code or EXIT_ERROR
    atexit._run_exitfuncs()
    os._exit(code)
