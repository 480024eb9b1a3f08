"""Which rules run, at which severity, and where findings are ignored.

A selector is a code (``JNK001``), a code prefix (``JNK``, ``JNK0``), a rule
name (``comment-form``), a category (``junk``) or ``ALL``.  Rules that are off
by default run only when selected by exact code or name.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path, PurePath
from typing import Iterable, Mapping

from linter.finding import Severity
from linter.rule import Rule


def matches(selector: str, rule: type[Rule]) -> bool:
    return (
        selector == "ALL"
        or rule.code.startswith(selector.upper())
        or selector == rule.name
        or selector == rule.category
    )


def names_exactly(selector: str, rule: type[Rule]) -> bool:
    return selector.upper() == rule.code or selector == rule.name


def specificity(selector: str, rule: type[Rule]) -> int:
    """How closely a selector names a rule; the most specific selector wins."""
    if names_exactly(selector, rule):
        return 100
    if rule.code.startswith(selector.upper()):
        return 10 + len(selector)
    if selector == rule.category:
        return 5
    return 1  # ALL


def unknown_selectors(selectors: Iterable[str], rules: Iterable[type[Rule]]) -> list[str]:
    rules = list(rules)
    return [s for s in selectors if not any(matches(s, r) for r in rules)]


def select_rules(
    rules: Iterable[type[Rule]],
    select: list[str] | None,
    extend_select: list[str],
    ignore: list[str],
) -> list[type[Rule]]:
    """The rules to run, in code order; a more specific selector beats a broader ignore."""
    chosen = []
    for rule in rules:
        selectors = (select if select is not None else ["ALL"]) + list(extend_select)
        best_select = max(
            (specificity(s, rule) for s in selectors if matches(s, rule) and (rule.enabled_by_default or names_exactly(s, rule))),
            default=0,
        )
        best_ignore = max((specificity(s, rule) for s in ignore if matches(s, rule)), default=0)
        if best_select and best_select > best_ignore:
            chosen.append(rule)
    return sorted(chosen, key=lambda r: r.code)


def severity_for(rule: type[Rule], overrides: Mapping[str, Severity]) -> Severity | None:
    """The configured severity of a rule (most specific selector), or None for its default."""
    best: tuple[int, Severity] | None = None
    for selector, severity in overrides.items():
        if matches(selector, rule):
            score = specificity(selector, rule)
            if best is None or score > best[0]:
                best = (score, severity)
    return best[1] if best else None


class PerFileIgnores:
    """``per-file-ignores``: glob -> selectors, matched on the path relative to the config."""

    def __init__(self, table: Mapping[str, list[str]], root: PurePath) -> None:
        self.table = dict(table)
        self.root = root

    def ignored(self, path: str, rule: type[Rule]) -> bool:
        if not self.table:
            return False
        candidates = {path, PurePath(path).name}
        try:  # the path below the config's folder, however it was typed on the command line
            candidates.add(Path(path).resolve().relative_to(self.root).as_posix())
        except (ValueError, OSError):
            pass
        for glob, selectors in self.table.items():
            if any(fnmatch.fnmatch(c, glob) for c in candidates) and any(matches(s, rule) for s in selectors):
                return True
        return False
