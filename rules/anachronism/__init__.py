"""ANA: titles given to people on a date when they did not hold them.

The rules read a knowledge base of offices, people and terms (``data/kb``,
one YAML file per jurisdiction or organisation; see ``kb.py``), which users
extend with the ``extra-kb-files`` option and refresh from Wikidata with
``python -m rules.anachronism.wikidata``.
"""
