"""Comparison verbs: `compare` (aligned sections), `diff` (a word diff of two sections), `trend` (a term's counts)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from bluebook_tui.cli.context import CommandContext
from bluebook_tui.cli.output import console, print_json

if TYPE_CHECKING:
    from bluebook_tui.library import Section

STATUS_STYLE = {"unchanged": "dim", "changed": "yellow", "added": "green", "removed": "red"}
BAR_WIDTH = 10


def register(subparsers: Any) -> None:
    compare = subparsers.add_parser("compare", help="pair the sections of two editions")
    compare.add_argument("left", metavar="LEFT", help="the older edition, e.g. 2016")
    compare.add_argument("right", metavar="RIGHT", help="the newer edition, e.g. 2022")
    compare.add_argument(
        "--json",
        action="store_true",
        help="print JSON: {left, right, pairs: [{left, right, similarity, status, flags}]}",
    )
    compare.set_defaults(handler=compare_editions)

    diff = subparsers.add_parser("diff", help="a word diff of two sections' text")
    diff.add_argument("left_id", metavar="LEFT_ID", help="e.g. 2016/6 (see `bluebook compare`)")
    diff.add_argument("right_id", metavar="RIGHT_ID", help="e.g. 2022/5")
    diff.add_argument("--json", action="store_true", help="print JSON: {left, right, ops: [{op, text}]}")
    diff.set_defaults(handler=diff_sections)

    trend = subparsers.add_parser("trend", help="how often a term occurs in each edition")
    trend.add_argument("term", metavar="TERM", help="a word or phrase; plurals and -ing/-ed forms count too")
    trend.add_argument(
        "--json",
        action="store_true",
        help="print JSON: {term, editions: [{edition, occurrences, words, per_10k_words}]}",
    )
    trend.set_defaults(handler=show_trend)


def compare_editions(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare import align_editions

    library = context.library
    alignment = align_editions(library.edition(args.left), library.edition(args.right))
    if args.json:
        print_json(
            {
                "left": alignment.left.id,
                "right": alignment.right.id,
                "pairs": [
                    {
                        "left": _section_json(pair.left),
                        "right": _section_json(pair.right),
                        "similarity": pair.similarity,
                        "status": pair.status,
                        "flags": list(pair.flags),
                    }
                    for pair in alignment.pairs
                ],
            }
        )
        return 0
    from rich.markup import escape
    from rich.table import Table

    from bluebook_tui.compare.views import status_counts

    # One line per pair keeps the table scannable; long headings end in an ellipsis (JSON has them whole).
    table = Table(box=None, header_style="bold", expand=True)
    table.add_column("status", width=9, no_wrap=True)
    table.add_column(alignment.left.id, ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column(alignment.right.id, ratio=1, no_wrap=True, overflow="ellipsis")
    table.add_column("similarity", width=BAR_WIDTH + 5, no_wrap=True)
    table.add_column("flags", width=len("renumbered retitled"), no_wrap=True)
    for pair in alignment.pairs:
        style = STATUS_STYLE[pair.status]
        table.add_row(
            f"[{style}]{pair.status}[/]",
            escape(_indented(pair.left)),
            escape(_indented(pair.right)),
            _bar(pair.similarity) if pair.left and pair.right else "",
            f"[cyan]{' '.join(pair.flags)}[/]",
        )
    out = console()
    out.print(table)
    out.print(", ".join(f"{count} {status}" for status, count in status_counts(alignment.pairs).items()))
    return 0


def diff_sections(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare import word_diff

    left = context.library.section(args.left_id)
    right = context.library.section(args.right_id)
    ops = word_diff(left.text, right.text)
    if args.json:
        print_json({"left": left.id, "right": right.id, "ops": [{"op": op.op, "text": op.text} for op in ops]})
        return 0
    from rich.text import Text

    out = console()
    # Colour carries the change on a terminal; without colour, git's plain word-diff markers do.
    marked = out.color_system is None
    text = Text()
    for op in ops:
        if op.op == "delete":
            text.append(f"[-{op.text}-]" if marked else op.text, style="red strike")
        elif op.op == "insert":
            text.append(f"{{+{op.text}+}}" if marked else op.text, style="green")
        else:
            text.append(op.text)
    out.print(Text(f"--- {left.id} {left.heading}\n+++ {right.id} {right.heading}", style="bold"))
    out.print(text)
    return 0


def show_trend(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare import term_trend

    counts = term_trend(context.library, args.term)
    if args.json:
        print_json(
            {
                "term": args.term,
                "editions": [
                    {
                        "edition": count.edition,
                        "occurrences": count.occurrences,
                        "words": count.words,
                        "per_10k_words": round(count.per_10k_words, 2),
                    }
                    for count in counts
                ],
            }
        )
        return 0
    from rich.markup import escape
    from rich.table import Table

    highest = max(count.per_10k_words for count in counts) or 1.0
    table = Table("edition", "occurrences", "words", "per 10,000 words", "", box=None, header_style="bold")
    for count in counts:
        width = round(30 * count.per_10k_words / highest)
        table.add_row(
            count.edition,
            str(count.occurrences),
            f"{count.words:,}",
            f"{count.per_10k_words:.2f}",
            f"[magenta]{'█' * width}[/]",
        )
    out = console()
    out.print(f"[bold]{escape(args.term)}[/] per edition")
    out.print(table)
    return 0


def _section_json(section: Section | None) -> dict[str, Any] | None:
    if section is None:
        return None
    return {"edition": section.edition, "id": section.id, "heading": section.heading, "path": list(section.path)}


def _indented(section: Section | None) -> str:
    return "" if section is None else "  " * (section.level - 1) + section.heading


def _bar(similarity: float) -> str:
    filled = round(similarity * BAR_WIDTH)
    return f"[green]{'█' * filled}[/][dim]{'░' * (BAR_WIDTH - filled)}[/] {similarity:.2f}"
