"""The per-rule time budget: a slow rule is stopped on a document, reported (INP005), and the run goes on."""

from __future__ import annotations

import json
import signal
import threading
import time
from pathlib import Path

import pytest

from linter.budget import RuleClock, RuleTimeout, TimeBudget
from linter.cli import main
from linter.config import Config, ConfigError, load_config
from linter.engine import Linter
from linter.plugin import default_host
from tests.helpers import TestRulesPlugin


def linter_with_test_rules(tmp_path: Path, rule_timeout: float, **kwargs) -> Linter:
    host = default_host()
    host.register(TestRulesPlugin())
    config = Config(root=tmp_path, rule_timeout=rule_timeout)
    return Linter(config, host=host, select=kwargs.pop("select", ["TST001", "TST004"]), jobs=kwargs.pop("jobs", 1), **kwargs)


def write_documents(path: Path, texts: list[str]) -> None:
    path.write_text("".join(json.dumps({"text": text}) + "\n" for text in texts), encoding="utf-8")


def test_a_slow_rule_is_stopped_and_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    write_documents(tmp_path / "docs.jsonl", ["a SLOW one and a SHOUT", "only SHOUT here"])
    started = time.monotonic()
    result = linter_with_test_rules(tmp_path, 0.2).run([str(tmp_path)])
    assert time.monotonic() - started < 10  # the rule alone would spin for 20 s
    codes = [(f.location.record, f.code) for f in result.findings]
    assert codes == [(0, "INP005"), (0, "TST001"), (1, "TST001")]
    [timeout] = [f for f in result.findings if f.code == "INP005"]
    assert "rule TST004 (slow) was stopped after 0.2 s" in timeout.message and "rule-timeout" in timeout.message
    # The timer is put back as it was.
    assert signal.getsignal(signal.SIGPROF) == signal.SIG_DFL
    assert signal.getitimer(signal.ITIMER_PROF) == (0.0, 0.0)


def test_a_rule_that_keeps_timing_out_is_retired_with_one_warning(tmp_path: Path) -> None:
    write_documents(tmp_path / "docs.jsonl", [f"SLOW {i}" for i in range(6)])
    result = linter_with_test_rules(tmp_path, 0.1).run([str(tmp_path)])
    assert [f.location.record for f in result.findings if f.code == "INP005"] == [0, 1, 2]
    [warning] = [w for w in result.warnings if "TST004" in w]
    assert "on 3 documents" in warning and "not run on the 3 documents after them" in warning


def test_the_budget_holds_in_worker_processes(tmp_path: Path) -> None:
    texts = [f"document {i}" for i in range(200)]
    texts[10] = texts[150] = "SLOW SHOUT"
    write_documents(tmp_path / "docs.jsonl", texts)
    result = linter_with_test_rules(tmp_path, 0.2, jobs=2).run([str(tmp_path)])
    assert [(f.location.record, f.code) for f in result.findings] == [
        (10, "INP005"), (10, "TST001"), (150, "INP005"), (150, "TST001")
    ]


def test_the_timeout_finding_can_be_ignored(tmp_path: Path) -> None:
    write_documents(tmp_path / "docs.jsonl", ["SLOW"])
    assert linter_with_test_rules(tmp_path, 0.1, ignore=["INP005"]).run([str(tmp_path)]).findings == []


def test_zero_means_no_limit(tmp_path: Path) -> None:
    linter = linter_with_test_rules(tmp_path, 0, select=["TST004"])
    linter.rules[0].options["seconds"] = 0.3
    assert [f.code for f in linter.check_text("SLOW")] == ["TST004"]


def test_outside_the_main_thread_the_time_is_measured_after_the_fact(tmp_path: Path) -> None:
    linter = linter_with_test_rules(tmp_path, 0.1, select=["TST004"])
    linter.rules[0].options["seconds"] = 0.3
    found: list = []
    thread = threading.Thread(target=lambda: found.extend(linter.check_text("SLOW")))
    thread.start()
    thread.join()
    assert [f.code for f in found] == ["INP005"]


def test_the_budget_grows_with_long_documents() -> None:
    budget = TimeBudget(10)
    assert budget.for_characters(2_000) == 10
    assert budget.for_characters(5_000_000) == 50


def test_the_clock_leaves_a_host_programs_timer_alone() -> None:
    def host_handler(signum, frame):  # pragma: no cover - never fires
        raise AssertionError("the host's handler fired")

    previous = signal.signal(signal.SIGPROF, host_handler)
    try:
        clock = RuleClock()
        with clock.interrupting(TimeBudget(0.01)):
            assert not clock.can_interrupt
            with pytest.raises(RuleTimeout):
                clock.call(lambda: spin(0.05), 0.01)  # measured, reported after the fact
        assert signal.getsignal(signal.SIGPROF) is host_handler
    finally:
        signal.signal(signal.SIGPROF, previous)


def test_the_budget_counts_cpu_time_not_waiting() -> None:
    clock = RuleClock()
    with clock.interrupting(TimeBudget(0.05)):
        assert clock.can_interrupt
        assert clock.call(lambda: time.sleep(0.2) or "done", 0.05) == "done"
        with pytest.raises(RuleTimeout):
            clock.call(lambda: spin(5), 0.05)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_a_timeout_lost_in_a_destructor_is_raised_again() -> None:
    class Swallows:
        def __del__(self):
            spin(0.3)  # a tick lands here; Python ignores exceptions raised in __del__

    def rule():
        Swallows()
        spin(5)

    clock = RuleClock()
    with clock.interrupting(TimeBudget(0.05)):
        started = time.monotonic()
        with pytest.raises(RuleTimeout):
            clock.call(rule, 0.05)
        assert time.monotonic() - started < 4


def spin(seconds: float) -> None:
    """Busy for ``seconds`` of CPU time."""
    deadline = time.thread_time() + seconds
    while time.thread_time() < deadline:
        pass


@pytest.mark.parametrize("value", ["-1", "nan", "inf", "1e300", "true", '"10"'])
def test_bad_budgets_are_config_errors(tmp_path: Path, value: str) -> None:
    config = tmp_path / "corpus-linter.toml"
    config.write_text(f"rule-timeout = {value}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="rule-timeout"):
        load_config(config)


def test_cli_reports_the_timeout_and_exits_with_findings(tmp_path: Path, capsys, monkeypatch) -> None:
    (tmp_path / "corpus-linter.toml").write_text("rule-timeout = 0.2\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("SLOW\n", encoding="utf-8")
    monkeypatch.setattr("linter.engine.default_host", lambda *args: _host_with_test_rules())
    assert main(["check", str(tmp_path / "a.txt"), "--select", "TST004", "--output-format", "concise"]) == 1
    assert "INP005" in capsys.readouterr().out


def _host_with_test_rules():
    host = default_host()
    host.register(TestRulesPlugin())
    return host
