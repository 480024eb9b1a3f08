"""Declarative rules from config: patterns, phrases, scopes, fixes, timeouts, examples."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config, ConfigError, load_config
from linter.custom import build_rule_class, example_failures
from linter.engine import Linter
from linter.testing import assert_clean, assert_finds, assert_fixes


def rule(**spec):
    base = {"code": "CUS001", "name": "custom", "message": "found {match}"}
    return build_rule_class({**base, **spec}, "test")


def test_phrases_match_whole_words_case_insensitively() -> None:
    lorem = rule(phrases=["lorem ipsum", "dolor sit"])
    assert_finds(lorem, "Lorem Ipsum dolor sit amet.", ["Lorem Ipsum", "dolor sit"])
    assert_clean(lorem, "The doloris situation.")


def test_line_scope_needs_the_whole_line() -> None:
    share = rule(phrases=["share this"], scope="line")
    assert_finds(share, "Story.\n  Share this \nMore.", ["Share this"])
    assert_clean(share, "Please share this story with friends.")


def test_pattern_with_replacement_fix() -> None:
    nbsp = rule(pattern=r"&nbsp;", replacement=" ", **{"fix-safe": True})
    assert_fixes(nbsp, "a&nbsp;b", "a b")
    [finding] = assert_finds(nbsp, "a&nbsp;b", ["&nbsp;"])
    assert finding.fix.safe and finding.message == "found &nbsp;"


def test_catastrophic_pattern_runs_out_of_time_and_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a" * 60 + "b", encoding="utf-8")
    spec = {"code": "CUS002", "name": "slow", "message": "m", "pattern": "(a|aa)+$", "timeout": 0.2}
    linter = Linter(Config(root=tmp_path, custom_rules=[spec]), select=["CUS002"], jobs=1)
    [finding] = linter.run([str(tmp_path)]).findings
    assert finding.code == "INP005" and "CUS002" in finding.message


def test_the_engine_budget_stops_a_custom_rule_too(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("a" * 60 + "b", encoding="utf-8")
    spec = {"code": "CUS002", "name": "slow", "message": "m", "pattern": "(a|aa)+$"}
    linter = Linter(Config(root=tmp_path, custom_rules=[spec], rule_timeout=0.2), select=["CUS002"], jobs=1)
    [finding] = linter.run([str(tmp_path)]).findings
    assert finding.code == "INP005" and "stopped after 0.2 s" in finding.message


def test_an_example_that_runs_out_of_time_is_a_config_error(tmp_path: Path) -> None:
    spec = {
        "code": "CUS002", "name": "slow", "message": "m", "pattern": "(a|aa)+$", "timeout": 0.1,
        "examples": {"pass": ["a" * 60 + "b"]},
    }
    with pytest.raises(ConfigError, match=r"custom-rules\[0\]\.examples: CUS002: runs out of time on its own example"):
        Linter(Config(root=tmp_path, custom_rules=[spec]), jobs=1)


def test_examples_are_checked() -> None:
    good = rule(phrases=["read more"], examples={"fail": ["Read more"], "pass": ["We read more books."]})
    assert example_failures(good) == ["CUS001: should not match but does: 'We read more books.'"]
    fixed = rule(phrases=["read more"], scope="line", examples={"fail": ["Read more"], "pass": ["We read more books."]})
    assert example_failures(fixed) == []


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"phrases": ["x"], "code": "cus"}, "is not a code"),
        ({"phrases": ["x"], "name": "Bad Name"}, "kebab-case"),
        ({"pattern": "(", }, "not a valid regular expression"),
        ({}, "exactly one of pattern or phrases"),
        ({"phrases": ["x"], "scope": "page"}, "scope"),
        ({"phrases": ["x"], "colour": "red"}, "unknown key"),
        ({"phrases": []}, "non-empty list"),
    ],
)
def test_bad_rule_tables_name_the_key(spec, message) -> None:
    with pytest.raises(ValueError, match=message):
        rule(**spec)


def test_custom_rules_in_pyproject_report_file_and_index(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[[tool.corpus-linter.custom-rules]]\ncode = "CUS001"\nname = "x"\nmessage = "m"\npattern = "("\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool.corpus-linter.custom-rules\[0\].pattern"):
        Linter(load_config(tmp_path / "pyproject.toml"), jobs=1)


def test_custom_rule_runs_in_worker_processes(tmp_path: Path) -> None:
    import json

    lines = "".join(json.dumps({"id": i, "text": f"doc {i} lorem ipsum"}) + "\n" for i in range(200))
    (tmp_path / "c.jsonl").write_text(lines, encoding="utf-8")
    spec = {"code": "CUS001", "name": "lorem", "message": "placeholder", "phrases": ["lorem ipsum"]}
    linter = Linter(Config(root=tmp_path, custom_rules=[spec]), select=["CUS001"], jobs=2)
    assert len(linter.run([str(tmp_path)]).findings) == 200


def test_phrases_with_punctuation_at_their_edges() -> None:
    credit = rule(phrases=["(AP)", "U.S."])
    assert_finds(credit, "A photo (AP) of U.S. troops.", ["(AP)", "U.S."])
    assert_clean(credit, "A photo(APX) of U.S.A troops.")


def test_case_sensitive_applies_to_patterns_too() -> None:
    assert_finds(rule(pattern="lorem"), "Lorem ipsum", ["Lorem"])
    assert_clean(rule(pattern="lorem", **{"case-sensitive": True}), "Lorem ipsum")


def test_line_scope_in_crlf_files() -> None:
    assert_finds(rule(phrases=["share this"], scope="line"), "Story.\r\nShare this\r\nMore.", ["Share this"])


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ({"pattern": "(a)b", "replacement": "C:\\qux"}, "replacement: not a valid replacement"),
        ({"pattern": "(a)b", "replacement": "\\9"}, "replacement: not a valid replacement"),
        ({"phrases": ["x"], "timeout": "2"}, "timeout: expected a positive number"),
        ({"phrases": ["x"], "timeout": 1e300}, "timeout: expected a positive number"),
        ({"phrases": ["x"], "timeout": float("nan")}, "timeout: expected a positive number"),
        ({"phrases": ["x"], "timeout": 0}, "timeout: expected a positive number"),
        ({"phrases": ["x"], "fix-safe": "no"}, "fix-safe: expected true or false"),
    ],
)
def test_values_checked_at_load(spec, message) -> None:
    with pytest.raises(ValueError, match=message):
        rule(**spec)


def test_examples_are_checked_when_the_config_loads(tmp_path: Path) -> None:
    spec = {"code": "CUS001", "name": "x", "message": "m", "phrases": ["read more"], "examples": {"pass": ["We read more."]}}
    with pytest.raises(ConfigError, match=r"custom-rules\[0\]\.examples: CUS001: should not match but does"):
        Linter(Config(root=tmp_path, custom_rules=[spec]), jobs=1)


@pytest.mark.parametrize("examples", [{"fail": [1]}, "aaa", {"fail": "Lorem"}, {"flagged": ["Lorem"]}, [["Lorem"]]])
def test_malformed_examples_are_a_config_error_naming_the_key(examples) -> None:
    with pytest.raises(ValueError, match=r"custom-rules\[0\]\.examples: expected a table"):
        build_rule_class({"code": "CUS001", "name": "x", "message": "m", "phrases": ["lorem"], "examples": examples}, "c.toml: custom-rules[0]")
