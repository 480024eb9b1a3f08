"""Shared fixtures: the installed registry and a config-free linter."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

import pytest

from linter import cache
from linter.config import Config
from linter.engine import Linter
from linter.plugin import default_host
from linter.registry import Registry, build_registry

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The suite's own cache folder (for the commands it runs too): the user's stays untouched."""
    folder = tmp_path_factory.mktemp("cache")
    previous = os.environ.get(cache.ENVIRONMENT_VARIABLE)
    os.environ[cache.ENVIRONMENT_VARIABLE] = str(folder)
    yield folder
    if previous is None:
        del os.environ[cache.ENVIRONMENT_VARIABLE]
    else:
        os.environ[cache.ENVIRONMENT_VARIABLE] = previous


@pytest.fixture(autouse=True)
def default_cache_settings() -> Iterator[None]:
    """A test that turns the cache off or points it elsewhere does not do so for the next one."""
    yield
    cache.configure(None)


@pytest.fixture(scope="session")
def registry() -> Registry:
    return build_registry(default_host())


@pytest.fixture
def make_linter():
    """A Linter with the defaults and no config discovery, options overridable."""

    def make(config: Config | None = None, **kwargs) -> Linter:
        return Linter(config or Config(root=ROOT), jobs=kwargs.pop("jobs", 1), **kwargs)

    return make
