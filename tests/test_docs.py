"""The docs keep up with the code: hooks, output formats, config keys, commands."""

from __future__ import annotations

import inspect
from pathlib import Path

from linter import hookspecs
from linter.config import _KEYS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_hook_is_documented_where_declared_and_in_the_readme() -> None:
    hooks = [name for name, obj in vars(hookspecs).items() if name.startswith("corpus_linter_") and callable(obj)]
    assert len(hooks) == 5
    for name in hooks:
        assert inspect.getdoc(getattr(hookspecs, name)), f"{name} has no docstring"
        assert f"`{name}(" in README, f"{name} is not in the README's hook table"


def test_every_config_key_is_in_the_readme() -> None:
    missing = [key for key in _KEYS if key not in README]
    assert not missing, f"config keys missing from README: {missing}"


def test_every_output_format_is_in_the_readme(registry) -> None:
    missing = [name for name in registry.reporters if f"`{name}`" not in README]
    assert not missing, f"output formats missing from README: {missing}"


def test_readme_set_up_commands() -> None:
    assert ".venv/bin/pip install -e . && .venv/bin/corpus-linter check seeds" in README
    assert "bash .ci/run" in README
