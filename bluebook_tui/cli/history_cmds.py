"""`history`: a section's counterpart in every edition, and what became of it at each step."""

from __future__ import annotations

import argparse
from typing import Any

from bluebook_tui.cli.context import CommandContext
from bluebook_tui.cli.output import console, print_json, section_json


def register(subparsers: Any) -> None:
    history = subparsers.add_parser("history", help="a section's counterpart in every edition, step by step")
    history.add_argument("section_id", metavar="SECTION_ID", help="e.g. 2016/5 (any edition's id of the section)")
    history.add_argument(
        "--json",
        action="store_true",
        help="print JSON: {section, steps: [{edition, section, status, kept}]} (section null where it is absent)",
    )
    history.set_defaults(handler=show_history)


def show_history(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare.history import STATUS_STYLES, section_history

    library = context.library
    steps = section_history(library, args.section_id)
    if args.json:
        print_json(
            {
                "section": section_json(library.section(args.section_id)),
                "steps": [
                    {
                        "edition": step.edition,
                        "section": section_json(step.section),
                        "status": step.status,
                        "kept": None if step.kept is None else round(step.kept, 4),
                    }
                    for step in steps
                ],
            }
        )
        return 0
    from rich.table import Table

    table = Table(title=f"History of {args.section_id}", title_justify="left", expand=False)
    for column in ("edition", "id", "heading", "status", "kept"):
        table.add_column(column, overflow="fold")
    for step in steps:
        kept = "" if step.kept is None else f"{step.kept:.0%}"
        section = step.section
        table.add_row(
            step.edition,
            section.id if section else "—",
            section.heading if section else "",
            f"[{STATUS_STYLES.get(step.status, '')}]{step.status}[/]",
            kept,
        )
    console().print(table)
    return 0
