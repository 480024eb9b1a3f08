"""The plugin manager: loads built-ins, entry points and local modules.

Each plugin is loaded on its own; one that fails to import or whose hook
raises is reported once and skipped, and the run goes on (as sqlfluff does).
"""

from __future__ import annotations

import importlib
import importlib.metadata
import sys
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import pluggy

from linter import hookspecs
from linter.hookspecs import PROJECT

hookimpl = pluggy.HookimplMarker(PROJECT)

ENTRY_POINT_GROUP = PROJECT

T = TypeVar("T")


class PluginHost:
    """A pluggy manager plus the warnings raised while loading plugins."""

    def __init__(self) -> None:
        self.manager = pluggy.PluginManager(PROJECT)
        self.manager.add_hookspecs(hookspecs)
        self.warnings: list[str] = []
        self.builtin_names: set[str] = set()
        """Plugins shipped with corpus-linter itself: their failure is a broken install, not a warning."""
        self.failed: set[str] = set()
        """Plugins whose registration hook raised."""

    def load_entry_points(self) -> None:
        """Every installed plugin, corpus-linter's own built-ins first."""
        entry_points = sorted(
            importlib.metadata.entry_points(group=ENTRY_POINT_GROUP),
            key=lambda ep: (not _is_builtin(ep), ep.name),
        )
        for entry_point in entry_points:
            if _is_builtin(entry_point):
                self.builtin_names.add(entry_point.name)
            if self.manager.has_plugin(entry_point.name):
                self.warnings.append(f"two plugins are named {entry_point.name!r}; the second was skipped")
                continue
            try:
                plugin = entry_point.load()
            except Exception as error:  # a broken plugin must not stop the run
                self.warnings.append(f"plugin {entry_point.name!r} failed to load and was skipped: {error!r}")
                self.failed.add(entry_point.name)
                continue
            self.register(plugin, entry_point.name)

    def load_local_modules(self, modules: Iterable[str], base: Path | None) -> None:
        """Import modules named in config; ``base`` (the config's folder) goes on sys.path."""
        modules = list(modules)
        if modules and base is not None and str(base) not in sys.path:
            sys.path.insert(0, str(base))
        for name in modules:
            if self.manager.has_plugin(name):
                continue
            try:
                plugin = importlib.import_module(name)
            except Exception as error:
                self.warnings.append(f"plugin module {name!r} failed to import and was skipped: {error!r}")
                self.failed.add(name)
                continue
            self.register(plugin, name)

    def register(self, plugin: Any, name: str | None = None) -> None:
        try:
            self.manager.register(plugin, name=name)
        except Exception as error:
            self.warnings.append(f"plugin {name or plugin!r} could not be registered: {error!r}")

    def collect(self, hook_name: str, *, kind: str) -> list[tuple[str, Any]]:
        """Call a list-returning hook plugin by plugin, skipping plugins that raise.

        Returns (plugin name, item) pairs in registration order: built-ins first.
        """
        items: list[tuple[str, Any]] = []
        for impl in getattr(self.manager.hook, hook_name).get_hookimpls():
            try:
                result = impl.function()
                for item in result or ():
                    items.append((impl.plugin_name, item))
            except Exception as error:
                self.warnings.append(f"plugin {impl.plugin_name!r} failed to register {kind} and was skipped: {error!r}")
                self.failed.add(impl.plugin_name)
        return items

    def broken_builtins(self) -> list[str]:
        return sorted(self.failed & self.builtin_names)

    def call_safely(self, hook: Callable[..., T], default: T, **kwargs: Any) -> T:
        """Call a hook; a plugin that raises is reported once and the default used."""
        try:
            return hook(**kwargs)
        except Exception as error:
            message = f"plugin hook {getattr(hook, 'name', hook)!r} raised and was ignored: {error!r}"
            if message not in self.warnings:
                self.warnings.append(message)
            return default


def _is_builtin(entry_point: importlib.metadata.EntryPoint) -> bool:
    dist = getattr(entry_point, "dist", None)
    name = (dist.metadata["Name"] if dist is not None else "") or ""
    return name.replace("_", "-").lower() == "corpus-linter"


def default_host(local_modules: Iterable[str] = (), base: Path | None = None) -> PluginHost:
    """The usual set: built-ins, installed entry points, then local modules."""
    host = PluginHost()
    host.load_entry_points()
    host.load_local_modules(local_modules, base)
    return host
