"""Shared fixtures: the installed registry and a config-free linter."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config
from linter.engine import Linter
from linter.plugin import default_host
from linter.registry import Registry, build_registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def registry() -> Registry:
    return build_registry(default_host())


@pytest.fixture
def make_linter():
    """A Linter with the defaults and no config discovery, options overridable."""

    def make(config: Config | None = None, **kwargs) -> Linter:
        return Linter(config or Config(root=ROOT), jobs=kwargs.pop("jobs", 1), **kwargs)

    return make
