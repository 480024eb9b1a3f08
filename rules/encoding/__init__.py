"""Encoding damage: mojibake, replacement and control characters, invisible
characters, stray letters, HTML residue and odd spaces (ENC).

Most of these only concern non-ASCII text, so each rule returns at once on
pure-ASCII documents: clean English prose costs one ``str.isascii`` call.
"""
