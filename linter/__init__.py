"""corpus-linter: a data-quality linter for text corpora.

The engine lives here; the built-in rules live in the top-level ``rules``
package and reach the engine only through the plugin hooks, like anyone's.
"""

from linter.document import Document, DocumentDate
from linter.finding import Edit, Finding, Fix, Location, Severity
from linter.options import Option
from linter.plugin import hookimpl
from linter.rule import Fact, Rule

__all__ = [
    "Document",
    "DocumentDate",
    "Edit",
    "Fact",
    "Finding",
    "Fix",
    "Location",
    "Option",
    "Rule",
    "Severity",
    "hookimpl",
]
