"""Checking a corpus never runs code shipped with it: a config found beside the corpus may not import plugins."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from linter.cli import main

PLANTED = """
from pathlib import Path
Path(__file__).with_name("IMPORTED").write_text("the corpus ran code")
"""


@pytest.fixture
def downloaded_corpus(tmp_path: Path, monkeypatch) -> Path:
    """A corpus folder carrying a config with a plugin module; the user works in a project beside it."""
    corpus = tmp_path / "downloaded" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "story.txt").write_text("A clean sentence.\n", encoding="utf-8")
    (corpus / "planted_plugin.py").write_text(PLANTED, encoding="utf-8")
    (corpus / "corpus-linter.toml").write_text('plugins = ["planted_plugin"]\n', encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    monkeypatch.chdir(project)
    monkeypatch.setattr(sys, "path", list(sys.path))
    monkeypatch.delitem(sys.modules, "planted_plugin", raising=False)
    return corpus


def test_check_does_not_import_a_corpus_plugin(capsys, downloaded_corpus: Path) -> None:
    assert main(["check", str(downloaded_corpus), "--jobs", "1"]) == 0
    assert not (downloaded_corpus / "IMPORTED").exists()
    assert "not imported" in capsys.readouterr().err


def test_show_config_does_not_import_a_corpus_plugin(capsys, downloaded_corpus: Path) -> None:
    assert main(["show-config", str(downloaded_corpus)]) == 0
    assert not (downloaded_corpus / "IMPORTED").exists()


def test_allow_local_plugins_opts_in(capsys, downloaded_corpus: Path) -> None:
    main(["check", str(downloaded_corpus), "--jobs", "1", "--allow-local-plugins"])
    assert (downloaded_corpus / "IMPORTED").exists()


def test_an_explicit_config_is_trusted(capsys, downloaded_corpus: Path) -> None:
    main(["check", str(downloaded_corpus), "--jobs", "1", "--config", str(downloaded_corpus / "corpus-linter.toml")])
    assert (downloaded_corpus / "IMPORTED").exists()


def test_the_current_projects_config_is_trusted(capsys, downloaded_corpus: Path, monkeypatch) -> None:
    monkeypatch.chdir(downloaded_corpus)
    main(["check", ".", "--jobs", "1"])
    assert (downloaded_corpus / "IMPORTED").exists()
