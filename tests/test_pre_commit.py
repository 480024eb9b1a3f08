"""The README's pre-commit snippet, run for real by pre-commit against a local copy of this repository."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which("pre-commit")

pytestmark = pytest.mark.skipif(PRE_COMMIT is None or shutil.which("git") is None, reason="needs pre-commit and git")


def git(cwd: Path, *args: str) -> str:
    completed = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main", *args],
        cwd=cwd, check=True, capture_output=True, text=True,
    )
    return completed.stdout


def readme_snippet() -> dict:
    section = ROOT.joinpath("README.md").read_text(encoding="utf-8").split("## pre-commit\n", 1)[1]
    return yaml.safe_load(re.search(r"```yaml\n(.*?)```", section, re.S).group(1))


def release_copy(folder: Path, tag: str) -> Path:
    """This checkout's files (committed or not) as a repository with the README's release tag."""
    files = git(ROOT, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, folder / name)
    git(folder, "init", "-q")
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "release")
    git(folder, "tag", tag)
    return folder


def pre_commit(project: Path, home: Path) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    return subprocess.run([PRE_COMMIT, "run"], cwd=project, capture_output=True, text=True, env=environment, timeout=900)


def test_the_readme_snippet_works_as_written(tmp_path: Path) -> None:
    config = readme_snippet()
    [repository] = config["repos"]
    assert [hook["id"] for hook in repository["hooks"]] == ["corpus-linter", "corpus-linter-fix"]
    copy = release_copy(tmp_path / "corpus-linter", repository["rev"])
    repository["repo"] = str(copy)
    repository["hooks"] = repository["hooks"][:1]  # the check; the fix hook runs the same command with --fix
    project = tmp_path / "project"
    (project / "corpus").mkdir(parents=True)
    git(project, "init", "-q")
    (project / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (project / "corpus" / "old.txt").write_text("An old story with the the slip.\n", encoding="utf-8")
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", "start", "--no-verify")

    (project / "corpus" / "new.txt").write_text("A new story and and a slip.\n", encoding="utf-8")
    git(project, "add", "corpus/new.txt")
    failed = pre_commit(project, tmp_path / "home")
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "corpus/new.txt" in failed.stdout and "TYP003" in failed.stdout
    assert "corpus/old.txt" not in failed.stdout, "unchanged documents are context, not reported"

    (project / "corpus" / "new.txt").write_text("A new story and a slip fixed.\n", encoding="utf-8")
    git(project, "add", "corpus/new.txt")
    passed = pre_commit(project, tmp_path / "home")
    assert passed.returncode == 0, passed.stdout + passed.stderr
