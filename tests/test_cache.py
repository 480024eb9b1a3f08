"""The cache: compiled rule data and each file's results, reused only while nothing they depend on changed."""

from __future__ import annotations

import dataclasses
import json
import pickle
from pathlib import Path

import pytest

from linter import cache
from linter.cli import main
from linter.config import Config
from linter.engine import Linter
from linter.config import load_config
from linter.finding import Edit, Fix

ARTICLE = (
    "The council approved the budget for {town} on Monday after a long debate.\n\n"
    "Officials said the new library would open next spring, and teh mayor welcomed the vote.\n\n"
    "Sign up for the Morning Briefing newsletter, delivered daily\n"
)
TOWNS = ["Leeds", "York", "Bath", "Hull", "Ely", "Wells"]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Six articles sharing a footer line (a corpus-phase finding spans files) and a misspelling each."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for number, town in enumerate(TOWNS):
        (folder / f"{number}.txt").write_text(ARTICLE.format(town=town), encoding="utf-8")
    return folder


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def make(cache_dir: Path, *, cache_results: bool | None = True, **options: object) -> Linter:
    config = Config(root=cache_dir.parent, cache_dir=str(cache_dir))
    config.rules = {"JNK007": {"min_documents": 3, "min_confidence": 0.0}, **options}  # type: ignore[dict-item]
    return Linter(config, select=["JNK007", "TYP001", "TYP003"], jobs=1, cache=cache_results)


def run(cache_dir: Path, corpus: Path, **options: object) -> tuple[Linter, list]:
    linter = make(cache_dir, **options)
    return linter, linter.run([str(corpus)]).findings


def test_warm_run_gives_exactly_the_cold_findings(cache_dir: Path, corpus: Path) -> None:
    cold_linter, cold = run(cache_dir, corpus)
    warm_linter, warm = run(cache_dir, corpus)
    fresh = make(cache_dir, cache_results=False).run([str(corpus)]).findings
    assert {f.code for f in cold} >= {"JNK007", "TYP001"}
    assert cold_linter.result_cache.misses == len(TOWNS) and cold_linter.result_cache.hits == 0
    assert warm_linter.result_cache.hits == len(TOWNS) and warm_linter.result_cache.misses == 0
    assert warm == cold == fresh


def test_one_changed_file_is_checked_again_and_the_corpus_phase_sees_all_facts(cache_dir: Path, corpus: Path) -> None:
    run(cache_dir, corpus)
    changed = corpus / "2.txt"
    changed.write_text(ARTICLE.format(town="Bath") + "\nThe the end.\n", encoding="utf-8")
    linter, findings = run(cache_dir, corpus)
    assert (linter.result_cache.hits, linter.result_cache.misses) == (len(TOWNS) - 1, 1)
    assert findings == make(cache_dir, cache_results=False).run([str(corpus)]).findings
    recurring = [f for f in findings if f.code == "JNK007"]
    assert {Path(f.path).name for f in recurring} == {f"{n}.txt" for n in range(len(TOWNS))}
    assert any(f.code == "TYP003" and f.path == str(changed) for f in findings)


def test_a_config_change_checks_everything_again(cache_dir: Path, corpus: Path) -> None:
    run(cache_dir, corpus)
    linter, findings = run(cache_dir, corpus, TYP001={"ignore": ["teh"]})
    assert linter.result_cache.hits == 0 and linter.result_cache.misses == len(TOWNS)
    assert not any(f.code == "TYP001" for f in findings)


def test_a_file_named_by_an_option_is_part_of_the_key(cache_dir: Path, tmp_path: Path) -> None:
    kb_file = tmp_path / "offices.yaml"
    kb_file.write_text("one\n", encoding="utf-8")

    def settings() -> str:
        options = {"ANA001": {"extra-kb-files": ["offices.yaml"]}}
        config = Config(root=tmp_path, cache_dir=str(cache_dir), rules=options)
        return Linter(config, jobs=1, cache=True).settings_digest()

    before = settings()
    assert settings() == before
    kb_file.write_text("two\n", encoding="utf-8")
    assert settings() != before


def test_corrupt_cache_entries_are_ignored(cache_dir: Path, corpus: Path) -> None:
    _, cold = run(cache_dir, corpus)
    entries = list((cache_dir / "results").rglob("*.pickle"))
    assert len(entries) == len(TOWNS)
    entries[0].write_bytes(b"not a pickle")
    entries[1].write_bytes(pickle.dumps({"something": "else"}))
    entries[2].write_bytes(entries[2].read_bytes()[:40])  # truncated
    linter, warm = run(cache_dir, corpus)
    assert warm == cold
    assert linter.result_cache.misses == 3


def test_no_cache_reads_and_writes_nothing(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "untouched"
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(folder))
    assert main(["check", "--no-cache", "--select", "TYP001", "-q", str(corpus)]) == 1
    assert cache.folder() is None
    assert not folder.exists()
    assert main(["check", "--select", "TYP001", "-q", str(corpus)]) == 1
    assert folder.exists()


def test_fix_checks_again_instead_of_trusting_cached_edits(cache_dir: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A poisoned entry (findings with a wrong edit, stored under the file's true digest) is not used by --fix."""
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(cache_dir))
    monkeypatch.chdir(corpus)
    target = corpus / "0.txt"
    assert main(["check", "--select", "TYP001", "-q", str(target)]) == 1
    [entry] = list((cache_dir / "results").rglob("*.pickle"))
    stored = pickle.loads(entry.read_bytes())
    [result] = stored.results
    wrong = Fix((Edit(0, 3, "XXX"),), safe=True, description="poison")
    result.findings[:] = [dataclasses.replace(f, fix=wrong) for f in result.findings]
    entry.write_bytes(pickle.dumps(stored))
    assert main(["check", "--select", "TYP001", "--fix", "-q", str(target)]) == 0
    text = target.read_text(encoding="utf-8")
    assert "the mayor" in text and not text.startswith("XXX")


def test_check_output_is_the_same_warm_and_cold_from_the_command_line(
    cache_dir: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(cache_dir))
    outputs = []
    for _ in range(2):
        assert main(["check", "--select", "TYP,JNK", "--output-format", "json", str(corpus)]) == 1
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1] and outputs[0]
    assert list((cache_dir / "results").rglob("*.pickle"))


def test_clean_removes_only_a_cache_folder(cache_dir: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(cache_dir))
    monkeypatch.chdir(corpus)
    run(cache_dir, corpus)
    assert (cache_dir / "CACHEDIR.TAG").is_file()
    assert main(["clean"]) == 0
    assert not cache_dir.exists()
    assert main(["clean"]) == 0  # nothing to remove is not an error
    cache_dir.mkdir()
    (cache_dir / "precious.txt").write_text("keep", encoding="utf-8")
    assert main(["clean"]) == 2
    assert (cache_dir / "precious.txt").is_file()


def test_cache_dir_in_config_is_relative_to_the_config(tmp_path: Path) -> None:
    config_file = tmp_path / "corpus-linter.toml"
    config_file.write_text('cache-dir = ".lint-cache"\n', encoding="utf-8")
    assert load_config(config_file).cache_folder() == tmp_path / ".lint-cache"


# -- compiled rule data ----------------------------------------------------------


def test_compiled_data_is_built_once_and_rebuilt_when_an_input_changes(tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("alpha\nbeta\n", encoding="utf-8")
    builds = []

    def build() -> frozenset[str]:
        builds.append(1)
        return frozenset(source.read_text(encoding="utf-8").split())

    cache.configure(tmp_path / "cache")
    try:
        assert cache.compiled("words", build, inputs=[source]) == {"alpha", "beta"}
        assert cache.compiled("words", build, inputs=[source]) == {"alpha", "beta"}
        assert len(builds) == 1
        source.write_text("gamma\n", encoding="utf-8")
        assert cache.compiled("words", build, inputs=[source]) == {"gamma"}
        assert len(builds) == 2
        assert len(list((tmp_path / "cache" / "data").glob("words-*"))) == 1  # the stale entry went
        [entry] = (tmp_path / "cache" / "data").glob("words-*")
        entry.write_bytes(b"\x80garbage")
        assert cache.compiled("words", build, inputs=[source]) == {"gamma"}
        assert len(builds) == 3
    finally:
        cache.configure(None)


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("", encoding="utf-8")
    cache.configure(blocker / "cache")
    try:
        assert cache.compiled("value", lambda: [1, 2], inputs=[]) == [1, 2]
        linter = Linter(Config(root=tmp_path, cache_dir=str(blocker / "cache")), select=["TYP001"], jobs=1, cache=True)
        document = tmp_path / "a.txt"
        document.write_text("teh end\n", encoding="utf-8")
        assert [f.code for f in linter.run([str(document)]).findings] == ["TYP001"]
    finally:
        cache.configure(None)


def test_the_knowledge_base_survives_the_cache(tmp_path: Path) -> None:
    """The hyperscan database is stored as bytes and scans the same after loading."""
    from rules.anachronism.search import KeySearch

    search = KeySearch({"prime minister": 1, "Theresa May": 2})
    copy = pickle.loads(pickle.dumps(search))
    text = "Prime minister Theresa May and the prime minister"
    assert list(copy.find(text)) == list(search.find(text))
    assert list(copy.find(text))


def test_an_untrusted_config_cannot_choose_the_cache_folder(tmp_path: Path, corpus: Path) -> None:
    """Entries are pickles: a config shipped with a downloaded corpus must not make the run load its own."""
    shipped = tmp_path / "shipped-cache"
    config = Config(root=tmp_path, cache_dir=str(shipped), local_plugins_allowed=False)
    Linter(config, select=["TYP001"], jobs=1, cache=True).run([str(corpus)])
    assert not shipped.exists()
    assert cache.folder() == cache.default_folder()


def test_context_documents_are_cached_as_context_and_not_reused_as_checked(cache_dir: Path, corpus: Path) -> None:
    """A file read only as context (pre-commit's --context) was checked by the corpus rules alone: a run
    that reports on it checks it again; a second context run reuses everything."""
    import os

    from linter.changes import Focus

    focus = Focus(files={os.path.realpath(corpus / "0.txt")})
    first = make(cache_dir).run([str(corpus)], focus=focus).findings
    again = make(cache_dir)
    assert again.run([str(corpus)], focus=focus).findings == first
    assert again.result_cache.hits == len(TOWNS)
    assert {f.path for f in first} == {str(corpus / "0.txt")}
    everything = make(cache_dir)
    findings = everything.run([str(corpus)]).findings
    assert everything.result_cache.hits == 1 and everything.result_cache.misses == len(TOWNS) - 1
    assert findings == make(cache_dir, cache_results=False).run([str(corpus)]).findings


def test_streamed_findings_keep_input_order_from_the_cache(
    cache_dir: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """json-lines streams findings in input order; cached files take their places, input problems too."""
    monkeypatch.setenv(cache.ENVIRONMENT_VARIABLE, str(cache_dir))
    (corpus / "3b.jsonl").write_text('{"text": "The the end."}\nnot json\n{"text": "teh end"}\n', encoding="utf-8")
    outputs = []
    for arguments in (["--no-cache"], [], []):
        assert main(["check", *arguments, "--select", "TYP,JNK", "--output-format", "json-lines", str(corpus)]) == 1
        outputs.append(capsys.readouterr().out)
    assert outputs[0] == outputs[1] == outputs[2]
    assert "INP003" in outputs[0]
