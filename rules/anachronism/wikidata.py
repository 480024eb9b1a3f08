"""Turn a Wikidata SPARQL result (who held an office, and when) into a knowledge-base file.

Users extend or refresh the base without typing dates by hand::

    python -m rules.anachronism.wikidata --print-query Q14211 > query.rq
    # run query.rq at https://query.wikidata.org, download the result as JSON
    python -m rules.anachronism.wikidata result.json --office-id gb-prime-minister \\
        --office-label "Prime Minister of the United Kingdom" --jurisdiction GB \\
        --label "United Kingdom" --title "Prime Minister" --title PM --name UK --name British \\
        --as-of 2025-12-01 > gb-pm.yaml

The result's bindings need ``person`` (entity URI), ``personLabel`` and
``start`` (P580 of the P39 statement), and may have ``end`` (P582) and
``personAltLabel`` (aliases, comma-separated).  Each row becomes one term;
its source is the person's Wikidata page.  The output is the format
``kb.py`` reads; add it with the ANA rules' ``extra-kb-files`` option.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Sequence

import yaml

QUERY_TEMPLATE = """SELECT ?person ?personLabel ?personAltLabel ?start ?end WHERE {{
  ?person p:P39 ?held .
  ?held ps:P39 wd:{office} ;
        pq:P580 ?start .
  OPTIONAL {{ ?held pq:P582 ?end . }}
  SERVICE wikibase:label {{ bd:serviceParam wikibase:language "en". }}
}}
ORDER BY ?start
"""


@dataclass
class OfficeSpec:
    """What the SPARQL result does not say: how the office is named and titled."""

    office_id: str
    office_label: str
    jurisdiction: str
    label: str
    titles: list[str]
    names: list[str] = field(default_factory=list)
    as_of: dt.date = field(default_factory=dt.date.today)
    since: dt.date | None = None
    single_holder: bool = True
    head_of: str | None = None


def slug(text: str) -> str:
    """An id from a name: "Boris Johnson" -> "boris-johnson", "Erdoğan" -> "erdogan"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-") or "person"


def _value(binding: dict[str, Any], key: str) -> str:
    cell = binding.get(key)
    return str(cell.get("value", "")).strip() if isinstance(cell, dict) else ""


def _date(text: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def convert(result: dict[str, Any], spec: OfficeSpec, warn: Any = None) -> dict[str, Any]:
    """The knowledge-base document for one office from a SPARQL JSON result."""
    warn = warn or (lambda message: None)
    bindings = result.get("results", {}).get("bindings", []) if isinstance(result, dict) else []
    people: dict[str, dict[str, Any]] = {}
    ids_by_entity: dict[str, str] = {}
    terms: dict[tuple[str, dt.date, dt.date | None], dict[str, Any]] = {}
    for number, binding in enumerate(bindings, start=1):
        entity, name = _value(binding, "person"), _value(binding, "personLabel")
        start, end_text = _date(_value(binding, "start")), _value(binding, "end")
        end = _date(end_text)
        qid = entity.rsplit("/", 1)[-1]
        if not entity or not name or start is None or (end_text and end is None):
            warn(f"row {number}: skipped (needs person, personLabel and a start date): {binding}")
            continue
        if name == qid:
            warn(f"row {number}: {qid} has no English label; skipped")
            continue
        if end is not None and end <= start:
            warn(f"row {number}: {name}: end {end} is not after start {start}; skipped")
            continue
        if spec.since and end is not None and end < spec.since:
            continue
        person_id = ids_by_entity.get(entity)
        if person_id is None:
            person_id = slug(name)
            if any(p["name"] == name or pid == person_id for pid, p in people.items()):
                person_id = f"{person_id}-{re.sub(r'[^0-9]', '', qid) or number}"
            ids_by_entity[entity] = person_id
            aliases = [a.strip() for a in _value(binding, "personAltLabel").split(",") if a.strip() and a.strip() != name]
            surname = name.split()[-1] if len(name.split()) > 1 else ""
            if surname and surname not in aliases:
                aliases.append(surname)
            people[person_id] = {"id": person_id, "name": name, "aliases": aliases}
        terms[(person_id, start, end)] = {
            "person": person_id,
            "start": start,
            "end": end,
            "source": f"https://www.wikidata.org/wiki/{qid}",
        }
    office: dict[str, Any] = {
        "id": spec.office_id,
        "label": spec.office_label,
        "titles": spec.titles,
        "single_holder": spec.single_holder,
    }
    if spec.head_of:
        office["head_of"] = spec.head_of
    office["terms"] = sorted(terms.values(), key=lambda t: (t["start"], t["person"]))
    return {
        "jurisdiction": spec.jurisdiction,
        "label": spec.label,
        "as_of": spec.as_of,
        "names": spec.names,
        "people": list(people.values()),
        "offices": [office],
    }


class _Dumper(yaml.SafeDumper):
    """Block style for the file, flow style for each person and term (one a line)."""


def _represent_dict(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flow = "person" in data or "aliases" in data
    return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    flow = all(isinstance(item, str) for item in data)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)


_Dumper.add_representer(dict, _represent_dict)
_Dumper.add_representer(list, _represent_list)


def to_yaml(document: dict[str, Any]) -> str:
    return yaml.dump(document, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=200)


def _iso(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {text!r}") from None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rules.anachronism.wikidata", description=__doc__.split("\n\n")[0])
    parser.add_argument("result", nargs="?", help="SPARQL result as JSON (a file, or - for stdin)")
    parser.add_argument("--print-query", metavar="QID", help="print the SPARQL query for an office item (e.g. Q14211) and exit")
    parser.add_argument("--office-id", help="the office's id in the base, e.g. gb-prime-minister")
    parser.add_argument("--office-label", help="the office's full name")
    parser.add_argument("--jurisdiction", help="ISO alpha-2 code or organisation key, e.g. GB, NATO")
    parser.add_argument("--label", help="the jurisdiction's name (default: the code)")
    parser.add_argument("--title", action="append", default=[], help="a title writers use (repeat)")
    parser.add_argument("--name", action="append", default=[], help="a word naming the jurisdiction (repeat)")
    parser.add_argument("--as-of", type=_iso, default=dt.date.today(), help="date the data was checked (default today)")
    parser.add_argument("--since", type=_iso, help="drop terms that ended before this date")
    parser.add_argument("--head-of", choices=["state", "government", "other"])
    parser.add_argument("--multi-holder", action="store_true", help="the office has several holders at a time")
    args = parser.parse_args(argv)
    if args.print_query:
        if not re.fullmatch(r"Q\d+", args.print_query):
            parser.error("--print-query takes an item id like Q14211")
        sys.stdout.write(QUERY_TEMPLATE.format(office=args.print_query))
        return 0
    missing = [flag for flag, value in (("result", args.result), ("--office-id", args.office_id),
                                        ("--jurisdiction", args.jurisdiction), ("--title", args.title)) if not value]
    if missing:
        parser.error("needs " + ", ".join(missing))
    try:
        if args.result == "-":
            result = json.load(sys.stdin)
        else:
            with open(args.result, encoding="utf-8") as handle:
                result = json.load(handle)
    except (OSError, ValueError) as error:
        parser.error(f"cannot read {args.result}: {error}")
    spec = OfficeSpec(
        office_id=args.office_id,
        office_label=args.office_label or args.office_id,
        jurisdiction=args.jurisdiction,
        label=args.label or args.jurisdiction,
        titles=args.title,
        names=args.name,
        as_of=args.as_of,
        since=args.since,
        single_holder=not args.multi_holder,
        head_of=args.head_of,
    )
    document = convert(result, spec, warn=lambda message: print(f"warning: {message}", file=sys.stderr))
    sys.stdout.write(to_yaml(document))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
