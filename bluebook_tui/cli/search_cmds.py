"""`bluebook search` and `bluebook index`: full-text search over every edition, and its index by hand.

Imports stay inside the handlers: `bluebook search --json` must not pay for Rich, nor for parsing the library
when the index is fresh.
"""

from __future__ import annotations

import argparse
import gc
import sys
from typing import TYPE_CHECKING, Any

from bluebook_tui.cli.arguments import positive_int

if TYPE_CHECKING:
    from bluebook_tui.cli.context import CommandContext
    from bluebook_tui.search import SearchResults, SearchService
    from bluebook_tui.search.builder import IndexProgress

DEFAULT_LIMIT = 10


def register(subparsers: Any) -> None:
    search = subparsers.add_parser(
        "search",
        help="search every edition",
        description='Search every section of every edition. Syntax: words (all must match), "a phrase", '
        "OR, NOT word or -word, cyber*, edition:2016, heading:word.",
    )
    search.add_argument("query", help='what to look for, e.g. "Gulf of Guinea" or piracy -Somalia')
    # SUPPRESS: `bluebook --edition 2016 search …` (the global option) works as well.
    search.add_argument("--edition", default=argparse.SUPPRESS, help="only this edition, e.g. 2022")
    search.add_argument("--limit", type=positive_int, default=DEFAULT_LIMIT, help="at most N hits (default 10)")
    search.add_argument(
        "--as-typed", action="store_true", help="search the query as written even when it matches nothing"
    )
    search.add_argument(
        "--json",
        action="store_true",
        help="print {query, total, suggestion, showing, variants, editions, hits} as JSON",
    )
    # quick: over in a moment, with little garbage (`cli.main` pauses the collector for it).
    search.set_defaults(handler=_search, quick=True)

    index = subparsers.add_parser("index", help="build the search index (done automatically when needed)")
    index.add_argument("--rebuild", action="store_true", help="build it again even when it is up to date")
    index.add_argument("--json", action="store_true", help="print JSON: {path, editions, sections, built}")
    index.set_defaults(handler=_index)


def _service(context: CommandContext) -> SearchService:
    from bluebook_tui.search import SearchService

    service = SearchService.for_content_dir(context.content_dir)
    service.on_notice = lambda notice: print(f"bluebook: {notice}", file=sys.stderr)
    return service


def _search(args: argparse.Namespace, context: CommandContext) -> int:
    if not args.query.strip():
        print("bluebook search: the query is empty", file=sys.stderr)
        return 2
    results = _service(context).search(
        args.query, edition=args.edition, limit=args.limit, as_typed=args.as_typed, progress=_collect_while_building
    )
    if results.error:
        print(f"bluebook search: {results.error}", file=sys.stderr)
        return 2
    if args.json:
        from bluebook_tui.cli.output import print_json

        print_json(_as_json(results))
    else:
        _print_results(results)
    return 0


def _collect_while_building(_: IndexProgress) -> None:
    """A build first (the first search, or after the library changed) allocates for minutes: the cyclic collector,
    paused for a quick verb (`cli.main`), runs during it (a 50-edition build peaks 17% higher without)."""
    gc.enable()


def _as_json(results: SearchResults) -> dict[str, Any]:
    from bluebook_tui.cli.output import section_json

    return {
        "query": results.query,
        "total": results.total,
        "suggestion": results.suggestion,
        "showing": results.showing,
        "variants": list(results.variants),
        "editions": dict(results.per_edition),
        "hits": [section_json(hit, score=round(hit.score, 4), snippet=hit.snippet) for hit in results.hits],
    }


def _print_results(results: SearchResults) -> None:
    from rich.text import Text

    from bluebook_tui.cli.output import console

    out = console()
    shown = len(results.hits)
    matches = "1 section matches" if results.total == 1 else f"{results.total} sections match"
    summary = Text(f"{matches} ", style="bold")
    summary.append(results.showing or results.query, style="bold cyan")
    if results.variants:
        summary.append(" (also " + ", ".join(f"“{form}”" for form in results.variants) + ")")
    if shown < results.total:
        summary.append(f" (best {shown} shown)", style="dim")
    if results.showing:
        out.print(Text.assemble("No hits for “", results.query, "”; showing “", (results.showing, "bold yellow"), "”"))
    out.print(summary)
    if results.suggestion and not results.showing:
        out.print(Text.assemble("Did you mean ", (results.suggestion, "bold yellow"), "?"))
    for hit in results.hits:
        out.print()
        out.print(Text.assemble((hit.id, "bold green"), "  ", (hit.heading, "bold")))
        if len(hit.path) > 1:
            out.print(Text(" › ".join(hit.path[:-1]), style="dim"))
        snippet = Text(hit.snippet)
        for start, end in hit.highlights:
            snippet.stylize("bold black on yellow", start, end)
        out.print(snippet)


def _index(args: argparse.Namespace, context: CommandContext) -> int:
    from rich.progress import BarColumn, Progress, TextColumn

    from bluebook_tui.cli.output import console

    service = _service(context)
    out = console()
    columns = (TextColumn("{task.description}"), BarColumn())
    with Progress(*columns, console=out, transient=True, disable=args.json or not out.is_terminal) as bar:
        task = bar.add_task("Indexing", total=None)

        def progress(at: IndexProgress) -> None:
            description = f"Indexing {at.editions_done}/{at.editions} editions"
            done = at.editions_done + (at.sections_done / at.sections if at.sections_done < at.sections else 0)
            bar.update(task, description=description, completed=done, total=at.editions)

        built = service.ensure_index(progress=progress, rebuild=args.rebuild)
    if args.json:
        from bluebook_tui.cli.output import print_json

        editions, sections = service.contents()
        print_json({"path": str(service.index_root), "editions": editions, "sections": sections, "built": built})
        return 0
    state = "built" if built else "already up to date"
    out.print(f"Search index {state}: {service.index_root}", soft_wrap=True, highlight=False)
    return 0
