"""Comparison verbs: `compare` (the sections of two editions paired) and `trend` (a term's counts per edition)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from bluebook_tui.cli.context import CommandContext
from bluebook_tui.cli.output import console, print_json, section_json

if TYPE_CHECKING:
    from bluebook_tui.compare import SectionPair
    from bluebook_tui.library import Section

STATUS_STYLE = {
    "unchanged": "dim",
    "changed": "yellow",
    "added": "green",
    "removed": "red",
    "merged": "magenta",
    "split": "magenta",
}
BAR_WIDTH = 10


def register(subparsers: Any) -> None:
    compare = subparsers.add_parser("compare", help="pair the sections of two editions")
    compare.add_argument("left", metavar="LEFT", help="the older edition, e.g. 2016")
    compare.add_argument("right", metavar="RIGHT", help="the newer edition, e.g. 2022")
    compare.add_argument(
        "--json",
        action="store_true",
        help="print JSON: {left, right, pairs: [{left, right, similarity, status, flags, carried_over, flows, …}]}",
    )
    compare.set_defaults(handler=compare_editions)

    trend = subparsers.add_parser("trend", help="how often a term occurs in each edition")
    trend.add_argument("term", metavar="TERM", help="a word or phrase; plurals and -ing/-ed forms count too")
    trend.add_argument(
        "--json",
        action="store_true",
        help="print JSON: {term, editions: [{edition, occurrences, words, per_10k_words}]}",
    )
    trend.set_defaults(handler=show_trend)


def compare_editions(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare.cache import cached_alignment
    from bluebook_tui.compare.editions import two_editions

    alignment = cached_alignment(*two_editions(context.library, args.left, args.right))
    if args.json:
        print_json(
            {"left": alignment.left.id, "right": alignment.right.id, "pairs": [_pair_json(p) for p in alignment.pairs]}
        )
        return 0
    from rich.markup import escape
    from rich.table import Table

    from bluebook_tui.compare.views import kept_share, status_counts

    # Headings whole (wrapped at a narrow terminal), each with its section id, so a pair can be looked up.
    table = Table(box=None, header_style="bold", expand=True)
    table.add_column("status", width=9, no_wrap=True)
    table.add_column(alignment.left.id, ratio=1, overflow="fold")
    table.add_column(alignment.right.id, ratio=1, overflow="fold")
    table.add_column(f"{alignment.left.id} kept", width=BAR_WIDTH + 5, no_wrap=True)
    table.add_column("flags", width=len("parts-paired"))
    for pair in alignment.pairs:
        style = STATUS_STYLE[pair.status]
        right = escape(_indented(pair.right))
        if pair.destination is not None:
            arrow = "→" if pair.status == "merged" else "←"
            right = f"[dim]{arrow} {escape(pair.destination.heading)}[/]"
        elif pair.right is None and "parts-paired" in pair.flags:
            right = "[dim](only the heading: its parts are paired below)[/]"
        table.add_row(
            f"[{style}]{pair.status}[/]",
            escape(_indented(pair.left))
            if pair.left
            else f"[dim]← {escape(pair.destination.heading)}[/]"
            if pair.destination
            else "",
            right,
            _bar(kept_share(pair)) if pair.status not in ("added", "removed") else "",
            f"[cyan]{' '.join(pair.flags)}[/]",
        )
    out = console()
    out.print(table)
    counts = status_counts(alignment.pairs)
    out.print(", ".join(f"{count} {status}" for status, count in counts.items()))
    out.print(f"[dim]kept: the share of the {alignment.left.id} section's words its counterpart keeps[/]")
    return 0


def _pair_json(pair: SectionPair) -> dict[str, Any]:
    return {
        "left": section_json(pair.left),
        "right": section_json(pair.right),
        "similarity": pair.similarity,
        "status": pair.status,
        "flags": list(pair.flags),
        "carried_over": {"left": pair.carried_over[0], "right": pair.carried_over[1]},
        "flows": [
            {"from": flow.source.id, "to": flow.target.id, "sentences": flow.sentences, "words": flow.words}
            for flow in pair.flows
        ],
        "destination": section_json(pair.destination),
        "subtree": pair.through_subtree,
    }


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

    from bluebook_tui.charts import trend_bars

    out = console()
    if not any(count.occurrences for count in counts):
        from bluebook_tui.cli.wording_cmds import no_occurrence

        out.print(no_occurrence(args.term))
        return 0
    out.print(f"[bold]{escape(args.term)}[/] per edition")
    out.print(trend_bars(counts))
    return 0


def _indented(section: Section | None) -> str:
    return "" if section is None else "  " * (section.level - 1) + f"{section.heading} ({section.id})"


def _bar(share: float) -> str:
    from bluebook_tui.charts import bar

    filled = bar(share, BAR_WIDTH, eighths=False, padded=False)
    return f"[green]{filled}[/][dim]{'░' * (BAR_WIDTH - len(filled))}[/] {round(share * 100):>3}%"
