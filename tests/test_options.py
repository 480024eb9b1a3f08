"""Rule options are checked against each rule's schema (from its default_options) when the config loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter import Option, Rule
from linter.cli import main
from linter.options import problem_with
from linter.rule import RuleOptionError


@pytest.mark.parametrize(
    ("table", "options", "key", "expected"),
    [
        ("TYP003", "allowed = [1, 2]", "allowed", "expected a list of strings"),
        ("NUM002", "majority = nan", "majority", "expected a finite number from 0.5 to 1"),
        ("JNK004", "min_words = -5", "min_words", "expected a whole number of at least 1, got -5"),
        ("JNK001", "kinds = [5]", "kinds", "expected a list of strings, got [5]"),
        ("ANA003", "elect-window-days = -1000000000000", "elect-window-days", "expected a whole number from 0 to 3660"),
        ("TYP004", 'extra-gazetteer-files = ["names"]', "extra-gazetteer-files", "'names' is a folder, not a file"),
        ("TYP004", 'extra-gazetteer-files = ["missing.tsv"]', "extra-gazetteer-files", "'missing.tsv': no such file"),
        ("ANA001", 'extra-kb-files = "kb.yaml"', "extra-kb-files", "expected a list of strings"),
        ("repeated-word", "allowed = true", "allowed", "expected a list of strings"),
    ],
)
def test_bad_options_are_config_errors_naming_file_rule_and_key(tmp_path: Path, capsys, table, options, key, expected) -> None:
    (tmp_path / "names").mkdir()
    config = tmp_path / "corpus-linter.toml"
    config.write_text(f"[rules.{table}]\n{options}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    # Checked whether or not the rule is selected: a typo in an option must not wait for the day it runs.
    assert main(["check", str(tmp_path / "a.txt"), "--config", str(config), "--select", "ENC002"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert f"{config}: rules.{table}:" in err and f"option {key}: {expected}" in err


def test_good_options_pass(tmp_path: Path, capsys) -> None:
    (tmp_path / "names.tsv").write_text("Zelenskyy\n", encoding="utf-8")
    config = tmp_path / "corpus-linter.toml"
    config.write_text(
        '[rules.TYP004]\nextra-gazetteer-files = ["names.tsv"]\nallowed = ["istanbul"]\n'
        "[rules.NUM002]\nmajority = 1\ntolerance = 0.1\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("Text.\n", encoding="utf-8")
    assert main(["check", str(tmp_path / "a.txt"), "--config", str(config)]) == 0


class Counted(Rule):
    """A plugin's rule with options (a test rule).

    ## What it flags
    Nothing.

    ## Why
    Tests option schemas.

    ## Example
    None.
    """

    code = "OPT001"
    name = "counted"
    category = "test"
    default_options = {"limit": 3, "ratio": 0.5, "words": ["a"], "mode": Option("fast", choices=("fast", "slow"))}


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"limit": "3"}, "option limit: expected a whole number"),
        ({"limit": 2.5}, "option limit: expected a whole number"),
        ({"ratio": float("inf")}, "option ratio: expected a finite number"),
        ({"ratio": True}, "option ratio: expected a number"),
        ({"words": ["a", 1]}, "option words: expected a list of strings, got \\['a', 1\\]"),
        ({"mode": "medium"}, "option mode: expected one of 'fast', 'slow'"),
        ({"colour": "red"}, "has no option colour"),
    ],
)
def test_a_plugin_rule_gets_a_schema_from_its_defaults(options, expected) -> None:
    with pytest.raises(RuleOptionError, match=expected):
        Counted(options)


def test_defaults_are_plain_values() -> None:
    rule = Counted({"ratio": 1})
    assert rule.options == {"limit": 3, "ratio": 1, "words": ["a"], "mode": "fast"}
    assert Counted.option_defaults()["mode"] == "fast"


def test_problem_with_accepts_what_the_default_allows() -> None:
    assert problem_with(7, Option(4, minimum=1)) is None
    assert problem_with([], Option([], items=str)) is None
    assert problem_with(None, None) is None  # no default, no type


def test_rule_docs_print_option_defaults(capsys) -> None:
    assert main(["rule", "JNK004"]) == 0
    assert "- `min_words`: a whole number of at least 1 (default: 4)" in capsys.readouterr().out
    assert main(["rule", "TYP004"]) == 0
    assert "- `extra-gazetteer-files`: a list of strings, each a file, relative to the config's folder" in capsys.readouterr().out
