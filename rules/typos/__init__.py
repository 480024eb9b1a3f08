"""Typos: misspellings, spacing, repeated words, broken numbers, names (TYP)."""
