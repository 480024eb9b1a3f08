"""Held-out recall and precision of the junk line rules on sites they were not written for.

Every junk line below is invented in the style of many different sites (news
portals, blogs, regional papers) in English, German, French, Spanish, Italian
and Portuguese; every prose line uses the same words in a sentence. Each line
is placed in a short wire article of its own, and the default junk rules
must flag every junk line and stay silent on every prose line.

Run this file as a script to print recall and precision:

    .venv/bin/python tests/rules/test_junk_recall.py
"""

from __future__ import annotations

import pytest

from linter import Document
from linter.plugin import default_host
from linter.registry import build_registry

REGISTRY = build_registry(default_host())
LINE_RULES = [
    rule
    for code, rule in sorted(REGISTRY.rules.items())
    if code.startswith("JNK") and rule.enabled_by_default and not rule.is_corpus_rule()
]

HEAD = "BRUSSELS (Reuters) - European finance ministers met on Tuesday to discuss the budget for next year.\n\n"
TAIL = "\n\nThe talks will resume next week, officials said.\n"

JUNK_LINES = [
    # newsletter and alert sign-ups
    "Sign up for our Business Briefing newsletter",
    "Sign up to the Morning Edition newsletter",
    "Subscribe to the Week in Review newsletter",
    "Get the latest headlines sent straight to your inbox.",
    "Breaking news alerts: get the latest on Kenya sent to your phone. Sign up",
    "Melden Sie sich für unseren Politik-Newsletter an",
    "Jetzt den Wirtschafts-Newsletter abonnieren",
    "Inscrivez-vous à la newsletter Politique",
    "Recevez l'essentiel de l'actualité chaque matin dans votre boîte mail",
    "Suscríbete a nuestra newsletter de Economía",
    "Recibe las últimas noticias en tu correo",
    "Iscriviti alla nostra newsletter",
    "Assine a nossa newsletter",
    # share bars
    "Share this article: Twitter | Facebook | WhatsApp | Copy link",
    "Share  Facebook  Reddit  Flipboard  Email",
    "Facebook / X / Telegram / Email",
    "Share on Pinterest",
    "Artikel teilen: WhatsApp · Facebook · X · E-Mail",
    "Partager : Facebook • Twitter • LinkedIn • E-mail",
    "Compartir en Telegram",
    "Comparte esta noticia: Facebook | Twitter | WhatsApp",
    "Condividi su Facebook",
    "Compartilhe: WhatsApp | Facebook | Twitter",
    # feedback widgets
    "Was this article helpful? Yes No",
    "Did you find this article useful? Yes / No",
    "War dieser Artikel hilfreich? Ja Nein",
    "Cet article vous a été utile ? Oui / Non",
    "¿Te ha resultado útil este artículo? Sí No",
    "Esta notícia foi útil? Sim Não",
    # navigation
    "↑ Back to top",
    "Back to homepage",
    "Skip to main navigation",
    "Zurück zur Startseite",
    "Nach oben ↑",
    "Retour à l'accueil",
    "Haut de page ↑",
    "Volver al inicio",
    "↑ Ir arriba",
    "Torna su ↑",
    "Voltar ao topo",
    # advertising
    "ADVERTISEMENT",
    "Story continues below this ad",
    "Weiterlesen nach der Anzeige",
    "PUBLICITÉ",
    "Pubblicità",
    # widget headings
    "Most Read",
    "Trending Now",
    "Recommended for you",
    "Meistgelesene Artikel",
    "Les plus partagés",
    "Lo más visto",
    # paywall prompts
    "Subscribe to continue reading",
    "This article is for subscribers only. Subscribe now for $1 a week.",
    "Dieser Artikel ist nur für Abonnenten verfügbar.",
    "Cet article est réservé aux abonnés. Il vous reste 80% à découvrir.",
    "Este contenido es exclusivo para suscriptores",
    # time stamps
    "Updated 3 hours ago",
    "Published 12 minutes ago",
    "Aktualisiert vor 2 Stunden",
    "Mis à jour il y a 2 heures",
    "Actualizado hace 5 minutos",
    # cookie consent
    "We value your privacy. We and our partners use cookies to personalise content.",
    "Accept all | Reject all | Manage preferences",
    # captions ending in a photo credit
    "A man walks past a damaged building in Kharkiv on Tuesday. AP Photo/Efrem Lukatsky",
    "Supporters cheer as results come in, in Nairobi, Kenya, August 15, 2022. REUTERS/Thomas Mukoya",
    "Firefighters battle the blaze near the harbour. (Photo by Sean Gallup/Getty Images)",
    "The minister arrives for the cabinet meeting. Credit: Tom Nicholson",
    "Protesters gather outside parliament on Saturday. © Lena Hart / Northwind Press",
    "Die Polizei sperrte die Straße am Morgen ab. Foto: dpa",
    "Bundeskanzler Olaf Scholz im Bundestag. Foto: Kay Nietfeld/dpa",
    "Le président lors de sa visite à Marseille, le 12 mars. Photo : Jean Dupont / AFP",
    "El presidente saluda a sus simpatizantes en Buenos Aires. EFE/Juan Ignacio Roncoroni",
    "Vecinos observan los daños tras el temporal. Foto: Ana López",
    "Rescue teams search the rubble in Hatay. Photograph: Umit Bektas/Reuters",
    # author bio and follow prompts
    "Follow her on X @janecarter",
    "Folgen Sie dem Autor auf LinkedIn",
]

PROSE_LINES = [
    "Sign up for the course was slow, officials said.",
    "Sign-ups for the scheme rose by 40% in March, the ministry said.",
    "Subscribers to the newspaper fell to 1.2 million last year.",
    "Voters who sign up for the newsletter receive a weekly summary, the campaign said.",
    "Get the latest figures from the statistics office before you judge, the minister said.",
    "He shared the story on Facebook and Twitter before deleting it.",
    "Share prices fell 3% in early trading in Frankfurt.",
    "Facebook, X and LinkedIn all removed the video within hours, the regulator said.",
    "Email records show the minister was told in May.",
    "Trump posted on X that the talks were over.",
    "LinkedIn said it had cut 700 jobs.",
    "The photo was taken by Reuters photographer Ana Lima near the border.",
    "The rescued miners were photographed by AP photographer Natacha Pisarenko.",
    "The photographer, who works for AFP, was released on Tuesday.",
    "Getty Images, the picture agency, said it would appeal.",
    "The bank was rescued over a weekend. Credit Suisse shareholders lost almost everything.",
    "Credit ratings agencies downgraded the country on Friday.",
    "Was the article helpful to the defence? The judge said it was not.",
    "Back home in Lyon, the family waited for news.",
    "Back to the office: civil servants return three days a week from Monday.",
    "Scroll down the list and you will find his name, the clerk said.",
    "Advertisement revenue at the broadcaster fell by a fifth.",
    "Most read newspapers in the region still print on Sundays.",
    "Trending upward for a third quarter, exports reached a record.",
    "Recommended by the committee, the bill now passes to the Senate.",
    "Updated figures published on Tuesday showed 2,300 people had been evacuated.",
    "Published in 1848, the manifesto was banned in several states.",
    "Cookies and sweets were handed out to children at the border crossing.",
    "Follow the money, the prosecutor told the jury.",
    "Top officials met in Geneva on Thursday.",
    "Home to 2 million people, the city was cut off for days.",
    "Die Anzeige wurde am Montag bei der Polizei erstattet.",
    "Zurück in Berlin sagte der Kanzler, die Gespräche seien konstruktiv gewesen.",
    "Der Fotograf der dpa wurde bei der Demonstration leicht verletzt.",
    "Er teilte den Beitrag auf Facebook und löschte ihn später.",
    "Die Zeitung hat ihren Newsletter im Jahr 2019 eingestellt.",
    "Cet article de loi a été jugé utile par le Conseil d'État.",
    "Il a partagé la vidéo sur Facebook, puis l'a supprimée.",
    "De retour à l'accueil du ministère, il a refusé de répondre.",
    "La publicité pour l'alcool est interdite dans les stades.",
    "Le photographe de l'AFP a été libéré mardi soir.",
    "Oui, a répondu le ministre, mais non sans conditions.",
    "Compartir el poder no es fácil, dijo el presidente.",
    "El fotógrafo de EFE resultó herido en la protesta.",
    "Volver al inicio de las negociaciones sería un fracaso, advirtió la ministra.",
    "Los usuarios de WhatsApp denunciaron fallos durante horas.",
    "La publicidad institucional creció un 12% en 2023.",
    "Il giornale ha condiviso la foto su Facebook.",
    "A reportagem foi compartilhada no WhatsApp milhares de vezes.",
    "The exhibition opens with a photo by Robert Capa, taken in 1944 in Normandy.",
    "Photographs of the scene were published by the Daily Ledger on Monday.",
]

# A second probe, written after the data had grown, to check that the phrasing
# families carry to wordings nobody listed; it missed "Le plus lu" and
# "Lo más leído hoy" (singular and "today" variants), which the families now cover.
PROBE_JUNK_LINES = [
    "Sign up for The Download newsletter",
    "Subscribe to our free Evening Update newsletter",
    "Get the best of our journalism delivered to your inbox every morning.",
    "Share on WhatsApp · Share on Facebook · Copy link",
    "Twitter Facebook Email Print",
    "Was this page helpful? Yes | No",
    "Fanden Sie diesen Artikel hilfreich? Ja / Nein",
    "Retour en haut de page ↑",
    "⬆ Back to Top",
    "Advertisement · Scroll to continue",
    "Most Popular",
    "Le plus lu",
    "Lo más leído hoy",
    "Abonnez-vous pour lire la suite",
    "Posted 2 hours ago",
    "Publicado hace 3 horas",
    "Cookie Settings | Accept All Cookies",
    "Police officers stand guard outside the court. Photo: AFP",
    "Anhänger feiern den Wahlsieg in Ankara. Foto: Murad Sezer/Reuters",
    "Des secouristes sur les lieux du drame. © Thomas Samson / AFP",
    "The prime minister speaks to reporters. Photograph: Stefan Rousseau/PA",
    "Miners embrace relatives after the rescue. EPA/Felipe Trueba",
    "Follow us on Instagram",
    "Síguenos en Twitter",
    "Zur Übersicht",
    "Skip to footer",
    "Volver a la portada",
    "Dieser Beitrag ist nur für Abonnenten verfügbar",
    "Recommended Stories",
    "Newsletter abonnieren",
]

PROBE_PROSE_LINES = [
    "Sign up rates for the vaccine trial exceeded expectations.",
    "Subscribe to the theory and you accept its consequences, the professor said.",
    "Share of the vote: Labour 34%, Conservatives 24%.",
    "Twitter users mocked the announcement within minutes.",
    "Yes, the minister said, the talks had failed.",
    "No agreement was reached on Monday.",
    "Back to basics: the party returns to its roots.",
    "Accept the offer or leave, the union was told.",
    "Most Popular Front deputies voted against the bill.",
    "Posted to Kabul in 2004, the diplomat stayed for a decade.",
    "Photo finish decided the race after 42 kilometres.",
    "The image, credited to Reuters, was shared widely.",
    "Protesters marched through Paris on Saturday. The police said 12,000 took part.",
    "The deal was signed in Doha. AFP and Reuters both reported the figure.",
    "Foto di gruppo per i leader del G7 a Borgo Egnazia.",
    "Paid by the state, the workers received their wages late.",
    "Updated guidance from the health ministry arrived on Friday.",
    "Publié le 3 mars, le rapport a suscité de vives critiques.",
    "Aktualisiert wurde die Prognose am Montag, sagte die Bundesbank.",
    "The plan: cut taxes, raise spending and hope for growth.",
    "He said: Tom Nicholson and Jane Doe would lead the review.",
    "The ceasefire collapsed on Sunday. Ukrainian President Volodymyr Zelenskyy/Kyiv",
    "Mehr Geld für Schulen fordert die Opposition.",
    "More from the ministry is expected on Tuesday.",
    "Recommended reading for the committee included two reports.",
    "Le plus dur reste à faire, a estimé le ministre.",
    "Get the latest figures: 2,300 evacuated, 14 dead.",
    "Credit: the rescue was a joint effort, the mayor said.",
    "Source: Ministry of Health",
    "Email: the messages were sent in 2019, the court heard.",
]


def in_article(line: str) -> tuple[Document, int, int]:
    """A short wire article holding ``line`` as a paragraph of its own, with the line's span."""
    text = HEAD + line + TAIL
    return Document(text=text, path="held-out.txt"), len(HEAD), len(HEAD) + len(line)


def flagged(line: str) -> list[str]:
    """The codes of the findings that overlap ``line`` in its article, and of any finding outside it."""
    document, start, end = in_article(line)
    codes = []
    for rule in LINE_RULES:
        for finding in rule().check(document):
            codes.append(finding.code if finding.location.start < end and finding.location.end > start else "outside")
    return codes


@pytest.mark.parametrize("line", JUNK_LINES + PROBE_JUNK_LINES)
def test_junk_line_is_flagged(line: str) -> None:
    codes = flagged(line)
    assert codes and "outside" not in codes, f"{line!r}: {codes}"


@pytest.mark.parametrize("line", PROSE_LINES + PROBE_PROSE_LINES)
def test_prose_line_is_left_alone(line: str) -> None:
    assert flagged(line) == []


def test_held_out_set_is_large_and_distinct() -> None:
    assert len(JUNK_LINES) >= 40 and len(PROSE_LINES) >= 40
    assert len(set(JUNK_LINES)) == len(JUNK_LINES) and len(set(PROSE_LINES)) == len(PROSE_LINES)


def score(name: str, junk_lines: list[str], prose_lines: list[str]) -> None:
    """Print recall on the junk lines, precision over all lines, and the lines missed or wrongly flagged."""
    hits = [line for line in junk_lines if flagged(line)]
    alarms = [line for line in prose_lines if flagged(line)]
    recall = len(hits) / len(junk_lines)
    precision = len(hits) / ((len(hits) + len(alarms)) or 1)
    print(f"{name}: recall {recall:.2f} ({len(hits)}/{len(junk_lines)}), "
          f"precision {precision:.2f} ({len(alarms)} of {len(prose_lines)} prose lines flagged)")
    for line in junk_lines:
        if line not in hits:
            print(f"  miss   {line!r}")
    for line in alarms:
        print(f"  alarm  {line!r} {flagged(line)}")


if __name__ == "__main__":
    score("held-out set", JUNK_LINES, PROSE_LINES)
    score("second probe", PROBE_JUNK_LINES, PROBE_PROSE_LINES)
