"""The CI examples in examples/ci: valid YAML, and every corpus-linter command in them is one the CLI accepts."""

from __future__ import annotations

import shlex
from pathlib import Path

import yaml

from linter.cli import build_parser

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "ci"


def commands(lines: list[str]) -> list[list[str]]:
    return [shlex.split(line)[1:] for line in lines if line.strip().startswith("corpus-linter ")]


def parses(argv: list[str]) -> None:
    args = build_parser().parse_args(argv)  # SystemExit (a failed test) on an unknown flag or value
    assert args.command == "check"


def test_github_workflow() -> None:
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["lint"]["steps"]
    runs = commands([step["run"] for step in steps if "run" in step])
    assert any("--diff-base" in argv and "github" in argv for argv in runs), "annotations for the changed documents"
    assert any("sarif" in argv for argv in runs)
    for argv in runs:
        parses(argv)
    upload = [step for step in steps if str(step.get("uses", "")).startswith("github/codeql-action/upload-sarif")]
    assert upload and upload[0]["with"]["sarif_file"] == "corpus-lint.sarif"
    assert workflow["permissions"]["security-events"] == "write"


def test_gitlab_job() -> None:
    job = yaml.safe_load((EXAMPLES / "gitlab-ci.yml").read_text(encoding="utf-8"))["corpus-lint"]
    runs = commands(job["script"])
    assert any("gitlab" in argv and "-o" in argv for argv in runs) and any("--diff-base" in argv for argv in runs)
    for argv in runs:
        parses(argv)
    report = next(argv[argv.index("-o") + 1] for argv in runs if "-o" in argv)
    assert job["artifacts"]["reports"]["codequality"] == report


def test_the_pre_commit_hooks_run_for_every_file_a_reader_takes() -> None:
    """pre-commit starts a hook only when a staged file matches its ``files``: a changed .jsonl.zst must start it."""
    import re

    from linter.engine import Linter

    hooks = yaml.safe_load((EXAMPLES.parent.parent / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    suffixes = [suffix for reader in Linter(jobs=1).registry.readers for suffix in reader.suffixes]
    assert ".jsonl.zst" in suffixes and ".parquet" in suffixes
    for hook in hooks:
        assert all(re.search(hook["files"], f"corpus/part-1{suffix}") for suffix in suffixes), hook["id"]
