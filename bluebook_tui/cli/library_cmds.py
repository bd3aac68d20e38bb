"""Library verbs: `editions`, `toc`, `show`, `export`, `ingest`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bluebook_tui.cli.context import CommandContext
from bluebook_tui.cli.output import console, print_json, section_json
from bluebook_tui.library.errors import LibraryError

if TYPE_CHECKING:
    from bluebook_tui.library import Edition, Section


def register(subparsers: Any) -> None:
    editions = subparsers.add_parser("editions", help="list the editions in the library")
    editions.add_argument("--json", action="store_true", help="print JSON")
    editions.set_defaults(handler=list_editions)

    toc = subparsers.add_parser("toc", help="the section tree of one edition or all")
    toc.add_argument("--edition", help="only this edition (default: every edition)")
    toc.add_argument(
        "--json", action="store_true", help="print JSON: nodes {id, number, title, heading, kind, children}"
    )
    toc.set_defaults(handler=show_toc)

    show = subparsers.add_parser("show", help="one section's own text")
    show.add_argument("section_id", metavar="SECTION_ID", help="e.g. 2022/4.A.C (see `bluebook toc`)")
    show.add_argument("--json", action="store_true", help="print JSON: {id, edition, heading, path, markdown, text}")
    show.set_defaults(handler=show_section)

    export = subparsers.add_parser("export", help="a whole edition as Markdown on stdout")
    export.add_argument("--edition", required=True, help="the edition to export")
    export.set_defaults(handler=export_edition)

    ingest = subparsers.add_parser("ingest", help="turn a plain-text edition into the library's Markdown")
    ingest.add_argument("source", metavar="SOURCE.txt", type=Path, help="the edition as plain UTF-8 text")
    ingest.add_argument("--edition", required=True, help="the edition id to file it under, e.g. 2023")
    ingest.add_argument("--title", help="the book's title (default: the source's first line)")
    ingest.add_argument("--force", action="store_true", help="replace an existing, different edition")
    ingest.set_defaults(handler=ingest_edition)


def list_editions(args: argparse.Namespace, context: CommandContext) -> int:
    editions = list(context.library.editions.values())
    if args.json:
        print_json([_edition_json(edition) for edition in editions])
        return 0
    from rich.table import Table

    table = Table("edition", "book", "chapter", "section", "sections", box=None, header_style="bold")
    for edition in editions:
        chapter = f"{edition.chapter} · {edition.chapter_title}".strip(" ·")
        table.add_row(edition.id, edition.book, chapter, edition.heading, str(sum(1 for _ in edition.walk())))
    console().print(table)
    return 0


def show_toc(args: argparse.Namespace, context: CommandContext) -> int:
    library = context.library
    editions = [library.edition(args.edition)] if args.edition is not None else list(library.editions.values())
    if args.json:
        if args.edition is not None:
            print_json([_node_json(section) for section in editions[0].sections])
        else:
            print_json([_edition_node_json(edition) for edition in editions])
        return 0
    from rich.tree import Tree

    out = console()
    for edition in editions:
        tree = Tree(f"[bold]{edition.id}[/] {edition.book} · {edition.heading}")
        for section in edition.sections:
            _add_branch(tree, section)
        out.print(tree)
    return 0


def show_section(args: argparse.Namespace, context: CommandContext) -> int:
    section = context.library.section(args.section_id)
    if args.json:
        print_json(section_json(section, ("id", "edition", "heading", "path", "markdown", "text")))
        return 0
    from rich.markdown import Markdown
    from rich.rule import Rule

    from bluebook_tui.library.markdown import for_display

    out = console()
    out.print(f"[dim]{section.edition} › {' › '.join(section.path[:-1])}[/]" if section.parent else section.edition)
    from rich.markup import escape

    kind = "▣ Column: " if section.kind == "column" else ""
    # The heading on lines of its own, wrapped (a rule's title is cut to one line: "… on page 45)" was lost).
    out.print(f"[bold]{kind}{escape(section.heading)}[/]")
    out.print(Rule(style="dim"))
    out.print(Markdown(for_display(section.markdown)) if section.markdown else "[dim](no text of its own)[/]")
    if section.children:
        out.print("[dim]Subsections:[/]")
        for child in section.children:
            out.print(f"  [dim]{child.id}[/]  {escape(child.heading)}", highlight=False)
    return 0


def export_edition(args: argparse.Namespace, context: CommandContext) -> int:
    sys.stdout.write(context.library.edition(args.edition).markdown)
    return 0


def ingest_edition(args: argparse.Namespace, context: CommandContext) -> int:
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    from bluebook_tui.library.ingest import ingest_file
    from bluebook_tui.library.paths import is_installed_bundle

    if is_installed_bundle(context.content_dir):
        raise LibraryError(
            f"the bundled library ({context.content_dir}) is part of the installed program; "
            "ingest into a library of your own with --content-dir DIR"
        )
    out = console()
    columns = (TextColumn("{task.description}"), BarColumn(), TaskProgressColumn())
    # On a terminal only (a script reads the one line below), and gone once done.
    with Progress(*columns, console=out, transient=True, disable=not out.is_terminal) as bar:
        task = bar.add_task("Reading lines", total=None)

        def progress(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        made = ingest_file(
            args.source, args.edition, context.content_dir, title=args.title, force=args.force, progress=progress
        )
    print(f"Ingested edition {args.edition}: {made.sections} sections, {made.columns} columns → {made.path}")
    return 0


def _edition_json(edition: Edition) -> dict[str, Any]:
    return {
        "id": edition.id,
        "book": edition.book,
        "chapter": edition.chapter,
        "chapter_title": edition.chapter_title,
        "heading": edition.heading,
        "sections": sum(1 for _ in edition.walk()),
    }


def _node_json(section: Section) -> dict[str, Any]:
    children = [_node_json(child) for child in section.children]
    return section_json(section, ("id", "number", "title", "heading", "kind"), children=children)


def _edition_node_json(edition: Edition) -> dict[str, Any]:
    return {
        "id": edition.id,
        "number": None,
        "title": edition.title,
        "heading": edition.heading,
        "kind": "edition",
        "children": [_node_json(section) for section in edition.sections],
    }


def _add_branch(tree: Any, section: Section) -> None:
    from rich.markup import escape

    label = escape(section.heading)
    if section.kind == "column":
        label = f"[italic]▣ Column: {label}[/]"
    branch = tree.add(f"{label} [dim]{section.id}[/]")
    for child in section.children:
        _add_branch(branch, child)
