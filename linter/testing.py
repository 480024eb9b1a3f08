"""Helpers for rule authors: run a rule on text and assert what it finds.

    from linter.testing import assert_finds, assert_clean, assert_fixes

    assert_finds(MyRule, "the the cat", ["the the"])
    assert_clean(MyRule, "that that is fine")
    assert_fixes(MyRule, "the the cat", "the cat")

Case files (``cases/CODE.yml`` beside a rule family) hold the same three
kinds of case as data; ``case_file_tests`` turns one into named checks, and
the project's test suite runs every case file of every installed rule.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any, Callable, Iterable, Mapping, Sequence

import yaml

from linter.dates import parse_date_value
from linter.document import Document
from linter.checker import check_document
from linter.finding import Finding
from linter.fixer import apply_edits, choose_edits
from linter.rule import Rule

Texts = str | Sequence[str]
LINE_END = re.compile(r"\r\n|\r|\n")
LINE_END_NAMES = {"\r\n": "crlf", "\r": "cr", "\n": "lf"}
TEXT_KEYS = ("fail", "pass", "spans", "fix")


def lint(
    rule_class: type[Rule],
    texts: Texts,
    *,
    options: Mapping[str, Any] | None = None,
    date: str | None = None,
    paths: Sequence[str] | None = None,
) -> list[Finding]:
    """Findings of one rule on one text, or on several (a corpus, for corpus rules)."""
    many = [texts] if isinstance(texts, str) else list(texts)
    rule = rule_class(dict(options or {}))
    document_date = parse_date_value(date, "test") if date else None
    facts: dict[str, list[Any]] = defaultdict(list)
    findings: list[Finding] = []
    for index, text in enumerate(many):
        path = paths[index] if paths else (f"doc{index}.txt" if len(many) > 1 else "<text>")
        result = check_document([rule], Document(text=text, path=path, date=document_date))
        if result.failures:
            raise AssertionError("; ".join(f"{code} failed {message}" for code, message in result.failures))
        findings.extend(result.findings)
        for _code, key, value in result.facts:
            facts[key].append(value)
    for key, values in facts.items():
        findings.extend(rule.reduce(key, values))
    return sorted(findings, key=Finding.sort_key)


def flagged_texts(findings: Iterable[Finding], texts: Texts) -> list[str]:
    many = [texts] if isinstance(texts, str) else list(texts)
    by_path = {f"doc{i}.txt" if len(many) > 1 else "<text>": t for i, t in enumerate(many)}
    return [by_path.get(f.path, many[0])[f.start : f.end] for f in findings]


def assert_finds(rule_class: type[Rule], texts: Texts, spans: Sequence[str] | None = None, **kwargs: Any) -> list[Finding]:
    """The rule finds exactly these spans (in order); with spans=None, at least one finding."""
    findings = lint(rule_class, texts, **kwargs)
    found = flagged_texts(findings, texts)
    if spans is None:
        assert findings, f"{rule_class.code} found nothing in {texts!r}"
    else:
        assert found == list(spans), f"{rule_class.code} found {found!r}, expected {list(spans)!r}"
    return findings


def assert_clean(rule_class: type[Rule], texts: Texts, **kwargs: Any) -> None:
    findings = lint(rule_class, texts, **kwargs)
    found = flagged_texts(findings, texts)
    assert not findings, f"{rule_class.code} should find nothing but found {found!r}: {[f.message for f in findings]}"


def assert_fixes(rule_class: type[Rule], text: str, expected: str, *, unsafe: bool = True, **kwargs: Any) -> None:
    """Applying the rule's fixes to ``text`` gives ``expected``."""
    findings = lint(rule_class, text, **kwargs)
    edits, _applied = choose_edits(findings, unsafe)
    fixed = apply_edits(text, edits)
    assert fixed == expected, f"{rule_class.code} fixed {text!r} to {fixed!r}, expected {expected!r}"


def load_case_file(path: Path) -> tuple[str, dict[str, dict[str, Any]]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or "rule" not in data or not isinstance(data.get("cases"), dict):
        raise ValueError(f"{path}: a case file needs 'rule' and a 'cases' mapping")
    return str(data["rule"]), data["cases"]


def with_line_end(value: Any, line_end: str) -> Any:
    """A case's texts (a string or a list of strings) with every line end written as ``line_end``."""
    if isinstance(value, str):
        return LINE_END.sub(line_end, value)
    if isinstance(value, list):
        return [with_line_end(item, line_end) for item in value]
    return value


def case_file_tests(
    path: Path, rules: Mapping[str, type[Rule]], *, line_end: str | None = None
) -> list[tuple[str, Callable[[], None]]]:
    """(test id, check) for every case in a case file.

    A case has ``fail`` (text or list of texts) with optional ``spans`` and
    ``fix``, or ``pass``; and optional ``options`` and ``date``.  With
    ``line_end`` (say "\r\n"), every text, span and expected fix is first
    rewritten to end its lines that way (cases without a line end are
    left out): a rule must find the same things in a file saved on Windows.
    """
    code, cases = load_case_file(path)
    rule_class = rules.get(code)
    if rule_class is None:
        raise ValueError(f"{path}: no rule {code}")
    tests = []
    for name, case in cases.items():
        if ("fail" in case) == ("pass" in case):
            raise ValueError(f"{path}: case {name!r} needs exactly one of 'fail' or 'pass'")
        if line_end is not None:
            texts = case.get("fail", case.get("pass"))
            if with_line_end(texts, line_end) == texts:
                continue  # no line end to rewrite: the same case again
            case = {key: with_line_end(value, line_end) if key in TEXT_KEYS else value for key, value in case.items()}
            name = f"{name}-{LINE_END_NAMES.get(line_end, repr(line_end))}"
        kwargs = {"options": case.get("options"), "date": case.get("date")}

        def check(case: dict[str, Any] = case, kwargs: dict[str, Any] = kwargs) -> None:
            if "pass" in case:
                assert_clean(rule_class, case["pass"], **kwargs)
                return
            assert_finds(rule_class, case["fail"], case.get("spans"), **kwargs)
            if "fix" in case:
                assert_fixes(rule_class, case["fail"], case["fix"], **kwargs)

        tests.append((f"{code}-{name}", check))
    return tests
