"""Distributed runs: shards plus a reduce step give the same findings as one run."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from linter.cli import main
from linter.distributed import Shard, decode_value, encode_value
from linter.finding import Location


def findings_of(capsys, argv: list[str]) -> list[dict]:
    main(argv + ["--output-format", "json", "-q"])
    return json.loads(capsys.readouterr().out)


def test_shards_and_reduce_equal_a_single_run(capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus-linter.toml").write_text(
        'plugins = ["tests_plugin"]\nselect = ["TST001", "TST002"]\n', encoding="utf-8"
    )
    (tmp_path / "tests_plugin.py").write_text(
        "from tests.helpers import TestRulesPlugin\nplugin = TestRulesPlugin()\n"
        "corpus_linter_register_rules = plugin.corpus_linter_register_rules\n",
        encoding="utf-8",
    )
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for index in range(7):
        (corpus / f"d{index}.txt").write_text(f"Story {index} SHOUT\nFooter {index % 2}\n", encoding="utf-8")
    single = findings_of(capsys, ["check", "corpus", "--jobs", "1"])
    sharded = []
    for index in range(3):
        sharded += findings_of(
            capsys, ["check", "corpus", "--jobs", "1", "--shard", f"{index}/3", "--facts-out", f"facts{index}.jsonl"]
        )
    for index in range(2):
        sharded += findings_of(capsys, ["reduce", "facts0.jsonl", "facts1.jsonl", "facts2.jsonl", "--key-shard", f"{index}/2"])
    key = lambda f: (f["path"], f["start"], f["code"], f["message"])  # noqa: E731
    assert sorted(single, key=key) == sorted(sharded, key=key)
    assert {f["code"] for f in single} == {"TST001", "TST002"}


def test_shard_parsing() -> None:
    assert Shard.parse("1/4") == Shard(1, 4)
    for bad in ("4/4", "x", "1/0", "-1/2"):
        with pytest.raises(ValueError):
            Shard.parse(bad)


def test_location_round_trip() -> None:
    location = Location("a.jsonl", 1, 5, 1, 2, 1, 6, record=3, id="x", message="m")
    value = {"where": location, "values": [1, 2.5, "six"]}
    assert decode_value(json.loads(json.dumps(encode_value(value)))) == value


def test_a_malformed_fact_file_is_a_usage_error(capsys, tmp_path: Path) -> None:
    (tmp_path / "bad.jsonl").write_text("{oops\n", encoding="utf-8")
    assert main(["reduce", str(tmp_path / "bad.jsonl")]) == 2
    assert "bad.jsonl:1" in capsys.readouterr().err
