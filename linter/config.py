"""Settings: found in pyproject.toml or corpus-linter.toml, validated, merged with the CLI.

Unknown keys and bad values raise ``ConfigError`` naming the file and key, so
a typo in a config never silently turns a rule off.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linter.budget import DEFAULT_SECONDS, MAX_SECONDS, valid_seconds
from linter.dates import parse_date_value

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib
from linter.document import DocumentDate
from linter.finding import Severity

CONFIG_FILES = ("corpus-linter.toml", ".corpus-linter.toml", "pyproject.toml")
DEFAULT_EXCLUDE = (".git", ".hg", ".svn", ".venv", "venv", "__pycache__", "node_modules", ".tox", ".nox", ".mypy_cache")


class ConfigError(Exception):
    """A config file or option that cannot be used; the message names file and key."""


@dataclass
class Config:
    """Everything a run is configured with."""

    path: Path | None = None
    """The file the settings came from (None: defaults only)."""
    root: Path = field(default_factory=Path.cwd)
    """Folder that relative paths in the config are resolved against."""
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, Severity] = field(default_factory=dict)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-rule options, keyed by rule code or name."""
    text_field: str = "text"
    id_field: str = "id"
    date_field: str = "date"
    ignore_field: str = "lint.ignore"
    """The record field (dotted path) that lists rules to silence for that record."""
    date: DocumentDate | None = None
    date_precedence: str = "field"
    """Which document date wins: "field" (the record's date field, then the text, then ``date``),
    "text" (front matter, file name or text, then the field, then ``date``: for a field holding a
    crawl date) or "config" (``date`` / ``--date`` for every document)."""
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    extend_exclude: list[str] = field(default_factory=list)
    force_exclude: bool = False
    plugins: list[str] = field(default_factory=list)
    custom_rules: list[dict[str, Any]] = field(default_factory=list)
    jobs: int | None = None
    output_format: str = "full"
    max_document_chars: int = 10_000_000
    """Longer documents are reported (INP004) and not checked: nearly always a blob, not prose."""
    rule_timeout: float = DEFAULT_SECONDS
    """CPU seconds each rule may spend on a document (per million characters for longer ones); 0: no limit."""
    cache_dir: str | None = None
    """Where the cache lives (relative to the config's folder); None: the user cache folder."""
    local_plugins_allowed: bool = True
    """Whether ``plugins`` may be imported.  False for a config found beside the checked files
    outside the current project: checking a downloaded corpus must not run code shipped with it."""

    def cache_folder(self) -> Path | None:
        """``cache-dir`` resolved against the config's folder (None: the default)."""
        if self.cache_dir is None:
            return None
        return self.root / Path(self.cache_dir).expanduser()

    def as_toml_dict(self) -> dict[str, Any]:
        """The effective settings, for ``show-config``."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            if f.name == "local_plugins_allowed":
                continue
            value = getattr(self, f.name)
            if f.name in ("path", "root"):
                value = str(value) if value else None
            elif f.name == "severity":
                value = {k: v.value for k, v in value.items()}
            elif f.name == "date":
                value = str(value) if value else None
            out[f.name.replace("_", "-")] = value
        return out


def _list_of_str(value: Any, where: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return list(value)


def _str(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {value!r}")
    return value


def _field(value: Any, where: str) -> str:
    text = _str(value, where)
    if not text.strip() or any(not part for part in text.split(".")):
        raise ConfigError(f"{where}: expected a field name or dotted path like meta.text, got {value!r}")
    return text


def _table(value: Any, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table, got {value!r}")
    return value


def _severity(value: Any, where: str) -> Severity:
    try:
        return Severity(value)
    except ValueError:
        raise ConfigError(f"{where}: severity must be error, warning or info, got {value!r}") from None


def _date(value: Any, where: str) -> DocumentDate:
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DocumentDate(value, "day", "config")
    parsed = parse_date_value(value, source="config") if isinstance(value, str) else None
    if parsed is None:
        raise ConfigError(f"{where}: expected a date like 2025-06-02, got {value!r}")
    return parsed


def _positive_int(value: Any, where: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ConfigError(f"{where}: expected a whole number of at least 1, got {value!r}")
    return value


DATE_PRECEDENCES = ("field", "text", "config")


def _date_precedence(value: Any, where: str) -> str:
    if value not in DATE_PRECEDENCES:
        raise ConfigError(f"{where}: expected one of {', '.join(DATE_PRECEDENCES)}, got {value!r}")
    return value


def _seconds(value: Any, where: str) -> float:
    if not valid_seconds(value):
        raise ConfigError(f"{where}: expected a number of seconds from 0 (no limit) to {MAX_SECONDS:g}, got {value!r}")
    return float(value)


def _bool(value: Any, where: str) -> bool:
    if not isinstance(value, bool):
        raise ConfigError(f"{where}: expected true or false, got {value!r}")
    return value


def _custom_rules(value: Any, where: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ConfigError(f"{where}: expected an array of tables ([[...custom-rules]])")
    return list(value)


def _per_file_ignores(value: Any, where: str) -> dict[str, list[str]]:
    table = _table(value, where)
    return {glob: _list_of_str(codes, f"{where}.{glob!r}") for glob, codes in table.items()}


def _severities(value: Any, where: str) -> dict[str, Severity]:
    table = _table(value, where)
    return {key: _severity(level, f"{where}.{key}") for key, level in table.items()}


def _rule_options(value: Any, where: str) -> dict[str, dict[str, Any]]:
    table = _table(value, where)
    return {key: _table(options, f"{where}.{key}") for key, options in table.items()}


# key in the file -> (attribute, validator)
_KEYS = {
    "select": ("select", _list_of_str),
    "extend-select": ("extend_select", _list_of_str),
    "ignore": ("ignore", _list_of_str),
    "per-file-ignores": ("per_file_ignores", _per_file_ignores),
    "severity": ("severity", _severities),
    "rules": ("rules", _rule_options),
    "text-field": ("text_field", _field),
    "id-field": ("id_field", _field),
    "date-field": ("date_field", _field),
    "ignore-field": ("ignore_field", _field),
    "date": ("date", _date),
    "date-precedence": ("date_precedence", _date_precedence),
    "exclude": ("exclude", _list_of_str),
    "extend-exclude": ("extend_exclude", _list_of_str),
    "force-exclude": ("force_exclude", _bool),
    "plugins": ("plugins", _list_of_str),
    "custom-rules": ("custom_rules", _custom_rules),
    "jobs": ("jobs", _positive_int),
    "max-document-chars": ("max_document_chars", _positive_int),
    "rule-timeout": ("rule_timeout", _seconds),
    "output-format": ("output_format", _str),
    "cache-dir": ("cache_dir", _str),
}


def settings_from_file(path: Path) -> dict[str, Any] | None:
    """The corpus-linter table of a config file, or None if a pyproject.toml has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot be read: {error}") from None
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("corpus-linter")
    return data


def find_config_file(start: Path) -> Path | None:
    """The nearest config file at or above ``start`` that has corpus-linter settings."""
    start = start.resolve()
    for folder in (start, *start.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file() and settings_from_file(candidate) is not None:
                return candidate
    return None


def load_config(path: Path | None) -> Config:
    """Read and validate one config file; None gives the defaults."""
    if path is None:
        return Config()
    settings = settings_from_file(path)
    if settings is None:
        raise ConfigError(f"{path}: has no [tool.corpus-linter] table")
    prefix = "tool.corpus-linter." if path.name == "pyproject.toml" else ""
    config = Config(path=path, root=path.parent.resolve())
    for key, value in settings.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{path}: unknown key {prefix}{key!r} (known keys: {known})")
        attribute, validate = _KEYS[key]
        setattr(config, attribute, validate(value, f"{path}: {prefix}{key}"))
    return config


def discover_config(explicit: Path | None, first_path: Path | None) -> Config:
    """``--config`` if given, else the nearest config above the first checked path, else the cwd's.

    Only a config the user chose may import Python (``plugins``): the one given
    with ``--config``, or one in the current project (the working directory or
    a folder above it).  A config found by walking up from the checked paths
    elsewhere (a downloaded corpus, say) still selects rules and options, but
    its plugins are not imported unless ``--allow-local-plugins`` is given.
    """
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return load_config(explicit)
    starts = []
    if first_path is not None:
        starts.append(first_path if first_path.is_dir() else first_path.parent)
    starts.append(Path.cwd())
    for start in starts:
        found = find_config_file(start)
        if found is not None:
            config = load_config(found)
            config.local_plugins_allowed = in_current_project(found)
            return config
    return Config()


def in_current_project(config_path: Path) -> bool:
    """Whether a config file sits in the working directory or a folder above it."""
    cwd = Path.cwd().resolve()
    folder = config_path.resolve().parent
    return cwd == folder or folder in cwd.parents
