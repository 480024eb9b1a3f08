"""What the plugins provide: rule, reader and reporter classes, by key."""

from __future__ import annotations

import inspect
from dataclasses import dataclass, field

from linter.plugin import PluginHost
from linter.readers.base import Reader
from linter.reporters.base import Reporter
from linter.rule import Rule

REQUIRED_RULE_ATTRIBUTES = ("code", "name", "category")


@dataclass
class Registry:
    rules: dict[str, type[Rule]] = field(default_factory=dict)
    readers: list[type[Reader]] = field(default_factory=list)
    """Later readers win a suffix over earlier ones (plugins over built-ins)."""
    reporters: dict[str, type[Reporter]] = field(default_factory=dict)

    def reader_for(self, path: str) -> type[Reader] | None:
        name = path.lower()
        best: tuple[int, type[Reader]] | None = None
        for reader in self.readers:
            for suffix in reader.suffixes:
                if name.endswith(suffix) and (best is None or len(suffix) >= best[0]):
                    best = (len(suffix), reader)
        return best[1] if best else None

    def rule_named(self, key: str) -> type[Rule] | None:
        """A rule by code (any case) or by name."""
        if key.upper() in self.rules:
            return self.rules[key.upper()]
        return next((r for r in self.rules.values() if r.name == key), None)


def build_registry(host: PluginHost) -> Registry:
    """Ask every plugin for its classes; report clashes and malformed ones, keep the rest."""
    registry = Registry()
    for plugin, rule in host.collect("corpus_linter_register_rules", kind="rules"):
        missing = [a for a in REQUIRED_RULE_ATTRIBUTES if not isinstance(getattr(rule, a, None), str)]
        if not (inspect.isclass(rule) and issubclass(rule, Rule)) or missing:
            host.warnings.append(f"plugin {plugin!r} registered {rule!r}, which is not a complete Rule class; skipped")
            host.failed.add(plugin)
            continue
        if rule.code in registry.rules and registry.rules[rule.code] is not rule:
            host.warnings.append(f"plugin {plugin!r} registered rule code {rule.code} a second time; skipped")
            continue
        registry.rules[rule.code] = rule
    registry.rules = dict(sorted(registry.rules.items()))
    for plugin, reader in host.collect("corpus_linter_register_readers", kind="readers"):
        if inspect.isclass(reader) and issubclass(reader, Reader) and getattr(reader, "suffixes", None):
            registry.readers.append(reader)
        else:
            host.warnings.append(f"plugin {plugin!r} registered {reader!r}, which is not a Reader class; skipped")
            host.failed.add(plugin)
    for plugin, reporter in host.collect("corpus_linter_register_reporters", kind="reporters"):
        if inspect.isclass(reporter) and issubclass(reporter, Reporter) and isinstance(getattr(reporter, "name", None), str):
            registry.reporters[reporter.name] = reporter
        else:
            host.warnings.append(f"plugin {plugin!r} registered {reporter!r}, which is not a Reporter class; skipped")
            host.failed.add(plugin)
    return registry
