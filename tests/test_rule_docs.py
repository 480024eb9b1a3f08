"""Every built-in rule documents itself in the one template (ruff-style)."""

from __future__ import annotations

import re

import pytest

from linter.plugin import default_host
from linter.registry import build_registry

REGISTRY = build_registry(default_host())
BUILTIN = [rule for rule in REGISTRY.rules.values() if rule.__module__.startswith("rules.")]
REQUIRED_SECTIONS = ("## What it flags", "## Why", "## Example")
CATEGORIES = {"junk", "encoding", "typo", "anachronism", "numeric"}
PREFIX = {"junk": "JNK", "encoding": "ENC", "typo": "TYP", "anachronism": "ANA", "numeric": "NUM"}


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.code for r in BUILTIN])
def test_rule_is_documented(rule) -> None:
    docs = rule.documentation()
    assert docs and not docs.startswith("#"), "the docstring's first line is a one-line summary"
    for section in REQUIRED_SECTIONS:
        assert f"\n{section}\n" in docs, f"{rule.code} docs lack {section!r} at the margin"
    if rule.fixable:
        assert "## Fix" in docs, f"{rule.code} is fixable; its docs must say how and whether the fix is safe"
    for option in rule.default_options:
        assert f"`{option}`" in docs, f"{rule.code} docs do not mention option {option!r}"


@pytest.mark.parametrize("rule", BUILTIN, ids=[r.code for r in BUILTIN])
def test_rule_identity(rule) -> None:
    assert rule.category in CATEGORIES
    assert re.fullmatch(rf"{PREFIX[rule.category]}\d{{3}}", rule.code), rule.code
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name), rule.name


def test_names_are_unique() -> None:
    names = [rule.name for rule in REGISTRY.rules.values()]
    assert len(names) == len(set(names))


def test_a_line_that_slipped_to_the_margin_does_not_keep_the_rest_indented() -> None:
    from linter.rule import Rule

    class Slipped(Rule):
        """Summary.

        ## What it flags
        Words split across
a line at the margin.

        ## Why
            An indented example stays indented.
        """

    assert Slipped.documentation() == (
        "Summary.\n\n## What it flags\nWords split across\na line at the margin.\n\n## Why\n    An indented example stays indented."
    )
