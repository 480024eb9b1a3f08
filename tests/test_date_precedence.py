"""Which document date wins (``date-precedence`` / ``--date-precedence``), and that users can see it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main

# A crawl date in the record's field; the article's own dateline says 2004; --date says 2005.
RECORD = {"id": "a1", "date": "2025-03-01", "text": "LONDON, March 3, 2004\n\nPrime Minister Tony Blair met union leaders on Tuesday."}


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    return path


def ana_messages(capsys, corpus: Path, *options: str) -> list[str]:
    code, out, _err = run(capsys, "check", str(corpus), "--select", "ANA", "--output-format", "json", "--exit-zero", *options)
    assert code == 0
    return [f["message"] for f in json.loads(out)]


def test_the_record_field_wins_by_default(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "crawl.jsonl"
    path.write_text(json.dumps({**RECORD, "text": RECORD["text"].replace("2004", "1995")}) + "\n", encoding="utf-8")
    [message] = ana_messages(capsys, path, "--date", "2005-06-01")
    assert "on 2025-03-01 (document date from record field 'date')" in message


def test_a_title_right_on_the_pages_own_date_is_not_flagged_for_a_crawl_date(capsys, corpus: Path) -> None:
    """The record says 2025, the dateline 2004, when Blair was prime minister: a reader sees no error."""
    assert ana_messages(capsys, corpus) == []


def test_the_text_can_win_over_a_crawl_date(capsys, corpus: Path) -> None:
    assert ana_messages(capsys, corpus, "--date-precedence", "text") == []  # Blair was prime minister in March 2004


def test_the_configured_date_can_win_over_everything(capsys, corpus: Path) -> None:
    assert ana_messages(capsys, corpus, "--date", "2005-06-01", "--date-precedence", "config") == []
    [message] = ana_messages(capsys, corpus, "--date", "2012-06-01", "--date-precedence", "config")
    assert "on 2012-06-01 (document date from --date)" in message


def test_config_file_key_and_show_config(capsys, corpus: Path) -> None:
    (corpus.parent / "corpus-linter.toml").write_text('date = "2012-06-01"\ndate-precedence = "config"\n', encoding="utf-8")
    [message] = ana_messages(capsys, corpus)
    assert "(document date from config)" in message
    code, out, _err = run(capsys, "show-config", str(corpus))
    settings = json.loads(out)
    assert code == 0 and settings["date-precedence"] == "config"
    assert settings["date-order"][0] == "the configured date 2012-06-01 (from config)"


def test_bad_precedence_is_a_clear_error(capsys, corpus: Path) -> None:
    (corpus.parent / "corpus-linter.toml").write_text('date-precedence = "newest"\n', encoding="utf-8")
    code, _out, err = run(capsys, "check", str(corpus))
    assert code == 2 and "date-precedence: expected one of field, text, config" in err
    (corpus.parent / "corpus-linter.toml").write_text('date-precedence = "config"\n', encoding="utf-8")
    code, _out, err = run(capsys, "check", str(corpus))
    assert code == 2 and "needs a date" in err
