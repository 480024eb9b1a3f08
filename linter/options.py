"""Rule options: one schema per rule, read from its ``default_options``, checked when the config loads.

A plain default says the type (``4`` a whole number, ``0.75`` a number,
``["a"]`` a list of strings, ``True`` a boolean); ``Option`` adds what a
default cannot say::

    default_options = {
        "min_words": Option(4, minimum=1),
        "majority": Option(0.75, minimum=0.5, maximum=1),
        "allowed": Option([], items=str),
        "kinds": Option([], items=str, choices=("share", "comment")),
        "extra-files": Option([], items=str, file=True),
    }

Numbers must be finite; bounds, choices and ``file`` apply to a value or to
each item of a list.  A plugin's rule gets the same checks from its own
``default_options``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

TYPE_NAMES = {bool: "true or false", int: "a whole number", float: "a number", str: "a string", dict: "a table"}


@dataclass(frozen=True)
class Option:
    """A rule option's default, with the constraints the default alone cannot say."""

    default: Any
    minimum: float | None = None
    maximum: float | None = None
    items: type | None = None
    """The type of a list's items (inferred from a non-empty default)."""
    choices: tuple[Any, ...] | None = None
    file: bool = False
    """The value (or each item) names an existing file, relative to the config's folder."""


def default_of(value: Any) -> Any:
    """The plain default of a ``default_options`` entry."""
    return value.default if isinstance(value, Option) else value


def schema_of(value: Any) -> Option:
    """A ``default_options`` entry as an Option, the item type of a list inferred from its default."""
    option = value if isinstance(value, Option) else Option(value)
    default = option.default
    if option.items is None and isinstance(default, (list, tuple)) and default:
        kinds = {_kind(item) for item in default}
        if len(kinds) == 1:
            return Option(default, option.minimum, option.maximum, kinds.pop(), option.choices, option.file)
    return option


def problem_with(value: Any, entry: Any, root: Path | None = None) -> str | None:
    """What is wrong with ``value`` for the option declared by ``entry``, or None.

    ``root`` is the config's folder, for options that name files; without it
    (a rule made in code) file options are checked for type only.
    """
    option = schema_of(entry)
    default = option.default
    if default is None:
        return None
    if isinstance(default, (list, tuple)):
        if not isinstance(value, (list, tuple)) or (
            option.items is not None and not all(_is_kind(item, option.items) for item in value)
        ):
            return f"expected a list{_of(option.items)}, got {value!r}"
        for item in value:
            problem = _problem_with_one(item, None, option, root)
            if problem is not None:
                return problem
        return None
    return _problem_with_one(value, _kind(default), option, root)


def _problem_with_one(value: Any, kind: type | None, option: Option, root: Path | None) -> str | None:
    if kind is not None and not _is_kind(value, kind):
        return f"expected {TYPE_NAMES.get(kind, kind.__name__)}{_bounds(option)}, got {value!r}"
    if isinstance(value, float) and not math.isfinite(value):
        return f"expected a finite number{_bounds(option)}, got {value!r}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if (option.minimum is not None and value < option.minimum) or (option.maximum is not None and value > option.maximum):
            return f"expected {TYPE_NAMES.get(kind, 'a number') if kind else 'a number'}{_bounds(option)}, got {value!r}"
    if option.choices is not None and value not in option.choices:
        return f"expected one of {', '.join(map(repr, option.choices))}, got {value!r}"
    if option.file and isinstance(value, str) and root is not None:
        path = root / value
        if path.is_dir():
            return f"{value!r} is a folder, not a file"
        if not path.is_file():
            return f"{value!r}: no such file (paths are relative to the config's folder, {root})"
    return None


def describe(entry: Any) -> str:
    """What an option takes, in words ("a whole number of at least 1", "a list of strings, each a file")."""
    option = schema_of(entry)
    default = option.default
    if default is None:
        return "any value"
    if isinstance(default, (list, tuple)):
        text = f"a list{_of(option.items)}"
        each = ", each"
    else:
        text = TYPE_NAMES.get(_kind(default), _kind(default).__name__)
        each = ""
    text += _bounds(option)
    if option.choices is not None:
        text += f"{each} one of {', '.join(map(repr, option.choices))}"
    if option.file:
        text += f"{each} a file, relative to the config's folder"
    return text


def _kind(value: Any) -> type:
    if isinstance(value, bool):
        return bool
    if isinstance(value, float):
        return float
    if isinstance(value, (list, tuple)):
        return list
    return type(value)


def _is_kind(value: Any, kind: type) -> bool:
    if kind is bool:
        return isinstance(value, bool)
    if kind is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if kind is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if kind is list:
        return isinstance(value, (list, tuple))
    return isinstance(value, kind)


def _of(items: type | None) -> str:
    names = {str: " of strings", int: " of whole numbers", float: " of numbers", bool: " of true/false values"}
    return names.get(items, "") if items is not None else ""


def _bounds(option: Option) -> str:
    if option.minimum is not None and option.maximum is not None:
        return f" from {option.minimum:g} to {option.maximum:g}"
    if option.minimum is not None:
        return f" of at least {option.minimum:g}"
    if option.maximum is not None:
        return f" of at most {option.maximum:g}"
    return ""
