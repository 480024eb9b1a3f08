"""Declarative rules written in config, without code (like Vale's existence rules).

    [[tool.corpus-linter.custom-rules]]
    code = "CUS001"
    name = "lorem-ipsum"
    category = "junk"
    message = "placeholder text left in: {match}"
    phrases = ["lorem ipsum", "dolor sit amet"]
    scope = "text"            # or "line": the whole line must match
    replacement = ""          # optional: a fix
    examples = { fail = ["Lorem ipsum dolor."], pass = ["Clean text."] }

Patterns use the ``regex`` module.  Like every rule, a custom rule runs
within the engine's time budget (``rule-timeout``); its own ``timeout``, if
given, is a tighter budget for it alone, enforced by the regex module itself
(so it holds where no alarm signal can stop a rule).  Either way a rule that
runs out of time on a document is reported there (INP005).
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator

import regex

from linter.budget import DEFAULT_SECONDS, MAX_SECONDS, RuleTimeout, TimeBudget, valid_seconds
from linter.config import Config, ConfigError
from linter.document import Document
from linter.finding import Finding, Fix, Severity
from linter.rule import Rule

CODE = regex.compile(r"^[A-Z]{1,5}[0-9]{1,4}$")
NAME = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ALLOWED_KEYS = {
    "code", "name", "category", "severity", "message", "pattern", "phrases", "case-sensitive",
    "scope", "replacement", "fix-safe", "examples", "description", "timeout",
}


class DeclarativeRule(Rule):
    """Base of rules built from config; each config table becomes a subclass."""

    spec: dict[str, Any] = {}
    compiled: Any = None

    def check(self, document: Document) -> Iterator[Finding]:
        spec = self.spec
        replacement = spec.get("replacement")
        safe = spec.get("fix-safe", False)
        seconds = TimeBudget(spec.get("timeout", DEFAULT_SECONDS)).for_characters(len(document.text))
        try:
            matches = list(self.compiled.finditer(document.text, timeout=seconds))
        except TimeoutError:
            raise RuleTimeout(f"the pattern ran longer than {seconds:g} s") from None
        for match in matches:
            start, end = match.span("hit")
            if start == end:
                continue
            fix = None
            if replacement is not None:
                fix = Fix.replace(start, end, match.expand(replacement), safe=safe, description="apply the rule's replacement")
            message = spec["message"].replace("{match}", match.group("hit"))
            yield self.finding(document, start, end, message, fix=fix)

    def __reduce__(self) -> tuple:
        return (_rebuild, (self.spec, self.options, self.severity))


def _rebuild(spec: dict[str, Any], options: dict[str, Any], severity: Severity) -> DeclarativeRule:
    return build_rule_class(spec, "<pickled>")(options, severity)


def _compile(spec: dict[str, Any], where: str) -> Any:
    flags = regex.MULTILINE | regex.V1
    if not spec.get("case-sensitive", False):
        flags |= regex.IGNORECASE
    if "pattern" in spec:
        body = spec["pattern"]
        if not isinstance(body, str) or not body:
            raise ValueError(f"{where}.pattern: expected a non-empty string")
    else:
        phrases = spec["phrases"]
        if not isinstance(phrases, list) or not phrases or not all(isinstance(p, str) and p.strip() for p in phrases):
            raise ValueError(f"{where}.phrases: expected a non-empty list of non-empty strings")
        # Not \b: a phrase may begin or end with punctuation ("U.S.", "(AP)"); it must not touch a word character.
        body = r"(?<!\w)(?:" + "|".join(regex.escape(p) for p in sorted(phrases, key=len, reverse=True)) + r")(?!\w)"
    if spec.get("scope", "text") == "line":
        body = rf"^[ \t]*(?P<hit>(?:{body}))[ \t]*\r?$"  # \r?: CRLF files
    else:
        body = rf"(?P<hit>{body})"
    try:
        return regex.compile(body, flags)
    except regex.error as error:
        raise ValueError(f"{where}.pattern: not a valid regular expression: {error}") from None


def build_rule_class(spec: dict[str, Any], where: str) -> type[DeclarativeRule]:
    """A Rule subclass from one config table; ValueError names the bad key."""
    unknown = sorted(set(spec) - ALLOWED_KEYS)
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(ALLOWED_KEYS))})")
    for key in ("code", "name", "message"):
        if not isinstance(spec.get(key), str):
            raise ValueError(f"{where}.{key}: required, a string")
    if not CODE.match(spec["code"]):
        raise ValueError(f"{where}.code: {spec['code']!r} is not a code like CUS001 (capital letters, then digits)")
    if not NAME.match(spec["name"]):
        raise ValueError(f"{where}.name: {spec['name']!r} is not a kebab-case name")
    if ("pattern" in spec) == ("phrases" in spec):
        raise ValueError(f"{where}: give exactly one of pattern or phrases")
    if spec.get("scope", "text") not in ("text", "line"):
        raise ValueError(f"{where}.scope: must be text or line, got {spec['scope']!r}")
    try:
        severity = Severity(spec.get("severity", "warning"))
    except ValueError:
        raise ValueError(f"{where}.severity: must be error, warning or info") from None
    for key, kind in (("message", str), ("category", str), ("replacement", str), ("description", str)):
        if key in spec and not isinstance(spec[key], kind):
            raise ValueError(f"{where}.{key}: expected a string")
    for key in ("case-sensitive", "fix-safe"):
        if key in spec and not isinstance(spec[key], bool):
            raise ValueError(f"{where}.{key}: expected true or false")
    examples = spec.get("examples", {})
    if not isinstance(examples, dict) or set(examples) - {"fail", "pass"} or not all(
        isinstance(texts, list) and all(isinstance(text, str) for text in texts) for texts in examples.values()
    ):
        raise ValueError(f'{where}.examples: expected a table like {{ fail = ["..."], pass = ["..."] }} of lists of strings')
    timeout = spec.get("timeout", DEFAULT_SECONDS)
    if not valid_seconds(timeout) or timeout == 0:
        raise ValueError(f"{where}.timeout: expected a positive number of seconds, at most {MAX_SECONDS:g}")
    compiled = _compile(spec, where)
    if "replacement" in spec:
        _check_template(compiled, spec["replacement"], where)
    attributes = {
        "__doc__": documentation(spec),
        "__module__": __name__,
        "code": spec["code"],
        "name": spec["name"],
        "category": spec.get("category", "custom"),
        "severity": severity,
        "fixable": "replacement" in spec,
        "spec": dict(spec),
        "compiled": compiled,
    }
    return type(f"Custom{spec['code']}", (DeclarativeRule,), attributes)


def documentation(spec: dict[str, Any]) -> str:
    """A custom rule's docs in the built-in rules' template, from its config table."""
    description = spec.get("description", "").strip()
    first, _, rest = description.partition("\n")
    summary = first if description else f"{spec['message']} (a custom rule from config)."
    if "pattern" in spec:
        flags = f"Text that matches the pattern `{spec['pattern']}`"
    else:
        flags = "The phrases " + ", ".join(f'"{phrase}"' for phrase in spec["phrases"])
    flags += " (case-sensitive)" if spec.get("case-sensitive") else " (any case)"
    flags += ", filling a whole line." if spec.get("scope") == "line" else "."
    parts = [summary, "## What it flags", flags, "## Why", rest.strip() or "Set by this project's config."]
    examples = spec.get("examples", {})
    if examples.get("fail") or examples.get("pass"):
        lines = [f'"{text}" is flagged.' for text in examples.get("fail", [])]
        lines += [f'"{text}" is not.' for text in examples.get("pass", [])]
        parts += ["## Example", "\n".join(lines)]
    if "replacement" in spec:
        safety = "safe: `--fix` applies it" if spec.get("fix-safe") else "unsafe: it needs `--fix --unsafe-fixes`"
        replacement = spec["replacement"]
        what = f"replaced by `{replacement}`" if replacement else "deleted"
        parts += ["## Fix", f"The match is {what} ({safety})."]
    return "\n\n".join(parts)


def _check_template(compiled: Any, replacement: str, where: str) -> None:
    """A replacement with a bad escape or group reference fails here, at load, not on every document."""
    # A match of the empty string with the rule's own groups lets the template be expanded once.
    probe = regex.compile(f"(?:{compiled.pattern})|(?P<_empty_probe>)", compiled.flags)
    try:
        match = probe.match("", timeout=DEFAULT_SECONDS)
        if match is not None:
            match.expand(replacement)
    except (regex.error, IndexError, TimeoutError) as error:
        raise ValueError(f"{where}.replacement: not a valid replacement: {error}") from None


def custom_rule_classes(config: Config) -> Iterable[type[DeclarativeRule]]:
    """The config's custom rules as classes, checked against their own ``examples``.

    A bad table, or an example the rule gets wrong, raises ConfigError naming file and key.
    """
    prefix = "tool.corpus-linter." if config.path is not None and config.path.name == "pyproject.toml" else ""
    classes = []
    for index, spec in enumerate(config.custom_rules):
        where = f"{config.path}: {prefix}custom-rules[{index}]"
        try:
            rule_class = build_rule_class(spec, where)
        except ValueError as error:
            raise ConfigError(str(error)) from None
        failures = example_failures(rule_class)
        if failures:
            raise ConfigError(f"{where}.examples: " + "; ".join(failures))
        classes.append(rule_class)
    return classes


def example_failures(rule_class: type[DeclarativeRule]) -> list[str]:
    """Where a custom rule's own ``examples`` disagree with it (empty when all hold)."""
    rule = rule_class()
    problems = []
    examples = rule_class.spec.get("examples", {})
    for kind in ("fail", "pass"):
        for text in examples.get(kind, []):
            try:
                matched = bool(list(rule.check(Document(text=text, path="<example>"))))
            except RuleTimeout as timeout:
                problems.append(f"{rule_class.code}: runs out of time on its own example ({timeout}): {text!r}")
                continue
            if kind == "fail" and not matched:
                problems.append(f"{rule_class.code}: should match but does not: {text!r}")
            elif kind == "pass" and matched:
                problems.append(f"{rule_class.code}: should not match but does: {text!r}")
    return problems
