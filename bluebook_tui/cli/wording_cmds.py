"""Wording verbs: `keywords` (what each edition says more), `shifts` (wording changed systematically), `kwic`
(a term in context) and `dispersion` (where a term stands in each edition)."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import TYPE_CHECKING, Any

from bluebook_tui.cli.arguments import positive_int
from bluebook_tui.cli.context import CommandContext
from bluebook_tui.cli.output import console, print_json, section_json

if TYPE_CHECKING:
    from bluebook_tui.compare.keywords import Keyword
    from bluebook_tui.library import Edition


def register(subparsers: Any) -> None:
    keywords = subparsers.add_parser("keywords", help="the words and phrases each of two editions uses more")
    _pair_arguments(keywords)
    keywords.add_argument("--limit", type=positive_int, default=20, metavar="N", help="N each way (default 20)")
    keywords.add_argument(
        "--min-count", type=positive_int, default=5, metavar="K", help="seen K times or more in both (default 5)"
    )
    keywords.add_argument(
        "--json", action="store_true", help="print JSON: {left, right, terms: [{term, left_count, right_count, g2, …}]}"
    )
    keywords.set_defaults(handler=show_keywords)

    shifts = subparsers.add_parser("shifts", help="wording changed systematically between two editions")
    _pair_arguments(shifts)
    shifts.add_argument("--limit", type=positive_int, default=20, metavar="N", help="at most N (default 20)")
    shifts.add_argument(
        "--json", action="store_true", help="print JSON: {left, right, shifts: [{old, new, count, survives, examples}]}"
    )
    shifts.set_defaults(handler=show_shifts)

    kwic = subparsers.add_parser("kwic", help="every occurrence of a term in its context")
    kwic.add_argument("term", metavar="TERM", help="a word or phrase, counted as `trend` counts it")
    # SUPPRESS: `bluebook --edition 2016 kwic …` (the global option) works as well.
    kwic.add_argument("--edition", default=argparse.SUPPRESS, metavar="ID", help="only this edition")
    kwic.add_argument("--width", type=positive_int, default=40, metavar="W", help="characters each side (default 40)")
    kwic.add_argument("--sort", choices=("left", "right"), help="by the words before or after (default: text order)")
    kwic.add_argument(
        "--json", action="store_true", help="print JSON: {term, lines: [{edition, id, heading, left, match, right}]}"
    )
    kwic.set_defaults(handler=show_kwic)

    dispersion = subparsers.add_parser("dispersion", help="where a term stands in each edition")
    dispersion.add_argument("term", metavar="TERM", help="a word or phrase, counted as `trend` counts it")
    dispersion.add_argument("--width", type=positive_int, default=60, metavar="W", help="cells per edition")
    dispersion.add_argument(
        "--json", action="store_true", help="print JSON: {term, editions: [{edition, terms, places, sections}]}"
    )
    dispersion.set_defaults(handler=show_dispersion)


def _pair_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("left", metavar="LEFT", help="the older edition, e.g. 2016")
    parser.add_argument("right", metavar="RIGHT", help="the newer edition, e.g. 2022")


def _pair(args: argparse.Namespace, context: CommandContext) -> tuple[Edition, Edition]:
    from bluebook_tui.compare.editions import two_editions

    return two_editions(context.library, args.left, args.right)


def show_keywords(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare.wording import edition_keywords

    left, right = _pair(args, context)
    found = edition_keywords(left, right, limit=args.limit, min_count=args.min_count)
    if args.json:
        print_json({"left": left.id, "right": right.id, "terms": [_keyword_json(keyword) for keyword in found]})
        return 0
    from rich.table import Table

    out = console()
    for title, leaning in ((f"Rising in {right.id}", 1), (f"Falling since {left.id}", -1)):
        table = Table(box=None, header_style="bold", title=title, title_justify="left", title_style="bold")
        for column in ("term", left.id, right.id, "G²", "log ratio"):
            table.add_column(column, justify="left" if column == "term" else "right")
        for keyword in (each for each in found if (each.log_ratio > 0) == (leaning > 0)):
            table.add_row(
                keyword.term,
                str(keyword.left_count),
                str(keyword.right_count),
                f"{keyword.g2:.1f}",
                f"{keyword.log_ratio:+.2f}",
            )
        out.print(table if table.row_count else f"[bold]{title}[/]: none seen {args.min_count} times or more")
        out.print()
    out.print("[dim]G² ≥ 3.84: p < 0.05, ≥ 6.63: p < 0.01; log ratio +1: twice as frequent in the newer edition[/]")
    return 0


def _keyword_json(keyword: Keyword) -> dict[str, Any]:
    return {
        "term": keyword.term,
        "left_count": keyword.left_count,
        "right_count": keyword.right_count,
        "g2": round(keyword.g2, 3),
        "p": keyword.p,
        "log_ratio": round(keyword.log_ratio, 3),
    }


def show_shifts(args: argparse.Namespace, context: CommandContext) -> int:
    from dataclasses import asdict

    from bluebook_tui.compare.wording import edition_shifts

    left, right = _pair(args, context)
    found = edition_shifts(left, right, limit=args.limit)
    if args.json:
        print_json({"left": left.id, "right": right.id, "shifts": [asdict(shift) for shift in found]})
        return 0
    from rich.markup import escape
    from rich.table import Table

    out = console()
    if not found:
        out.print(f"No systematic change of wording found between {left.id} and {right.id}.")
        return 0
    table = Table(box=None, header_style="bold")
    for column in (left.id, "", right.id, "times", f"old still in {right.id}", "kind", "first example"):
        table.add_column(column)
    for shift in found:
        where = f"{shift.examples[0].left_id} → {shift.examples[0].right_id}" if shift.examples else ""
        table.add_row(
            f"[red]{escape(shift.old)}[/]",
            "→",
            f"[green]{escape(shift.new)}[/]",
            str(shift.count),
            str(shift.survives),
            shift.kind,
            where,
        )
    out.print(table)
    return 0


def show_kwic(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare.concordance import concordance

    library = context.library
    editions = (
        [library.edition(args.edition)]
        if getattr(args, "edition", None) is not None
        else list(library.editions.values())
    )
    lines = concordance(editions, args.term, width=args.width, sort=args.sort or "text")
    if args.json:
        print_json(
            {
                "term": args.term,
                "lines": [
                    section_json(line, ("edition", "id", "heading"), left=line.left, match=line.match, right=line.right)
                    for line in lines
                ],
            }
        )
        return 0
    from rich.text import Text

    out = console()
    if not lines:
        out.print(no_occurrence(args.term))
        return 0
    # One line each, never wrapped: the term stays whole whatever the width (piped, lines are as long as asked).
    id_width = max(len(line.id) for line in lines)
    for line in lines:
        text = Text.assemble(
            (line.id.ljust(id_width), "dim"),
            "  ",
            line.left.rjust(args.width),
            (line.match, "bold magenta"),
            line.right,
        )
        out.print(text, soft_wrap=True, crop=out.is_terminal)
    per_edition = ", ".join(f"{edition}: {count}" for edition, count in Counter(line.edition for line in lines).items())
    out.print(f"[dim]{len(lines)} occurrences ({per_edition})[/]")
    return 0


def no_occurrence(term: str) -> str:
    """The one line said for a term found nowhere, with why when it has only stop words (Rich markup)."""
    from rich.markup import escape

    from bluebook_tui.compare.term_stream import query_terms

    why = "" if query_terms(term) else " (words such as 'the' and 'of' are not counted)"
    return f"No occurrence of {escape(term)!r}{why}."


def show_dispersion(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare.concordance import dispersion

    found = [dispersion(edition, args.term) for edition in context.library.editions.values()]
    if args.json:
        print_json(
            {
                "term": args.term,
                "editions": [
                    {
                        "edition": each.edition,
                        "terms": each.words,
                        "places": [round(place, 5) for place in each.places],
                        "sections": [{"start": round(start, 5), "label": label} for start, label in each.sections],
                    }
                    for each in found
                ],
            }
        )
        return 0
    from rich.markup import escape

    from bluebook_tui.charts import dispersion_legend, dispersion_plot

    out = console()
    if not any(each.places for each in found):
        out.print(no_occurrence(args.term))
        return 0
    out.print(f"[bold]{escape(args.term)}[/] through each edition (start → end), sections below")
    # In a terminal, no wider than it (a wider strip would wrap); piped, as asked.
    room = out.width - max(len(each.edition) for each in found) - 10
    width = min(args.width, room) if out.is_terminal else args.width
    out.print(dispersion_plot(found, width), soft_wrap=True)
    out.print(dispersion_legend(width))
    return 0
