"""Fuzzing: random and mutated files of every supported ending, and random config values.

Whatever the bytes or the settings, a run ends with findings or a clean pass
(exit 0 or 1) or a clear error (exit 2, "corpus-linter: error: ..."), never a
traceback or an "internal error"; and a file that yields no document says why
(an INPxxx finding, or the "no documents found" warning).  Mutations start
from valid files of each kind, so the readers get past their first checks.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import math
import re
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linter.cli import main
from linter.config import _KEYS
from linter.plugin import default_host
from linter.registry import build_registry

TEXT = "Share this article\nThe the minister said on 30 February that 45% of 120 staff left.\n"
RECORDS = [{"id": "a", "text": TEXT, "date": "2024-05-01"}, {"id": "a", "text": "Leave a Reply\nFine."}]
FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
"""Derandomized: the same examples every run, so CI does not fail on a new one by chance (run locally
with ``--hypothesis-seed`` to explore); about 10 s per test on a loaded two-core machine."""


def jsonl(records: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode()


def parquet(records: list[dict[str, Any]]) -> bytes:
    buffer = io.BytesIO()
    pq.write_table(pa.Table.from_pylist(records), buffer)
    return buffer.getvalue()


SEEDS: dict[str, bytes] = {
    ".txt": TEXT.encode(),
    ".md": ("# Title\n\n" + TEXT).encode("utf-16"),
    ".jsonl": jsonl(RECORDS),
    ".ndjson": jsonl(RECORDS).decode().encode("utf-32"),
    ".jsonl.gz": gzip.compress(jsonl(RECORDS)),
    ".ndjson.zst": zstandard.ZstdCompressor().compress(jsonl(RECORDS)),
    ".parquet": parquet(RECORDS),
}


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """``seed`` with a few bytes flipped, inserted or deleted, cut short, or replaced by random bytes."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["flip", "insert", "delete", "cut"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif kind == "delete":
            del data[at : at + draw(st.integers(1, 16))]
        else:
            del data[at:]
    return bytes(data)


def input_files() -> st.SearchStrategy[tuple[str, bytes]]:
    return st.sampled_from(sorted(SEEDS)).flatmap(
        lambda suffix: st.tuples(
            st.just(suffix), st.one_of(mutated(SEEDS[suffix]), st.binary(max_size=2048), st.just(SEEDS[suffix]))
        )
    )


def run(args: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue(), err.getvalue()


def assert_clean_outcome(code: int, out: str, err: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, err
    assert code in (0, 1, 2), (code, err)
    if code == 2:
        assert "corpus-linter: error:" in err, err


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "article.txt").write_text(TEXT, encoding="utf-8")
    run(["check", str(folder / "article.txt"), "--jobs", "1"])  # lexicons load once, outside the examples
    return folder


@FUZZ
@given(input_files())
def test_any_file_of_any_kind_gives_findings_or_a_clear_error(workspace: Path, case: tuple[str, bytes]) -> None:
    suffix, data = case
    path = workspace / f"input{suffix}"
    path.write_bytes(data)
    code, out, err = run(["check", str(path), "--jobs", "1", "--output-format", "concise", "--date", "2025-01-01"])
    assert_clean_outcome(code, out, err)
    if code != 2:
        summary = re.search(r"\((\d+) documents?\)|in (\d+) documents?\.", out)
        assert summary is not None, out
        if int(summary.group(1) or summary.group(2)) == 0:
            assert re.search(r": INP00\d ", out) or "no documents found" in err, (out, err)


RULES = build_registry(default_host()).rules
OPTIONS = sorted((code, name) for code, rule in RULES.items() for name in (getattr(rule, "default_options", None) or {}))
SETTINGS = sorted(key for key in _KEYS if key != "plugins")  # plugins import code: not a value to fuzz

scalars = st.one_of(
    st.booleans(),
    st.integers(-(10**15), 10**15),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["", "error", "warning", "TYP003", "ENC", "2024-02-30", "2024-05-01", "*.txt", "text", "(a+)+$"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=8,
)


def toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return ("inf" if value > 0 else "-inf") if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)  # a TOML basic string (a lone surrogate makes the file invalid TOML: also a case)
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


@st.composite
def configs(draw: st.DrawFn) -> str:
    lines = [f"{key} = {toml_value(draw(values))}" for key in draw(st.lists(st.sampled_from(SETTINGS), max_size=3, unique=True))]
    for code, option in draw(st.lists(st.sampled_from(OPTIONS), max_size=3, unique=True)):
        lines.append(f"rules.{code}.{json.dumps(option)} = {toml_value(draw(values))}")
    return "\n".join(lines) + "\n"


@FUZZ
@given(configs())
def test_any_config_values_run_or_are_refused_by_name(workspace: Path, config: str) -> None:
    path = workspace / "corpus-linter.toml"
    path.write_text(config, encoding="utf-8", errors="surrogatepass")
    code, out, err = run(["check", str(workspace / "article.txt"), "--config", str(path), "--jobs", "1"])
    assert_clean_outcome(code, out, err)
