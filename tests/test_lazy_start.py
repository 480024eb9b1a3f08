"""A run in one process loads rule data on first use, but still checks the user's files before it starts."""

from __future__ import annotations

from pathlib import Path

import pytest

from linter.config import Config, ConfigError
from linter.engine import Linter
from linter.rule import Rule
from rules.typos import language, lexicon


class ChecksAFile(Rule):
    code = "TST901"
    name = "checks-a-file"

    def prepare(self) -> None:
        raise FileNotFoundError("a user's data file")


class OnlyLoads(ChecksAFile):
    code = "TST902"
    name = "only-loads"
    prepare_only_loads = True


def test_one_process_prepares_only_rules_that_may_check_options_or_files() -> None:
    assert ChecksAFile().needs_preparing(workers=False)
    assert not OnlyLoads().needs_preparing(workers=False)
    assert OnlyLoads().needs_preparing(workers=True)
    codes = {rule.code: rule for rule in Linter(Config(), jobs=1, cache=False).rules}
    assert not codes["TYP001"].needs_preparing(workers=False)  # only loads the lexicon
    assert not codes["ANA001"].needs_preparing(workers=False)  # no user knowledge-base file to check
    with_user_file = type(codes["ANA001"])({"extra-kb-files": ["mine.yaml"]})
    assert with_user_file.needs_preparing(workers=False)


def test_a_bad_user_file_still_stops_a_one_process_run(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("people: [unclosed\n", encoding="utf-8")
    linter = Linter(Config(rules={"ANA001": {"extra-kb-files": [str(broken)]}}), jobs=1, cache=False)
    with pytest.raises(ConfigError, match="ANA001"):
        linter.prepare_rules(workers=False)


def test_parts_of_the_zipf_table_answer_as_the_whole_table() -> None:
    table = lexicon._build_zipf_table()
    words = ["the", "bank", "despatch", "goverments", "Ukraine", "zzzzqx", "naïve", "l'accord"]
    words += list(table)[::5000]
    assert all(lexicon.zipf(word) == table.get(word.lower(), 0.0) for word in words)


def test_parts_of_the_leanings_hold_every_word_once() -> None:
    whole = language._build_leanings()
    foreign: set[str] = set()
    neither: set[str] = set()
    for index in range(language.LEANING_PARTS):
        part = language.LEANINGS.part(index)
        foreign |= part.foreign
        neither |= part.neither
    assert foreign == whole.foreign and neither == whole.neither
    assert language.is_foreign("que nous avons aussi dans nuestro pueblo pour la fiesta")
    assert not language.is_foreign("the officials said that the plan was ready")

