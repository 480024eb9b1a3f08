"""Config files: discovery, validation, severities, and how they reach the rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config, ConfigError, discover_config, load_config
from linter.engine import Linter
from linter.finding import Severity


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up_and_prefers_corpus_linter_toml(tmp_path: Path) -> None:
    nested = tmp_path / "a" / "b"
    nested.mkdir(parents=True)
    write(tmp_path / "pyproject.toml", '[tool.corpus-linter]\ndate = "2020-01-01"\n')
    assert str(discover_config(None, nested).date) == "2020-01-01"
    write(tmp_path / "a" / "corpus-linter.toml", 'date = "2021-02-03"\n')
    assert str(discover_config(None, nested).date) == "2021-02-03"


def test_pyproject_without_our_table_is_skipped(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    assert discover_config(None, tmp_path).path is None


def test_explicit_config_must_exist(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        discover_config(tmp_path / "nope.toml", None)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('select = "TYP"\n', "select: expected a list of strings"),
        ('jobs = 0\n', "jobs: expected a whole number"),
        ('date = "June"\n', "date: expected a date"),
        ('force-exclude = "yes"\n', "force-exclude: expected true or false"),
        ('[severity]\nTYP = "loud"\n', "severity.TYP: severity must be"),
        ('[per-file-ignores]\n"*.txt" = "TYP"\n', "per-file-ignores"),
    ],
)
def test_bad_values_name_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path / "corpus-linter.toml", text)
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_severity_override_most_specific_wins(tmp_path: Path) -> None:
    config = Config(root=tmp_path, severity={"typo": Severity.INFO, "TYP003": Severity.ERROR})
    linter = Linter(config, select=["TYP003"], jobs=1)
    [finding] = linter.check_text("the the end")
    assert finding.severity is Severity.ERROR
    config = Config(root=tmp_path, severity={"typo": Severity.INFO})
    [finding] = Linter(config, select=["TYP003"], jobs=1).check_text("the the end")
    assert finding.severity is Severity.INFO


def test_unknown_rule_in_options_table(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="rules.NOPE001: no rule"):
        Linter(Config(root=tmp_path, rules={"NOPE001": {}}), jobs=1)


def test_show_config_round_trips_the_settings(tmp_path: Path) -> None:
    config = load_config(write(tmp_path / "corpus-linter.toml", 'ignore = ["JNK"]\ndate = "2025-06-02"\n'))
    settings = config.as_toml_dict()
    assert settings["ignore"] == ["JNK"] and settings["date"] == "2025-06-02"


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('[severity]\nTYPO003 = "error"\n', "severity: unknown rule selector(s): TYPO003"),
        ('[per-file-ignores]\n"*.txt" = ["NOPE"]\n', "per-file-ignores.'*.txt': unknown rule selector(s): NOPE"),
        ('ignore = ["NOPE"]\n', "ignore: unknown rule selector(s): NOPE"),
    ],
)
def test_unknown_selectors_in_config_name_file_and_key(tmp_path: Path, text: str, where: str) -> None:
    path = write(tmp_path / "corpus-linter.toml", text)
    with pytest.raises(ConfigError) as error:
        Linter(load_config(path), jobs=1)
    assert str(error.value) == f"{path}: {where}"


def test_unknown_command_line_selector_names_the_flag(tmp_path: Path) -> None:
    path = write(tmp_path / "corpus-linter.toml", 'ignore = ["TYP003"]\n')
    with pytest.raises(ConfigError, match=r"^--select: unknown rule selector\(s\): FOO$"):
        Linter(load_config(path), select=["FOO"], jobs=1)


def test_per_file_ignores_match_however_the_path_is_typed(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "data" / "archive").mkdir(parents=True)
    (tmp_path / "data" / "archive" / "x.txt").write_text("the the end", encoding="utf-8")
    config = load_config(write(tmp_path / "corpus-linter.toml", '[per-file-ignores]\n"data/archive/*.txt" = ["TYP003"]\n'))
    monkeypatch.chdir(tmp_path / "data")
    linter = Linter(config, select=["TYP003"], jobs=1)
    assert linter.run(["./archive/x.txt"]).findings == []


def test_empty_field_names_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="text-field"):
        load_config(write(tmp_path / "corpus-linter.toml", 'text-field = ""\n'))
