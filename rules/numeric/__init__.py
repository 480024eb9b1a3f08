"""NUM: numeric contradictions: figures that disagree within a text or across a corpus."""
