"""Build the held-out injected corpus and its gold labels from the clean articles.

    python benchmarks/holdout/build.py          # writes injected/ and injected.gold.jsonl, then checks them
    python benchmarks/holdout/build.py --check  # only checks the files already written

Each injection replaces one passage of a clean article (``old``, which must occur
exactly once at that moment) with a defective one (``new``); ``label`` is the part
of ``new`` that the gold file marks, located by its occurrence in the final text.
The check makes sure every label locates in its injected document, that the clean
original does not hold the same text at that place (the span with 30 characters
either side is not in it, and the injection added an occurrence), that every clean
article has an injected copy, and that each copy carries 3 to 5 labels.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLEAN = HERE / "clean"
INJECTED = HERE / "injected"
GOLD = HERE / "injected.gold.jsonl"

QUEBEC = "1995-10-31-quebec-referendum.txt"
SPAIN = "2004-03-15-spain-election.txt"
AUSTRALIA = "2007-11-25-australia-election.txt"
POLAND = "2010-04-10-poland-plane-crash.txt"
MEXICO = "2012-07-02-mexico-election.txt"
EU = "2014-08-30-eu-top-jobs.txt"
PARIS = "2015-12-12-paris-climate-agreement.txt"
IMF = "2016-10-08-imf-meetings.txt"
GREECE = "2018-07-24-greece-wildfires.txt"
FINAL = "2019-06-01-champions-league-final.txt"
NVIDIA = "2023-08-23-nvidia-earnings.txt"
JAPAN = "2024-10-01-japan-ishiba.txt"

# (document, category, old, new, label, why)
INJECTIONS: list[tuple[str, str, str, str, str, str]] = [
    # Quebec, 1995
    (QUEBEC, "encoding", "Parti Québécois had chosen", "Parti QuÃ©bÃ©cois had chosen", "QuÃ©bÃ©cois",
     "UTF-8 read as Latin-1 (mojibake) in the party's name"),
    (QUEBEC, "anachronism", "Prime Minister Jean Chrétien, a Quebecer", "Prime Minister Brian Mulroney, a Quebecer",
     "Prime Minister Brian Mulroney", "Mulroney left office in June 1993; Jean Chrétien was prime minister in October 1995"),
    (QUEBEC, "numeric", '"We lost by about 54,000 votes', '"We lost by about 45,000 votes', "45,000 votes",
     "the gap was given as about 54,000 votes earlier in the article"),
    (QUEBEC, "junk", "the highest ever recorded in a Quebec vote.\n",
     "the highest ever recorded in a Quebec vote.\n\nNever miss a story: get The Evening Dispatch in your inbox every weekday. Sign up now »\n",
     "Never miss a story: get The Evening Dispatch in your inbox every weekday. Sign up now »",
     "newsletter sign-up prompt inside the article"),
    # Spain, 2004
    (SPAIN, "junk", "Spain's Socialists take power in vote shaken by Madrid bombings\n",
     "Portada › Internacional › Europa › España\n\nSpain's Socialists take power in vote shaken by Madrid bombings\n",
     "Portada › Internacional › Europa › España", "breadcrumb trail (Spanish site navigation)"),
    (SPAIN, "typo", "wounded more than 1,800", "wounded more than 1, 800", "1, 800", "space inside a thousands figure"),
    (SPAIN, "anachronism", "Outgoing Prime Minister José María Aznar", "Former Prime Minister José María Aznar",
     "Former Prime Minister José María Aznar", "Aznar was still the sitting prime minister on 15 March 2004 (Zapatero took office on 17 April)"),
    (SPAIN, "numeric", "The attacks killed 191 people", "The attacks killed 201 people", "killed 201 people",
     "the lead gives 191 people killed in the same bombings"),
    # Australia, 2007
    (AUSTRALIA, "encoding", "long seen as Howard's heir", "long seen as Howardâ€™s heir", "â€™",
     "right single quote as UTF-8 read as Windows-1252"),
    (AUSTRALIA, "typo", "in Nambour, in Queensland,", "in Nambour, in queensland,", "queensland", "proper noun in lower case"),
    (AUSTRALIA, "anachronism", "Former prime minister Bob Hawke, who led", "Prime Minister Bob Hawke, who led",
     "Prime Minister Bob Hawke", "Hawke left office in 1991; John Howard was prime minister in November 2007"),
    (AUSTRALIA, "numeric", "Rudd, 50, a former diplomat", "Rudd, 48, a former diplomat", "Rudd, 48",
     "Rudd was born in 1957 (as the article says), so 50 in November 2007, not 48"),
    # Poland, 2010
    (POLAND, "junk", "in 1940.\n", "in 1940.\n\nPhoto: AFP / Getty Images | Emergency workers at the crash site outside Smolensk\n",
     "Photo: AFP / Getty Images | Emergency workers at the crash site outside Smolensk", "photo caption with credit left in the body"),
    (POLAND, "encoding", "Among the dead were Kaczyński's wife", "Among the dead were Kaczy\ufffdski's wife", "\ufffd",
     "replacement character for a lost letter (ń)"),
    (POLAND, "typo", "travelled to Smolensk on Saturday evening", "travelled to Smolnesk on Saturday evening", "Smolnesk",
     "the city is spelled Smolensk elsewhere in the article"),
    (POLAND, "anachronism", "met by Russian Prime Minister Vladimir Putin", "met by Russian President Vladimir Putin",
     "Russian President Vladimir Putin", "Putin was prime minister in April 2010; Dmitry Medvedev was president"),
    (POLAND, "numeric", "on Tuesday, April 13,", "on Wednesday, April 13,", "Wednesday, April 13",
     "13 April 2010 was a Tuesday"),
    # Mexico, 2012
    (MEXICO, "junk", "accused the PRI of buying votes.\n",
     "accused the PRI of buying votes.\n\nREAD MORE: Who is Andrés Manuel López Obrador, the man who won't concede?\n",
     "READ MORE: Who is Andrés Manuel López Obrador, the man who won't concede?", "related-story teaser inside the article"),
    (MEXICO, "encoding", "Enrique Peña Nieto of the Institutional", "Enrique Pe&ntilde;a Nieto of the Institutional", "&ntilde;",
     "HTML entity left undecoded"),
    (MEXICO, "typo", "12 years of PAN government.", "12 years of PAN goverment.", "goverment", "misspelling of 'government'"),
    (MEXICO, "anachronism", "President Felipe Calderón, who is barred", "President Vicente Fox, who is barred",
     "President Vicente Fox", "Fox left office in 2006; Felipe Calderón was president in July 2012"),
    # EU summit, 2014
    (EU, "anachronism", "when Italian Prime Minister Matteo Renzi formed", "when Italian Prime Minister Enrico Letta formed",
     "Italian Prime Minister Enrico Letta", "Letta resigned in February 2014; Matteo Renzi was prime minister in August 2014"),
    (EU, "typo", "Poroshenko, who told", "Poroshenko,who told", "Poroshenko,who", "missing space after a comma"),
    (EU, "encoding", "Mogherini, 41,", "Mogh\u200berini, 41,", "Mogh\u200berini", "zero-width space inside a name"),
    (EU, "junk", "one of the EU's top jobs.\n",
     "one of the EU's top jobs.\n\nSuscríbete a nuestro boletín y recibe cada mañana lo más importante de Bruselas.\n",
     "Suscríbete a nuestro boletín y recibe cada mañana lo más importante de Bruselas.", "newsletter prompt (Spanish)"),
    # Paris climate agreement, 2015
    (PARIS, "junk", 'can do great things," he said.\n',
     'can do great things," he said.\n\nÀ lire aussi : COP21, ce que contient vraiment l\'accord de Paris\n',
     "À lire aussi : COP21, ce que contient vraiment l'accord de Paris", "related-story teaser (French)"),
    (PARIS, "anachronism", "U.N. Secretary-General Ban Ki-moon called", "U.N. Secretary-General Kofi Annan called",
     "U.N. Secretary-General Kofi Annan", "Annan left office at the end of 2006; Ban Ki-moon was secretary-general in December 2015"),
    (PARIS, "encoding", "including President François Hollande", "including President FranÃ§ois Hollande", "FranÃ§ois",
     "UTF-8 read as Latin-1 (mojibake)"),
    (PARIS, "numeric", "opened on Monday, Nov. 30", "opened on Sunday, Nov. 30", "Sunday, Nov. 30", "30 November 2015 was a Monday"),
    (PARIS, "typo", "agreement to fight climate change", "agreement to to fight climate change", "to to", "doubled word"),
    # IMF, 2016
    (IMF, "anachronism", "IMF Managing Director Christine Lagarde told", "IMF Managing Director Kristalina Georgieva told",
     "IMF Managing Director Kristalina Georgieva", "Georgieva took over the IMF in October 2019; Christine Lagarde led it in 2016"),
    (IMF, "numeric", "forecast of 3.1 percent growth for this year", "forecast of 3.3 percent growth for this year",
     "3.3 percent growth for this year", "the same forecast is given as 3.1 percent earlier in the article"),
    (IMF, "junk", "benefiting too few,\" she said.\n",
     "benefiting too few,\" she said.\n\nLike this article? Get Markets Morning, our free daily newsletter, before the opening bell. Subscribe here\n",
     "Like this article? Get Markets Morning, our free daily newsletter, before the opening bell. Subscribe here",
     "newsletter prompt at the end of the article"),
    (IMF, "typo", "The committee, chaired by", "The commitee, chaired by", "commitee", "misspelling of 'committee'"),
    # Greece, 2018
    (GREECE, "numeric", "the toll of at least 74 dead", "the toll of at least 47 dead", "at least 47 dead",
     "the lead gives at least 74 people killed"),
    (GREECE, "encoding", "about 29 km (18 miles)", "about 29&nbsp;km (18 miles)", "&nbsp;", "HTML entity left undecoded"),
    (GREECE, "junk", 'they embraced," he told Skai television.\n',
     'they embraced," he told Skai television.\n\nMehr zum Thema: Waldbrände in Südeuropa – die dramatischsten Bilder\n',
     "Mehr zum Thema: Waldbrände in Südeuropa – die dramatischsten Bilder", "related-story teaser (German)"),
    (GREECE, "typo", "off the coast of Attica", "off the coast of attica", "attica", "proper noun in lower case"),
    # Champions League final, 2019
    (FINAL, "junk", "Liverpool beat Tottenham 2-0 to win sixth European Cup\n",
     "Liverpool beat Tottenham 2-0 to win sixth European Cup\n\nLiverpool beat Tottenham 2-0 to win sixth European Cup\n",
     "Liverpool beat Tottenham 2-0 to win sixth European Cup", "headline repeated"),
    (FINAL, "encoding", "manager Jürgen Klopp his first", "manager JÃ¼rgen Klopp his first", "JÃ¼rgen", "UTF-8 read as Latin-1 (mojibake)"),
    (FINAL, "typo", "Mauricio Pochettino defended", "Mauricio Pochetino defended", "Pochetino",
     "the manager is spelled Pochettino elsewhere in the article"),
    (FINAL, "numeric", "With six European Cups, Liverpool", "With seven European Cups, Liverpool", "seven European Cups",
     "the article says Liverpool won the competition for the sixth time"),
    # Nvidia, 2023
    (NVIDIA, "numeric", "Gaming contributed $2.49 billion", "Gaming contributed $3.49 billion", "$3.49 billion",
     "the segments now add up to $14.51 billion, not the $13.51 billion total"),
    (NVIDIA, "encoding", '"A new computing era has begun," Chief', 'â€œA new computing era has begun,â€ Chief',
     "â€œA new computing era has begun,â€", "curly quotes as UTF-8 read as Windows-1252"),
    (NVIDIA, "junk", "the OEM and other segment $66 million.\n",
     "the OEM and other segment $66 million.\n\nStory continues below advertisement\n",
     "Story continues below advertisement", "advertisement marker"),
    (NVIDIA, "typo", "cost the company opportunities", "cost the company oppurtunities", "oppurtunities",
     "misspelling of 'opportunities'"),
    # Japan, 2024
    (JAPAN, "anachronism", "U.S. President Joe Biden congratulated", "U.S. President Donald Trump congratulated",
     "U.S. President Donald Trump", "Joe Biden was president in October 2024; Trump took office again in January 2025"),
    (JAPAN, "numeric", "Its margin of 21 votes", "Its margin of 12 votes", "margin of 12 votes",
     "215 votes to 194 is a margin of 21"),
    (JAPAN, "typo", "Japan's parliament elected Shigeru Ishiba", "Japan's parliment elected Shigeru Ishiba", "parliment",
     "misspelling of 'parliament'"),
]


def locate(text: str, needle: str, occurrence: int) -> int | None:
    """Start of the occurrence-th (1-based, overlapping) occurrence of needle, as score.py finds it."""
    start = -1
    for _ in range(occurrence):
        start = text.find(needle, start + 1)
        if start < 0:
            return None
    return start


def occurrence_at(text: str, needle: str, position: int) -> int:
    """1-based occurrence number of needle starting at position."""
    count, start = 0, text.find(needle)
    while 0 <= start < position:
        count += 1
        start = text.find(needle, start + 1)
    if start != position:
        raise ValueError(f"{needle!r} does not start at {position}")
    return count + 1


def build() -> None:
    texts = {path.name: path.read_text(encoding="utf-8") for path in sorted(CLEAN.glob("*.txt"))}
    for doc, _category, old, new, label, _why in INJECTIONS:
        text = texts[doc]
        if text.count(old) != 1:
            raise SystemExit(f"{doc}: {old!r} occurs {text.count(old)} times")
        if label not in new:
            raise SystemExit(f"{doc}: label {label!r} not in its replacement")
        texts[doc] = text.replace(old, new)
    labels = []
    for doc, category, _old, new, label, why in INJECTIONS:
        text = texts[doc]
        if text.count(new) != 1:
            raise SystemExit(f"{doc}: replacement {new!r} occurs {text.count(new)} times in the result")
        position = text.index(new) + new.index(label)
        labels.append({"doc": doc, "category": category, "text": label,
                       "occurrence": occurrence_at(text, label, position), "level": "must", "why": why})
    INJECTED.mkdir(exist_ok=True)
    for doc, text in texts.items():
        (INJECTED / doc).write_text(text, encoding="utf-8")
    GOLD.write_text("".join(json.dumps(label, ensure_ascii=False) + "\n" for label in labels), encoding="utf-8")


def check() -> list[str]:
    problems = []
    clean_names = {path.name for path in CLEAN.glob("*.txt")}
    injected_names = {path.name for path in INJECTED.glob("*.txt")}
    if clean_names != injected_names:
        problems.append(f"clean and injected documents differ: {sorted(clean_names ^ injected_names)}")
    per_doc: dict[str, int] = {}
    for number, line in enumerate(GOLD.read_text(encoding="utf-8").splitlines(), 1):
        label = json.loads(line)
        if set(label) != {"doc", "category", "text", "occurrence", "level", "why"}:
            problems.append(f"line {number}: unexpected fields {sorted(label)}")
        per_doc[label["doc"]] = per_doc.get(label["doc"], 0) + 1
        injected = (INJECTED / label["doc"]).read_text(encoding="utf-8")
        clean = (CLEAN / label["doc"]).read_text(encoding="utf-8")
        start = locate(injected, label["text"], label["occurrence"])
        if start is None:
            problems.append(f"line {number}: {label['text']!r} does not locate in {label['doc']}")
            continue
        # The clean original must not hold this text at that place: the labelled span with its
        # surroundings is absent from it, and the injection added an occurrence of the text.
        in_context = injected[max(0, start - 30):start + len(label["text"]) + 30]
        if in_context in clean or clean.count(label["text"]) >= injected.count(label["text"]):
            problems.append(f"line {number}: {label['text']!r} is in the clean {label['doc']} at that place")
    for name in sorted(clean_names):
        if not 3 <= per_doc.get(name, 0) <= 5:
            problems.append(f"{name}: {per_doc.get(name, 0)} labels, expected 3 to 5")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only check the files already written")
    if not parser.parse_args().check:
        build()
    problems = check()
    print("\n".join(problems) if problems else f"ok: {sum(1 for _ in GOLD.open(encoding='utf-8'))} labels locate, none in the clean originals")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
