"""The engine: reading, both phases, ordering, plugins that misbehave."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from linter.config import Config
from linter.engine import Linter
from linter.executor import ordered_map
from linter import hookimpl
from linter.plugin import default_host
from tests.helpers import (
    FailingRegistrationPlugin,
    NotARulePlugin,
    TestRulesPlugin,
    VetoPlugin,
)


def host_with(*plugins):
    host = default_host()
    for plugin in plugins:
        host.register(plugin)
    return host


def linter_for(tmp_path: Path, *plugins, select=("TST001",), **kwargs) -> Linter:
    return Linter(Config(root=tmp_path), host=host_with(TestRulesPlugin(), *plugins), select=list(select), jobs=kwargs.pop("jobs", 1), **kwargs)


def write_jsonl(path: Path, records: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_finding_positions_in_text_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("first line\nsecond SHOUT here\n", encoding="utf-8")
    result = linter_for(tmp_path).run([str(tmp_path)])
    [finding] = result.findings
    assert (finding.location.line, finding.location.column) == (2, 8)
    assert (finding.start, finding.end) == (18, 23)
    assert finding.snippet.text == "second SHOUT here"


def test_columns_count_code_points_not_bytes(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Erdoğan’s SHOUT\n", encoding="utf-8")
    [finding] = linter_for(tmp_path).run([str(tmp_path)]).findings
    assert finding.location.column == 11


def test_jsonl_records_with_ids_dates_and_dotted_fields(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "c.jsonl", [{"meta": {"id": 7}, "body": {"text": "x SHOUT"}, "published": "2025-06-02"}])
    config = Config(root=tmp_path, text_field="body.text", id_field="meta.id", date_field="published")
    linter = Linter(config, host=host_with(TestRulesPlugin()), select=["TST001"], jobs=1)
    [document] = list(linter.read([str(tmp_path)]))
    assert document.id == "7" and str(document.date) == "2025-06-02" and document.date.source == "record field 'published'"
    [finding] = linter.run([str(tmp_path)]).findings
    assert (finding.location.record, finding.location.id, finding.start) == (0, "7", 2)


@pytest.mark.parametrize("suffix", [".jsonl.gz", ".jsonl.zst", ".ndjson"])
def test_compressed_and_alternative_jsonl(tmp_path: Path, suffix: str) -> None:
    data = "".join(json.dumps({"id": i, "text": f"doc {i} SHOUT"}) + "\n" for i in range(3)).encode()
    if suffix.endswith(".gz"):
        data = gzip.compress(data)
    elif suffix.endswith(".zst"):
        import zstandard

        data = zstandard.ZstdCompressor().compress(data)
    (tmp_path / f"c{suffix}").write_bytes(data)
    result = linter_for(tmp_path).run([str(tmp_path)])
    assert [f.location.id for f in result.findings] == ["0", "1", "2"]


def test_parquet(tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    table = pa.table({"id": ["a", "b"], "text": ["fine", "a SHOUT"], "date": ["2024-01-02", None]})
    pq.write_table(table, tmp_path / "c.parquet")
    linter = linter_for(tmp_path)
    documents = list(linter.read([str(tmp_path)]))
    assert [d.id for d in documents] == ["a", "b"] and str(documents[0].date) == "2024-01-02"
    [finding] = linter.run([str(tmp_path)]).findings
    assert (finding.location.record, finding.location.id) == (1, "b")


def test_markdown_and_nested_folders_are_read_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.md").write_text("SHOUT", encoding="utf-8")
    (tmp_path / "a.txt").write_text("SHOUT", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("SHOUT", encoding="utf-8")
    result = linter_for(tmp_path).run([str(tmp_path)])
    assert [Path(f.path).name for f in result.findings] == ["a.txt", "z.md"]


def test_excludes(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("SHOUT", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.txt").write_text("SHOUT", encoding="utf-8")
    linter = linter_for(tmp_path, exclude=["drafts"])
    assert [Path(f.path).name for f in linter.run([str(tmp_path)]).findings] == ["keep.txt"]
    # a file named explicitly is checked unless --force-exclude
    named = str(tmp_path / "drafts" / "x.txt")
    assert len(linter_for(tmp_path, exclude=["drafts"]).run([named]).findings) == 1
    assert linter_for(tmp_path, exclude=["drafts"], force_exclude=True).run([named]).findings == []


def test_corpus_phase_groups_facts_across_documents(tmp_path: Path) -> None:
    for name in ("a", "b", "c"):
        (tmp_path / f"{name}.txt").write_text(f"Story {name}.\nShared footer\n", encoding="utf-8")
    result = linter_for(tmp_path, select=["TST002"]).run([str(tmp_path)])
    assert [Path(f.path).name for f in result.findings] == ["a.txt", "b.txt", "c.txt"]
    assert all(f.message == "line shared by 3 documents" and len(f.related) == 2 for f in result.findings)
    assert {Path(r.path).name for r in result.findings[0].related} == {"b.txt", "c.txt"}
    assert result.findings[0].related[0].line == 2


def test_output_is_the_same_for_any_number_of_jobs(tmp_path: Path) -> None:
    records = [{"id": i, "text": f"line {i} SHOUT\nShared footer {i % 3}"} for i in range(300)]
    write_jsonl(tmp_path / "big.jsonl", records)
    (tmp_path / "small.txt").write_text("SHOUT", encoding="utf-8")
    one = linter_for(tmp_path, jobs=1).run([str(tmp_path)])
    two = linter_for(tmp_path, jobs=2).run([str(tmp_path)])
    assert one.findings == two.findings and len(one.findings) > 300
    assert one.documents == two.documents == 301


def test_ordered_map_keeps_a_bounded_window() -> None:
    pulled = []

    def batches():
        for index in range(1000):
            pulled.append(index)
            yield [index]

    results = ordered_map(_echo, None, batches(), jobs=2)
    first = next(results)
    assert first == [0]
    assert len(pulled) <= 2 * 3 + 2, "the reader must not run ahead of the workers"
    assert [r[0] for r in results] == list(range(1, 1000))


def _echo(state, batch):
    return batch


def test_broken_rule_is_a_finding_and_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SHOUT", encoding="utf-8")
    result = linter_for(tmp_path, select=["TST001", "TST003"]).run([str(tmp_path)])
    assert [f.code for f in result.findings] == ["INP006", "TST001"]
    assert "rule TST003 (broken) failed on this document: ValueError(" in result.findings[0].message
    [error] = result.errors
    assert "TST003" in error and "broken on purpose" in error


@pytest.mark.parametrize(
    ("plugins", "local", "message"),
    [
        ((FailingRegistrationPlugin(),), [], "cannot register"),
        ((NotARulePlugin(),), [], "not a complete Rule class"),
        ((), ["no_such_plugin_module"], "no_such_plugin_module"),
    ],
)
def test_a_plugin_that_fails_to_load_is_an_error(tmp_path: Path, plugins, local, message) -> None:
    from linter.engine import PluginFailure

    host = host_with(TestRulesPlugin(), *plugins)
    host.load_local_modules(local, tmp_path)
    with pytest.raises(PluginFailure, match=message):
        Linter(Config(root=tmp_path), host=host, select=["TST001"], jobs=1)


def test_local_plugin_module_from_config_folder(tmp_path: Path) -> None:
    (tmp_path / "my_rules.py").write_text(
        "from tests.helpers import ShoutRule\n"
        "from linter import hookimpl\n"
        "class Quiet(ShoutRule):\n"
        "    '''Flags SHOUT too.\n\n    ## What it flags\n    x\n\n    ## Why\n    x\n\n    ## Example\n    x\n    '''\n"
        "    code = 'LOC001'\n    name = 'local-shout'\n"
        "@hookimpl\ndef corpus_linter_register_rules():\n    return [Quiet]\n",
        encoding="utf-8",
    )
    (tmp_path / "a.txt").write_text("SHOUT", encoding="utf-8")
    config = Config(root=tmp_path, plugins=["my_rules"])
    linter = Linter(config, select=["LOC001"], jobs=1)
    assert [f.code for f in linter.run([str(tmp_path / "a.txt")]).findings] == ["LOC001"]


def test_keep_finding_hook_can_veto(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SHOUT\nVETO SHOUT\n", encoding="utf-8")
    result = linter_for(tmp_path, VetoPlugin(), select=["TST001"]).run([str(tmp_path)])
    assert [f.location.line for f in result.findings] == [1]


def test_per_file_ignores(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SHOUT", encoding="utf-8")
    (tmp_path / "b.txt").write_text("SHOUT", encoding="utf-8")
    config = Config(root=tmp_path, per_file_ignores={"b.txt": ["TST"]})
    linter = Linter(config, host=host_with(TestRulesPlugin()), select=["TST001"], jobs=1)
    assert [Path(f.path).name for f in linter.run([str(tmp_path)]).findings] == ["a.txt"]


def test_document_date_from_file_name_front_matter_and_default(tmp_path: Path) -> None:
    (tmp_path / "2024-03-05-story.txt").write_text("text", encoding="utf-8")
    (tmp_path / "fm.md").write_text("---\ntitle: x\ndate: 2023-01-02\n---\nbody", encoding="utf-8")
    (tmp_path / "plain.txt").write_text("text", encoding="utf-8")
    config = Config(root=tmp_path)
    from linter.dates import parse_date_value

    config.date = parse_date_value("2025-06-02", "config")
    linter = Linter(config, host=host_with(TestRulesPlugin()), select=["TST001"], jobs=1)
    dates = {Path(d.path).name: (str(d.date), d.date.source) for d in linter.read([str(tmp_path)])}
    assert dates["2024-03-05-story.txt"] == ("2024-03-05", "file name")
    assert dates["fm.md"] == ("2023-01-02", "front matter")
    assert dates["plain.txt"] == ("2025-06-02", "config")


def test_a_broken_builtin_plugin_is_an_internal_error_not_a_warning(tmp_path: Path) -> None:
    from linter.engine import BrokenInstall

    host = default_host()
    host.register(FailingRegistrationPlugin(), name="broken-builtin")
    host.builtin_names.add("broken-builtin")
    with pytest.raises(BrokenInstall, match="cannot register"):
        Linter(Config(root=tmp_path), host=host, jobs=1)


def test_a_plugin_rule_cannot_replace_a_builtin_code(tmp_path: Path) -> None:
    from tests.helpers import ShoutRule

    class Impostor(ShoutRule):
        code = "TYP003"

    class ImpostorPlugin:
        @hookimpl
        def corpus_linter_register_rules(self):
            return [Impostor]

    host = host_with(ImpostorPlugin())
    linter = Linter(Config(root=tmp_path), host=host, select=["TYP003"], jobs=1)
    assert linter.registry.rules["TYP003"] is not Impostor
    assert any("ImpostorPlugin" in w or "second time" in w for w in host.warnings)


def test_excludes_apply_below_the_named_folder_only(tmp_path: Path) -> None:
    corpus = tmp_path / "venv" / "corpus"
    corpus.mkdir(parents=True)
    (corpus / "a.txt").write_text("SHOUT", encoding="utf-8")
    assert len(linter_for(tmp_path).run([str(corpus)]).findings) == 1


def test_a_file_named_twice_is_checked_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SHOUT", encoding="utf-8")
    assert len(linter_for(tmp_path).run([str(tmp_path), str(tmp_path / "a.txt")]).findings) == 1


def test_a_fifo_named_explicitly_is_read(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text("SHOUT", encoding="utf-8"))
    writer.start()
    result = linter_for(tmp_path).run([str(fifo)])
    writer.join()
    assert len(result.findings) == 1


def test_symlinked_folder_loops_end(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("SHOUT", encoding="utf-8")
    (tmp_path / "loop").symlink_to(tmp_path)
    assert len(linter_for(tmp_path).run([str(tmp_path)]).findings) == 1


def test_a_rule_yielding_junk_fails_alone_and_is_reported_once(tmp_path: Path) -> None:
    from tests.helpers import ShoutRule

    class YieldsNone(ShoutRule):
        code = "TST009"
        name = "yields-none"

        def check(self, document):
            yield None

    class Plugin:
        @hookimpl
        def corpus_linter_register_rules(self):
            return [YieldsNone]

    for name in "abc":
        (tmp_path / f"{name}.txt").write_text("SHOUT", encoding="utf-8")
    host = host_with(TestRulesPlugin(), Plugin())
    result = Linter(Config(root=tmp_path), host=host, select=["TST001", "TST009"], jobs=1).run([str(tmp_path)])
    assert [f.code for f in result.findings] == ["INP006", "TST001"] * 3
    [error] = [e for e in result.errors if "TST009" in e]
    assert "failed 3 times" in error and "not a Finding" in error
