"""`catena search`: the search box on the command line.

Same language as the window's search box (see ``db.search.query``); a query the
person must fix is one line on stderr and exit code 2, like other usage errors.
"""

from __future__ import annotations

import argparse
from typing import Any

from db.catalogue import Catalogue
from db.search.facets import facets
from db.search.run import SearchResult, search
from db.search.snippets import Snippet, snippets
from db.search.syntax import QuerySyntaxError
from desktop.cli.errors import UsageError
from desktop.cli.output import (
    cli_locale,
    counted,
    date_shown,
    display_title,
    print_json,
    print_table,
)

EXIT_OK, EXIT_USAGE = 0, 2

QUERY_SYNTAX = """\
query syntax (the same as the window's search box):
  words            all must appear, in any order, any case and accents:
                     Xocali massacre            (Xocalı, XOCALI match too)
  "a phrase"       these words together, in this order:  "open letter"
  word*            words starting with this:  archiv*   (archive, archivist)
  -word, NOT word  leave out documents with it:  Khojaly -draft
                   (quote the whole query, or put -- before it, when a word
                   starts with "-":  'Khojaly -draft'  or  -- Khojaly -draft)
  A OR B           either; OR binds tighter than the space between words:
                     Xocali OR Khojaly massacre = (Xocali OR Khojaly) and massacre
  ( … )            group:  (letter OR report) -draft
  field:value      only documents whose field matches; quote values with spaces:
    publisher:Reuters   type:letter   person:"Judge Brandt"   tag:refugees (a keyword)
    collection:Khojaly  year:1992   year:1992..2021   year:..2000   year:1990..
    has:image|figure|date|notes|url
    status:review|suggested|duplicate|failed-fixity
  Keywords OR, AND, NOT are upper-case only ("or" is an ordinary word).
  An empty query matches every document (newest first).

examples:
  catena search Khojaly year:1992
  catena search --limit 50 -- '"open letter"' -draft
  catena search 'type:letter OR type:report' has:figure --json
"""


def add_parsers(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "search",
        parents=[common],
        help='search the catalogue (words, "phrases", -exclusions, fields like year:1992)',
        description="Search the catalogue's documents; results are best first.",
        epilog=QUERY_SYNTAX,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "query",
        nargs="*",
        help="what to search for; quote it for phrases: catena search '\"Xocali massacre\"'",
    )
    p.add_argument(
        "--json",
        action="store_true",
        help="JSON output: query, total, results (reference, title, score, snippet, …)",
    )
    p.add_argument("--limit", type=int, default=20, help="results per page (default 20)")
    p.add_argument("--offset", type=int, default=0, help="skip this many results first")
    p.add_argument("--facets", action="store_true", help="also count by type, publisher, …")
    p.add_argument(
        "--variants", action="store_true", help="also match other spellings (Khojaly, Xocalı, …)"
    )


def _fragment_json(snippet: Snippet | None) -> dict[str, Any] | None:
    if snippet is None:
        return None
    body = snippet.body
    return {
        "text": body.text,
        "highlights": [list(pair) for pair in body.highlights],
        "cut_start": body.cut_start,
        "cut_end": body.cut_end,
    }


def _to_json(
    result: SearchResult, shown: dict[int, Snippet], counts: dict[str, Any] | None
) -> dict[str, Any]:
    data: dict[str, Any] = {
        "query": result.query.source,
        "total": result.total,
        "offset": result.offset,
        "limit": result.limit,
        "ranked": result.ranked,
        "terms": list(result.terms),
        "results": [
            {
                "reference": hit.ref,
                "title": hit.title,
                "title_devised": hit.title_devised,
                "type": hit.doc_type,
                "publisher": hit.publisher,
                "published": hit.published,
                "score": hit.score,
                "snippet": _fragment_json(shown.get(hit.id)),
            }
            for hit in result.hits
        ],
    }
    if counts is not None:
        data["facets"] = {
            name: [{"value": item.value, "count": item.count} for item in items]
            for name, items in counts.items()
        }
    return data


def match_summary(total: int, offset: int, shown: int, *, ranked: bool) -> str:
    """The closing line: how many match and which of them are on screen, in words
    that agree with the numbers ("1 document matches", "No documents match")."""
    if total == 0:
        return "No documents match."
    verb = "matches" if total == 1 else "match"
    if shown == 0:
        return f"{counted(total, 'document')} {verb}; none shown past result {offset:,}."
    order = "best first" if ranked else "newest first"
    if shown == total:
        return f"{counted(total, 'document')} {verb} ({order})."
    shown_range = f"{offset + 1:,}–{offset + shown:,}"
    return f"{counted(total, 'document')} {verb}; showing {shown_range} ({order})."


def cmd_search(catalogue: Catalogue, args: argparse.Namespace) -> int:
    query = " ".join(args.query)
    if args.limit < 0 or args.offset < 0:
        raise UsageError("--limit and --offset cannot be negative")
    with catalogue.reading() as session:
        try:
            result = search(
                session, query, limit=args.limit, offset=args.offset, variants=args.variants
            )
            counts = facets(session, query, variants=args.variants) if args.facets else None
        except QuerySyntaxError as exc:
            raise UsageError(exc.message, code="query") from exc
        shown = snippets(session, result.hits, result.terms)
    if args.json:
        print_json(_to_json(result, shown, counts))
        return EXIT_OK
    locale = cli_locale(args)
    for hit in result.hits:
        print(f"{hit.ref}  {display_title(hit.title, hit.title_devised)}")
        published = date_shown(hit.published, locale)
        details = ", ".join(part for part in (hit.publisher, published) if part)
        if details:
            print(f"            {details}")
        snippet = shown.get(hit.id)
        if snippet is not None and snippet.body.text:
            print(f"            {' '.join(snippet.body.marked('[', ']').split())}")
    print(match_summary(result.total, result.offset, len(result.hits), ranked=result.ranked))
    if counts is not None:
        for name, items in counts.items():
            if items:
                print()
                print_table(
                    (name.capitalize(), "Documents"),
                    [(item.value, str(item.count)) for item in items],
                    widths=(50, 10),
                )
    return EXIT_OK


COMMANDS = {"search": cmd_search}
