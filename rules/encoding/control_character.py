"""ENC003: C0 and C1 control characters in text."""

from __future__ import annotations

import re
from typing import Iterator

from linter import Document, Finding, Fix, Rule

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""One character: a single-character class is searched far faster than a repeated one."""
CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")


def describe(character: str) -> str:
    code = ord(character)
    return f"U+{code:04X}" + (" (C1, a Windows-1252 character decoded as Latin-1)" if 0x80 <= code <= 0x9F else "")


class ControlCharacter(Rule):
    """Control characters (C0 and C1) other than tab, line feed and carriage return.

    ## What it flags
    Runs of C0 controls (U+0000–U+001F except tab, newline and carriage
    return), DEL (U+007F) and C1 controls (U+0080–U+009F).

    ## Why
    Controls are not text. NULs and escapes come from binary data or
    terminal output; form feeds from PDF extraction; C1 controls are
    nearly always Windows-1252 punctuation (curly quotes, dashes) decoded as
    Latin-1, so "don\\x92t" was "don’t".

    ## What it leaves alone
    Tabs, line feeds and carriage returns.

    ## Example
    "The minister\\x92s statement" (U+0092 for "’").

    ## Fix
    C0 controls and DEL are deleted (safe). C1 controls are replaced by the
    Windows-1252 character they stand for, as ftfy's `fix_c1_controls` does
    (unsafe: a C1 control may also be plain binary junk).
    """

    code = "ENC003"
    name = "control-character"
    category = "encoding"
    fixable = True

    def check(self, document: Document) -> Iterator[Finding]:
        text = document.text
        found = CONTROL.search(text)
        while found is not None:
            match = CONTROLS.match(text, found.start())
            run = match.group()  # type: ignore[union-attr]
            start, end = match.span()  # type: ignore[union-attr]
            found = CONTROL.search(text, end)
            from ftfy.fixes import fix_c1_controls  # here: ftfy takes 70 ms to import, and controls are rare

            repaired = CONTROLS.sub("", fix_c1_controls(run))
            if repaired:
                fix = Fix.replace(start, end, repaired, safe=False, description=f"replace with {repaired!r}")
            else:
                fix = Fix.delete(start, end, description="delete the control characters")
            names = ", ".join(dict.fromkeys(describe(c) for c in run))
            yield self.finding(document, start, end, f"control character {names}", fix=fix)

