"""ANA rules on realistic wire copy: what they flag, across countries and decades, and what stays silent."""

from __future__ import annotations

import pytest

from linter.testing import assert_clean, assert_finds, lint
from rules.anachronism.elect_title import ElectTitle
from rules.anachronism.former_title import FormerTitleSitting
from rules.anachronism.title_not_held import TitleNotHeld

FLAGGED = [
    # (date, text, span)
    ("2025-06-02", "President Joe Biden urged Congress to act on Monday.", "President Joe Biden"),
    ("2025-03-15", "U.S. President Joe Biden spoke with Zelenskiy by phone.", "U.S. President Joe Biden"),
    ("2023-05-10", "President Trump held a rally in New Hampshire.", "President Trump"),
    ("2016-02-01", "Prime Minister Theresa May met EU leaders in Brussels.", "Prime Minister Theresa May"),
    ("2008-10-01", "Prime Minister Tony Blair announced new funding for schools.", "Prime Minister Tony Blair"),
    ("1995-06-01", "British Prime Minister Margaret Thatcher met the Irish leader.", "British Prime Minister Margaret Thatcher"),
    ("2012-04-03", "Secretary of State Colin Powell arrived in Cairo.", "Secretary of State Colin Powell"),
    ("2019-09-10", "Defense Secretary Jim Mattis said the Pentagon would review the plan.", "Defense Secretary Jim Mattis"),
    ("2024-02-05", "Treasury Secretary Steven Mnuchin said the dollar was strong.", "Treasury Secretary Steven Mnuchin"),
    ("2021-06-01", "White House Press Secretary Sean Spicer told reporters the trip was on.", "White House Press Secretary Sean Spicer"),
    ("2020-01-15", "Chancellor of the Exchequer Philip Hammond unveiled the budget.", "Chancellor of the Exchequer Philip Hammond"),
    ("2023-04-12", "Home Secretary Priti Patel announced a new asylum plan.", "Home Secretary Priti Patel"),
    ("2025-10-01", "Foreign Secretary David Lammy flew to Washington.", "Foreign Secretary David Lammy"),
    ("2018-05-01", "Fed Chair Janet Yellen said rates would rise gradually.", "Fed Chair Janet Yellen"),
    ("2021-03-01", "ECB President Mario Draghi said the bank stood ready.", "ECB President Mario Draghi"),
    ("2012-03-01", "UN Secretary-General Kofi Annan called for a ceasefire.", "UN Secretary-General Kofi Annan"),
    ("2025-02-10", "European Commission President Jean-Claude Juncker spoke in Strasbourg.", "European Commission President Jean-Claude Juncker"),
    ("2010-05-05", "Pope John Paul II said on Sunday that the world needed peace.", "Pope John Paul II"),
    ("2023", "Bank of England Governor Mark Carney warned about inflation.", "Bank of England Governor Mark Carney"),
    ("2025-06", "Vice President Kamala Harris visited the border.", "Vice President Kamala Harris"),
    ("2025-06-02", "The prime minister, Boris Johnson, said the talks would go on.", "prime minister, Boris Johnson"),
    ("2025-06-02", "They met Britain's prime minister, Rishi Sunak.", "Britain's prime minister, Rishi Sunak"),
    ("2025-06-02", "The governor, Mark Carney, said rates would stay on hold.", "governor, Mark Carney"),
    ("2023-06-01", "The pontiff, Benedict XVI, said on Sunday that peace was needed.", "pontiff, Benedict XVI"),
    ("2018-12-02", "Janet Yellen, U.S. Federal Reserve's chair, said rates would rise.", "Janet Yellen, U.S. Federal Reserve's chair"),
    ("2018-12-02", "US Federal Reserve Chair Janet Yellen said rates would rise.", "US Federal Reserve Chair Janet Yellen"),
    ("2019-07-04", "Emperor Akihito said on Tuesday that he was grateful.", "Emperor Akihito"),
]

SILENT = [
    ("2025-06-02", "Former UK Prime Minister Boris Johnson visited Kyiv."),
    ("2025-06-02", "Ex-President Joe Biden gave a speech at a university."),
    ("2025-06-02", "The law was signed by then-President Joe Biden in 2022."),
    ("2025-06-02", "The late Pope Francis was buried in Rome."),
    ("2025-06-02", "In 2021, President Biden signed the infrastructure bill."),
    ("2025-06-02", "Boris Johnson, prime minister from 2019 to 2022, has written a memoir."),
    ("2025-06-02", "At the time, Prime Minister Boris Johnson promised to get Brexit done."),
    ("2025-06-02", "He recalled the years when President Obama was in office."),
    ("2025-06-02", "\u201cPresident Biden never called me,\u201d he said."),
    ("2025-06-02", 'The placard read "President Joe Biden" in large letters.'),
    ("2025-06-02", "If President Harris had won, the policy might have survived."),
    ("2025-06-02", "Pundits imagined a President Harris in the Oval Office."),
    ("2025-06-02", "Microsoft President Brad Smith said the company would comply."),
    ("2025-06-02", "Real Madrid President Florentino Perez said the club was proud."),
    ("2025-06-02", "Deputy Prime Minister David Lammy met his French counterpart."),
    ("2025-06-02", "Shadow Chancellor Mel Stride criticised the budget."),
    ("2025-06-02", "Under President Obama, the program expanded rapidly."),
    ("2025-06-02", "President Trump said on Monday that tariffs would stay."),
    ("2025-06-02", "UK Prime Minister Keir Starmer said Britain stood with Ukraine."),
    ("2025-06-02", "President Lee said the economy would recover."),
    ("2025-06-02", "President Bush visited the memorial."),
    ("2025-06-02", "Prime Minister Alan Johnson is not a real office holder."),
    ("2025-01-20", "President Joe Biden left the White House for the last time."),
    ("2025-01-21", "President Donald Trump signed a flurry of executive orders."),
    ("1987-06-01", "Prime Minister Tony Blair was not yet in office."),
    ("2031-01-01", "President Donald Trump spoke to reporters."),
    ("2025-06-02", "Pope John Paul II visited Poland many times."),
    ("2025-06-02", "Queen Elizabeth II was Britain's longest-reigning monarch."),
    ("2025", "President Joe Biden handed over power to his successor."),
    ("2025-06-02", "Jerome Powell, the Fed chair, said rates would stay on hold."),
    ("2025-06-02", "NATO Secretary General Mark Rutte said allies must spend more."),
    ("2025-06-02", "President-elect Donald Trump is not this rule's business."),
    ("2025-06-02", "Biden administration officials said President Trump had changed course."),
    ("2025-06-02", "Former US President Joe Biden and his wife visited Delaware."),
    ("2025-06-02", "The report was signed by Vice President Kamala Harris, who was then the president of the Senate."),
    ("2025-06-02", "Candidate Kamala Harris campaigned to become President Harris."),
    ("2025-06-02", "After meeting the prime minister, Boris Johnson said the talks would go on."),
    ("2025-06-02", "A prime minister, Boris Johnson, once said the talks would go on."),
    ("2025-06-02", "The deputy prime minister, Boris Johnson, said the talks would go on."),
    ("2025-06-02", "The then prime minister, Boris Johnson, said the talks would go on."),
    ("2025-06-02", "The prime minister, Keir Starmer, said the talks would go on."),
]


@pytest.mark.parametrize(("date", "text", "span"), FLAGGED, ids=[s for _d, _t, s in FLAGGED])
def test_title_not_held(date: str, text: str, span: str) -> None:
    assert_finds(TitleNotHeld, text, [span], date=date)


@pytest.mark.parametrize(("date", "text"), SILENT, ids=[t[:40] for _d, t in SILENT])
def test_title_not_held_silent(date: str, text: str) -> None:
    assert_clean(TitleNotHeld, text, date=date)


def test_message_names_term_holder_and_date_source() -> None:
    [finding] = lint(TitleNotHeld, "UK Prime Minister Boris Johnson spoke on Monday.", date="2025-06-02")
    assert finding.message == (
        "Boris Johnson was Prime Minister of the United Kingdom from 2019-07-24 to 2022-09-06; "
        "on 2025-06-02 (document date from test) it was Keir Starmer"
    )


def test_message_with_two_terms() -> None:
    [finding] = lint(TitleNotHeld, "President Donald Trump spoke in Ohio.", date="2022-09-17")
    assert "from 2017-01-20 to 2021-01-20 and from 2025-01-20" in finding.message
    assert "it was Joe Biden" in finding.message


def test_year_precision_only_flags_outside_the_whole_year() -> None:
    assert_clean(TitleNotHeld, "President Joe Biden spoke.", date="2025")
    assert_finds(TitleNotHeld, "President Joe Biden spoke.", ["President Joe Biden"], date="2026")
    assert_clean(TitleNotHeld, "Prime Minister Rishi Sunak spoke.", date="2024-07")


FORMER_FLAGGED = [
    ("2025-06-02", "Moscow rejected a ceasefire proposed by former US President Donald Trump.", "former US President Donald Trump"),
    ("2019-04-01", "Former Prime Minister Theresa May faced another Brexit vote.", "Former Prime Minister Theresa May"),
    ("2010-02-01", "Former Secretary of State Hillary Clinton met Chinese officials.", "Former Secretary of State Hillary Clinton"),
    ("2025-06-02", "ex-Chancellor Rachel Reeves spoke at the Mansion House.", "ex-Chancellor Rachel Reeves"),
    ("2025-06-02", "Britain's former prime minister Keir Starmer spoke.", "Britain's former prime minister Keir Starmer"),
]

FORMER_SILENT = [
    ("2025-06-02", "Former UK Prime Minister Boris Johnson visited Kyiv."),
    ("2025-06-02", "In 2023, former President Donald Trump was indicted."),
    ("2025-01-20", "Former President Donald Trump arrived at the Capitol for his inauguration."),
    ("2019-08-01", "Former Foreign Secretary Boris Johnson moved into Downing Street."),
    ("2031-06-01", "Former President Donald Trump spoke at a rally."),
    ("2025-06-02", "\u201cFormer President Trump is a myth,\u201d he joked."),
    ("2025-06-02", "Former Vice President Kamala Harris spoke in California."),
    ("2025-06-02", "President Donald Trump, a former reality TV star, spoke."),
]


@pytest.mark.parametrize(("date", "text", "span"), FORMER_FLAGGED, ids=[s for _d, _t, s in FORMER_FLAGGED])
def test_former_title_sitting(date: str, text: str, span: str) -> None:
    assert_finds(FormerTitleSitting, text, [span], date=date)


@pytest.mark.parametrize(("date", "text"), FORMER_SILENT, ids=[t[:40] for _d, t in FORMER_SILENT])
def test_former_title_sitting_silent(date: str, text: str) -> None:
    assert_clean(FormerTitleSitting, text, date=date)


ELECT_FLAGGED = [
    ("2025-06-02", "President-elect Donald Trump said tariffs were coming.", "President-elect Donald Trump"),
    ("2009-06-01", "President-elect Barack Obama met his economic team.", "President-elect Barack Obama"),
    ("2015-05-01", "President-elect Donald Trump met business leaders.", "President-elect Donald Trump"),
]

ELECT_SILENT = [
    ("2024-12-10", "President-elect Donald Trump named his cabinet picks."),
    ("2008-12-01", "President-elect Barack Obama met his economic team."),
    ("2020-11-20", "President-elect Joe Biden named his chief of staff."),
    ("2024-07-05", "Prime Minister-elect Keir Starmer arrived in Downing Street."),
    ("2025-06-02", "In 2016, President-elect Donald Trump met business leaders at Trump Tower."),
]


@pytest.mark.parametrize(("date", "text", "span"), ELECT_FLAGGED, ids=[s + d for d, _t, s in ELECT_FLAGGED])
def test_elect_title(date: str, text: str, span: str) -> None:
    assert_finds(ElectTitle, text, [span], date=date)


@pytest.mark.parametrize(("date", "text"), ELECT_SILENT, ids=[t[:40] for _d, t in ELECT_SILENT])
def test_elect_title_silent(date: str, text: str) -> None:
    assert_clean(ElectTitle, text, date=date)


CLEAN_ARTICLE = """ISTANBUL, June 2, 2025 (Reuters) - Russian and Ukrainian negotiators met in Istanbul on Monday
for a second round of direct talks, with Turkish Foreign Minister Hakan Fidan acting as host.

U.S. President Donald Trump, who has pushed both sides toward a ceasefire, said on social media that he
was "hopeful". Former President Joe Biden, who left office in January, did not comment.

British Prime Minister Keir Starmer said Britain would keep up its support. Starmer spoke after meeting
NATO Secretary General Mark Rutte and European Commission President Ursula von der Leyen in Brussels.

In 2022, then-Prime Minister Boris Johnson visited Kyiv; Johnson, prime minister from 2019 to 2022, has
since written a memoir. Pope Leo XIV called for peace on Sunday, weeks after the death of the late Pope Francis.
Microsoft President Brad Smith and Fed Chair Jerome Powell were among the speakers at a separate event.
"""


@pytest.mark.parametrize("rule", [TitleNotHeld, FormerTitleSitting, ElectTitle], ids=["ANA001", "ANA002", "ANA003"])
def test_clean_article(rule) -> None:
    assert_clean(rule, CLEAN_ARTICLE, date="2025-06-02")


@pytest.mark.parametrize(
    "text",
    ["", "President", "President ", " Boris Johnson", "\x00\x01President\ufffdBiden", "President " * 5000, "Biden, " * 3000,
     "UK Prime Minister Boris Johnson" * 1000, "İstanbul İİİ President Biden"],
)
def test_bad_input_never_raises(text: str) -> None:
    for rule in (TitleNotHeld, FormerTitleSitting, ElectTitle):
        lint(rule, text, date="2025-06-02")


MORE_SILENT = [
    ("2025-06-02", "The call ended at 3 PM Boris Johnson time."),
    ("2025-06-02", "The 46th President Joe Biden spoke at the library opening."),
    ("2025-06-02", "They met Boris Johnson, prime minister at the time, in London."),
    ("2025-06-02", "Putin told US President Joe Biden at a 2021 summit that Ukraine was a red line."),
    ("2025-06-02", "US President Joe Biden (2021-2025) signed the law."),
    ("2025-06-02", "Prime Minister's Questions with Boris Johnson was lively."),
    ("2025-06-02", "Rice University President Reginald DesRoches spoke."),
]


@pytest.mark.parametrize(("date", "text"), MORE_SILENT, ids=[t[:40] for _d, t in MORE_SILENT])
def test_more_silent(date: str, text: str) -> None:
    assert_clean(TitleNotHeld, text, date=date)
    assert_clean(FormerTitleSitting, text, date=date)


USER_KB = """
jurisdiction: ACME
label: Acme Corporation
as_of: 2025-12-01
names: [Acme]
people:
  - {id: jane-roe, name: Jane Roe, aliases: [Roe]}
  - {id: john-doe, name: John Doe, aliases: [Doe]}
offices:
  - id: acme-ceo
    label: Chief Executive of Acme
    titles: [CEO, chief executive]
    single_holder: true
    terms:
      - {person: jane-roe, start: 2010-01-01, end: 2020-01-01, source: "annual report 2020"}
      - {person: john-doe, start: 2020-01-01, end: null, source: "annual report 2020"}
"""


def test_extra_kb_files_relative_to_config_root(tmp_path) -> None:
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "acme.yaml").write_text(USER_KB, encoding="utf-8")
    rule = TitleNotHeld({"extra-kb-files": ["kb/acme.yaml"]})
    rule.config_root = tmp_path
    from linter.dates import parse_date_value
    from linter.document import Document

    document = Document("Acme CEO Jane Roe said on Monday that profits rose.", "a.txt", date=parse_date_value("2024-05-01", "test"))
    [finding] = list(rule.check(document))
    assert finding.message.startswith("Jane Roe was Chief Executive of Acme from 2010-01-01 to 2020-01-01")
    assert "it was John Doe" in finding.message


def test_bad_user_file_is_named(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("jurisdiction: X\nas_of: 2025-01-01\noffices:\n  - {id: x, titles: [Boss], terms: [{person: p, start: soon}]}\n", encoding="utf-8")
    from linter.dates import parse_date_value
    from linter.document import Document
    from rules.anachronism.kb import KnowledgeBaseError

    rule = TitleNotHeld({"extra-kb-files": [str(bad)]})
    with pytest.raises(KnowledgeBaseError, match="bad.yaml"):
        list(rule.check(Document("Boss Pat", "a.txt", date=parse_date_value("2024-05-01", "test"))))
