"""Findings streamed to line-a-finding reporters: not kept, in input order, the same for any --jobs."""

from __future__ import annotations

import json
from pathlib import Path

from linter.cli import main
from linter.config import Config
from linter.engine import Linter
from linter.finding import Finding
from linter.plugin import default_host
from linter.reporters.base import Report
from linter.reporters.json import JsonReporter
from tests.helpers import TestRulesPlugin


def linter_for(tmp_path: Path, jobs: int = 1) -> Linter:
    host = default_host()
    host.register(TestRulesPlugin())
    return Linter(Config(root=tmp_path), host=host, select=["TST001", "TST002", "INP"], jobs=jobs)


def corpus(tmp_path: Path) -> None:
    records = [{"id": i % 7, "text": f"line {i} SHOUT\nShared footer {i % 3}"} for i in range(300)]
    lines = [json.dumps(r) for r in records]
    lines[150] = "{broken"  # an input problem in the middle of the stream
    (tmp_path / "big.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "small.txt").write_text("SHOUT SHOUT\nShared footer 1", encoding="utf-8")


def streamed(linter: Linter, tmp_path: Path) -> tuple[list[Finding], list[Finding]]:
    got: list[Finding] = []
    result = linter.run([str(tmp_path)], sink=got.append)
    return got, result.findings


def test_a_sink_gets_every_finding_and_none_is_kept(tmp_path: Path) -> None:
    corpus(tmp_path)
    got, kept = streamed(linter_for(tmp_path), tmp_path)
    assert kept == []
    assert sorted(got, key=Finding.sort_key) == linter_for(tmp_path).run([str(tmp_path)]).findings
    assert {f.code for f in got} == {"TST001", "TST002", "INP003"}


def test_streamed_order_is_input_order_with_corpus_findings_last_for_any_jobs(tmp_path: Path) -> None:
    corpus(tmp_path)
    one, _ = streamed(linter_for(tmp_path, jobs=1), tmp_path)
    two, _ = streamed(linter_for(tmp_path, jobs=2), tmp_path)
    assert one == two
    per_document = [f for f in one if f.code != "TST002"]
    assert [(f.path, f.location.record) for f in per_document] == sorted(
        (f.path, f.location.record) for f in per_document
    ), "documents in input order, the broken record where it was met"
    first_corpus = next(i for i, f in enumerate(one) if f.code == "TST002")
    assert all(f.code == "TST002" for f in one[first_corpus:])


def test_the_command_line_streams_the_same_findings_as_it_lists(capsys, tmp_path: Path) -> None:
    records = [{"id": i % 7, "text": f"Story {i}.\nShare this article\nThe the end.\nFooter line {i % 3} of the site"} for i in range(300)]
    (tmp_path / "big.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records) + "{broken\n", encoding="utf-8")
    args = ["check", str(tmp_path), "--select", "JNK001,JNK007,TYP003", "--jobs", "1"]
    code_lines = main([*args, "--output-format", "json-lines"])
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    code_list = main([*args, "--output-format", "json"])
    listed = json.loads(capsys.readouterr().out)
    assert code_lines == code_list == 1
    key = lambda f: (f["path"], f["record"] if f["record"] is not None else -1, f["start"], f["end"], f["code"], f["message"])
    assert sorted(lines, key=key) == listed and len(listed) > 600
    assert {f["code"] for f in listed} == {"JNK001", "JNK007", "TYP003", "INP003"}
    main([*args, "--output-format", "concise"])
    concise = capsys.readouterr().out.splitlines()
    assert concise[len(listed) :] == [
        f"Found {len(listed)} findings in 300 documents.",
        "[*] 600 fixable with the --fix option.",
        "900 hidden fixes can be enabled with the --unsafe-fixes option.",
    ]


def test_the_json_list_is_written_a_finding_at_a_time_with_the_same_bytes(tmp_path: Path) -> None:
    corpus(tmp_path)
    findings = linter_for(tmp_path).run([str(tmp_path)]).findings
    for subset in (findings, findings[:1], []):
        out = _Collect()
        JsonReporter().render(Report(subset), out)  # type: ignore[arg-type]
        assert "".join(out.parts) == json.dumps([f.to_dict() for f in subset], ensure_ascii=False, indent=2) + "\n"
        assert len(out.parts) >= len(subset)


class _Collect:
    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return len(text)


def test_sarif_and_gitlab_logs_are_written_a_result_at_a_time_with_the_same_bytes(tmp_path: Path) -> None:
    from linter.reporters.gitlab import GitlabReporter, code_quality
    from linter.reporters.sarif import SarifReporter, sarif_log, sarif_results

    corpus(tmp_path)
    findings = linter_for(tmp_path).run([str(tmp_path)]).findings
    for subset in (findings, findings[:1], []):
        report = Report(subset)
        log = sarif_log(report)
        log["runs"][0]["results"] = list(sarif_results(report))
        out = _Collect()
        SarifReporter().render(report, out)  # type: ignore[arg-type]
        assert "".join(out.parts) == json.dumps(log, ensure_ascii=False, indent=2) + "\n"
        out = _Collect()
        GitlabReporter().render(report, out)  # type: ignore[arg-type]
        assert "".join(out.parts) == json.dumps(list(code_quality(report)), ensure_ascii=False, indent=2) + "\n"


def test_the_dask_engine_is_not_bypassed_by_a_streaming_format(capsys, tmp_path: Path, monkeypatch) -> None:
    import pytest

    dask_engine = pytest.importorskip("linter.dask_engine")
    from linter.engine import RunResult

    calls = []
    monkeypatch.setattr(dask_engine, "run_on_dask", lambda linter, paths, **kwargs: calls.append(paths) or RunResult())
    (tmp_path / "a.txt").write_text("The the end.", encoding="utf-8")
    main(["check", str(tmp_path), "--engine", "dask", "--output-format", "json-lines"])
    capsys.readouterr()
    assert calls == [[str(tmp_path)]]
