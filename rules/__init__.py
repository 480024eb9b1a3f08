"""The built-in rules, one family a subpackage, with their data beside them.

They reach the engine through the same hook as any third-party plugin: this
module is the ``rules`` entry point of the ``corpus_linter`` group.  Every
Rule class defined anywhere under this package is registered, so adding a
rule is adding a file.
"""

from __future__ import annotations

from linter import hookimpl
from linter.rule import Rule, rules_in_package


@hookimpl
def corpus_linter_register_rules() -> list[type[Rule]]:
    return rules_in_package(__name__)
