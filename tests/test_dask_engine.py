"""The Dask engine on a LocalCluster of worker processes: the findings of a local run, whatever happens to the workers."""

from __future__ import annotations

import dataclasses
import json
import os
import sys
from pathlib import Path

import pytest

from linter.cli import main
from linter.config import Config, ConfigError, discover_config
from linter.engine import Linter, RunResult

distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402  (after the skip: Dask is an optional extra)
import pyarrow as pa  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402

from linter.dask_engine import (  # noqa: E402
    DaskEngineError,
    Files,
    LineRange,
    RowGroups,
    RunSettings,
    input_parts,
    check_bag,
    check_part,
    run_on_dask,
)

ROOT = Path(__file__).resolve().parent.parent
SEEDS_CONFIG = ROOT / "seeds" / "corpus-linter.toml"
PART_BYTES = 40_000
"""Small parts, so that a small corpus is cut into byte ranges and row groups."""
PLUGIN = "from tests.helpers import TestRulesPlugin\nplugin = TestRulesPlugin()\ncorpus_linter_register_rules = plugin.corpus_linter_register_rules\n"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        yield cluster


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    """Seeds, articles as JSON lines (with blank and broken lines) and as Parquet row groups, a Latin-1 file."""
    folder = tmp_path_factory.mktemp("dask-corpus")
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    records = articles()
    lines = [json.dumps(record) for record in records[:44]]
    lines[10:10] = ["", '{"text": "cut', "[1, 2]", '{"id": "no-text"}']
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    pq.write_table(pa.Table.from_pylist(records[44:]), folder / "news.parquet", row_group_size=4)
    (folder / "latin1.txt").write_bytes("Caf\xe9 menu\n".encode("latin-1"))
    return folder


def articles() -> list[dict]:
    """The test corpora's news articles as records: clean ones, then ones with defects injected."""
    paths = sorted((ROOT / "tests" / "corpora" / "clean").glob("*.txt")) + sorted((ROOT / "tests" / "corpora" / "injected").glob("*.txt"))
    return [{"id": path.stem, "text": path.read_text(encoding="utf-8")} for path in paths]


def local_run(paths: list[str], **kwargs) -> RunResult:
    return Linter(Config(root=ROOT), jobs=1, **kwargs).run(paths)


def as_dicts(result: RunResult) -> list[dict]:
    return [finding.to_dict() for finding in result.findings]


def test_the_corpus_is_cut_into_ranges_and_row_groups(corpus: Path) -> None:
    parts = list(input_parts(Linter(Config(root=ROOT), jobs=1), [str(corpus)], PART_BYTES, []))
    assert sum(isinstance(part, LineRange) for part in parts) >= 3
    assert sum(isinstance(part, RowGroups) for part in parts) >= 2


def test_findings_identical_to_a_local_run(cluster, corpus: Path) -> None:
    config = discover_config(SEEDS_CONFIG, None)  # as the command line's test: the workers prepare the rules once
    local = Linter(config, jobs=1).run([str(corpus), str(corpus / "missing.txt")])
    linter = Linter(discover_config(SEEDS_CONFIG, None), jobs=1)
    on_dask = run_on_dask(linter, [str(corpus), str(corpus / "missing.txt")], scheduler=cluster.scheduler_address, part_bytes=PART_BYTES)
    assert as_dicts(on_dask) == as_dicts(local)
    assert (on_dask.documents, on_dask.bytes, on_dask.paths) == (local.documents, local.bytes, local.paths)
    codes = {finding.code for finding in local.findings}
    assert {"INP001", "INP002", "INP003"} <= codes  # bad input is reported the same way
    assert any(not finding.code.startswith("INP") and finding.location.record for finding in local.findings)


def test_rule_failures_and_corpus_rules_as_locally(cluster, corpus: Path, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "tests_plugin.py").write_text(PLUGIN, encoding="utf-8")
    (tmp_path / "part").mkdir()
    for index in range(6):
        (tmp_path / "part" / f"d{index}.txt").write_text(f"Story {index} SHOUT\nFooter {index % 2}\n", encoding="utf-8")
    config = Config(root=tmp_path, plugins=["tests_plugin"], select=["TST001", "TST002", "TST003"])
    paths = [str(tmp_path / "part"), str(corpus / "news.jsonl")]
    local = Linter(config, jobs=1).run(paths)
    on_dask = run_on_dask(Linter(config, jobs=1), paths, scheduler=cluster.scheduler_address, part_bytes=PART_BYTES)
    assert as_dicts(on_dask) == as_dicts(local)
    assert on_dask.errors == local.errors
    assert local.errors and "TST003" in local.errors[0]
    assert {"TST001", "TST002", "INP006"} <= {finding.code for finding in local.findings}


def _die_once(record: dict, marker: str, victim: str) -> dict:
    """Kill this worker process the first time the victim record is met (the marker file remembers)."""
    if record.get("id") == victim and not os.path.exists(marker):
        Path(marker).write_text(str(os.getpid()), encoding="utf-8")
        os._exit(1)
    return record


def test_a_worker_killed_mid_run_is_retried(cluster, corpus: Path, tmp_path: Path) -> None:
    records = [json.loads(line) for line in (corpus / "news.jsonl").read_text(encoding="utf-8").splitlines()[14:48]]
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    marker = tmp_path / "killed"
    bag = db.from_sequence(records, npartitions=4).map(_die_once, str(marker), records[20]["id"])
    with distributed.Client(cluster.scheduler_address):
        on_dask = check_bag(bag, Linter(Config(root=ROOT), jobs=1), name=str(source))
    assert marker.exists()  # a worker did die
    local = local_run([str(source)])
    assert as_dicts(on_dask) == as_dicts(local)
    assert local.findings
    assert on_dask.documents == len(records)


def test_a_dataframe_of_records_in_this_process(tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    import dask.dataframe as dd

    records = articles()[30:56]
    records[5]["text"] = None  # a row without text is an input problem, as a record without one is
    source = tmp_path / "rows.jsonl"
    source.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    frame = dd.from_pandas(pandas.DataFrame(records), npartitions=3)
    on_dask = check_bag(frame, Linter(Config(root=ROOT), jobs=1), name=str(source))
    local = local_run([str(source)])
    problems = [finding for finding in on_dask.findings if finding.code == "INP003"]
    assert [(p.location.record, p.message) for p in problems] == [(5, "record has no field 'text'")]  # a row has no file line
    assert [f for f in as_dicts(on_dask) if f["code"] != "INP003"] == [f for f in as_dicts(local) if f["code"] != "INP003"]
    assert len(local.findings) > 1


def test_the_command_line_on_a_scheduler(cluster, corpus: Path, capsys) -> None:
    base = ["check", str(corpus), "--config", str(SEEDS_CONFIG), "--output-format", "json", "-q"]
    assert main(base + ["--jobs", "1"]) == 1
    local = json.loads(capsys.readouterr().out)
    assert main(base + ["--engine", "dask", "--scheduler", cluster.scheduler_address]) == 1
    assert json.loads(capsys.readouterr().out) == local


def test_a_wrong_scheduler_address_is_a_clear_error(capfd, monkeypatch) -> None:
    monkeypatch.setenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT", "1s")
    import dask

    dask.config.refresh()
    try:
        for address in ("tcp://127.0.0.1:9", "no-port-here"):
            assert main(["check", str(ROOT / "seeds"), "--engine", "dask", "--scheduler", address]) == 2
            err = capfd.readouterr().err
            assert f"cannot connect to the Dask scheduler at {address!r}" in err
            assert "Traceback" not in err
    finally:
        monkeypatch.delenv("DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT")
        dask.config.refresh()


def test_options_of_the_local_engine_only_are_refused(capsys) -> None:
    assert main(["check", str(ROOT / "seeds"), "--engine", "dask", "--fix"]) == 2
    assert "--fix needs the local engine" in capsys.readouterr().err
    assert main(["check", str(ROOT / "seeds"), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--scheduler goes with --engine dask" in capsys.readouterr().err


def test_without_dask_the_error_says_how_to_install_it(monkeypatch, capsys) -> None:
    monkeypatch.setitem(sys.modules, "dask", None)
    with pytest.raises(DaskEngineError, match=r"pip install 'corpus-linter\[dask\]'"):
        run_on_dask(Linter(Config(root=ROOT), jobs=1), [str(ROOT / "seeds")])
    assert main(["check", str(ROOT / "seeds"), "--engine", "dask"]) == 2
    assert "corpus-linter[dask]" in capsys.readouterr().err


def test_a_worker_that_would_run_other_rules_refuses(corpus: Path) -> None:
    settings = RunSettings.of(Linter(Config(root=ROOT), jobs=1))
    elsewhere = dataclasses.replace(settings, codes=settings.codes | {"XYZ001"}, token="a cluster set up unlike its client")
    with pytest.raises(ConfigError, match=r"missing \['XYZ001'\].*install the same corpus-linter and plugins"):
        check_part(elsewhere, 0, Files((str(corpus / "news.jsonl"),)))
