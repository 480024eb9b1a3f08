"""A sample of the anachronism probe (benchmarks/anachronism_probe.py), built from the knowledge base on disk.

Titles given inside a term stay silent, outside it fire, in every form the probe
writes; the targets are those of the full probe (precision >= 0.99, recall >= 0.95).
"""

from __future__ import annotations

import random

from benchmarks.anachronism_probe import FORMS, build_cases, evaluate
from rules.anachronism.common import knowledge

SAMPLED_TERMS = 120


def test_probe_sample_meets_the_targets() -> None:
    kb, index = knowledge(())
    cases = build_cases(kb, index, random.Random(13), SAMPLED_TERMS)
    assert {c.form.rsplit(", ", 1)[0] for c in cases} >= {f.label for f in FORMS}, "every form is probed"
    total, _by_form, errors = evaluate(cases)
    shown = "\n".join(f"{case.date} {what}: {case.text}" for case, what in errors[:20])
    assert total.precision >= 0.99, shown
    assert total.recall >= 0.95, shown
