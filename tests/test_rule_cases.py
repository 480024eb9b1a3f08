"""Every rule's case file (``rules/<family>/cases/CODE.yml``) is run here."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.plugin import default_host
from linter.registry import build_registry
from linter.testing import case_file_tests

RULES_DIR = Path(__file__).resolve().parent.parent / "rules"
CASE_FILES = sorted(RULES_DIR.glob("**/cases/*.yml"))
REGISTRY = build_registry(default_host())
CASES = [test for path in CASE_FILES for test in case_file_tests(path, REGISTRY.rules)]
CRLF_CASES = [test for path in CASE_FILES for test in case_file_tests(path, REGISTRY.rules, line_end="\r\n")]


@pytest.mark.parametrize("check", [check for _, check in CASES], ids=[name for name, _ in CASES])
def test_case(check) -> None:
    check()


@pytest.mark.parametrize("check", [check for _, check in CRLF_CASES], ids=[name for name, _ in CRLF_CASES])
def test_case_with_crlf_line_ends(check) -> None:
    """Every case again, saved with Windows line ends: same findings, fixes that keep the CRLFs."""
    check()


def test_every_rule_has_failing_and_passing_cases() -> None:
    have: dict[str, set[str]] = {}
    for path in CASE_FILES:
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        kinds = have.setdefault(data["rule"], set())
        for case in data["cases"].values():
            kinds.update(k for k in ("fail", "pass") if k in case)
    builtin = [code for code, rule in REGISTRY.rules.items() if rule.__module__.startswith("rules.")]
    missing = [code for code in builtin if have.get(code) != {"fail", "pass"}]
    assert not missing, f"rules without both failing and passing cases: {missing}"
