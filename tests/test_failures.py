"""A run that did not check must not say it did: broken rules and plugins are errors (exit 2)."""

from __future__ import annotations

from pathlib import Path

from linter.cli import main

BROKEN_RULES = '''
from linter import Rule, hookimpl


class Fragile(Rule):
    """Raises on documents that mention a crash (a test rule).

    ## What it flags
    Nothing.

    ## Why
    Tests.

    ## Example
    "crash".
    """

    code = "FRA001"
    name = "fragile"
    category = "test"

    def check(self, document):
        if "crash" in document.text:
            raise KeyError("phrase")
        return []


@hookimpl
def corpus_linter_register_rules():
    return [Fragile]
'''


def project(tmp_path: Path, plugins: str) -> Path:
    (tmp_path / "fragile_rules.py").write_text(BROKEN_RULES, encoding="utf-8")
    config = tmp_path / "corpus-linter.toml"
    config.write_text(f"plugins = {plugins}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("a crash here\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("all fine\n", encoding="utf-8")
    return config


def test_a_rule_that_raises_is_a_finding_and_exit_2_even_when_quiet(tmp_path: Path, capsys) -> None:
    config = project(tmp_path, '["fragile_rules"]')
    args = ["check", str(tmp_path), "--config", str(config), "--select", "FRA001", "--output-format", "concise"]
    assert main([*args, "-q", "--exit-zero"]) == 2
    out, err = capsys.readouterr()
    assert "a.txt:1:1: INP006 [error] rule FRA001 (fragile) failed on this document: KeyError('phrase')" in out
    assert "corpus-linter: error: rule FRA001 failed 1 time; first on " in err and "Traceback" not in err


def test_a_plugin_that_fails_to_import_is_exit_2_with_a_clear_message(tmp_path: Path, capsys) -> None:
    config = project(tmp_path, '["fragile_rules", "no_such_module_here"]')
    assert main(["check", str(tmp_path), "--config", str(config), "-q"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert "corpus-linter: error: a plugin failed to load" in err and "no_such_module_here" in err
    assert "Traceback" not in err
