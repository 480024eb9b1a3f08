"""Junk: page furniture left in scraped text (JNK).

Comment forms, share bars, related-links blocks, breadcrumbs, captions and
credits, read-more teasers, repeated titles, site footers recurring across a
corpus, and document-level quality ratios.  Phrase knowledge is data in
``data/``; the matching is anchored at line starts so prose is left alone.
"""
