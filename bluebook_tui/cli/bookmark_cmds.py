"""`bookmarks`: the reader's bookmarks listed (to back them up) and imported (to bring them back or move them)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bluebook_tui.cli.context import CommandContext
from bluebook_tui.cli.output import console, print_json, section_json
from bluebook_tui.library.errors import LibraryError

if TYPE_CHECKING:
    from bluebook_tui.user_data import Bookmark, Store


def register(subparsers: Any) -> None:
    bookmarks = subparsers.add_parser("bookmarks", help="list the app's bookmarks, or import some (`import FILE`)")
    bookmarks.add_argument(
        "--json", action="store_true", help="print JSON: {bookmarks: [{id, heading, path, added}]} (importable)"
    )
    bookmarks.set_defaults(handler=list_bookmarks)
    actions = bookmarks.add_subparsers(dest="bookmarks_action", metavar="ACTION")
    importing = actions.add_parser("import", help="add the bookmarks of FILE to the app's (a --json listing)")
    importing.add_argument(
        "file", metavar="FILE", type=Path, help="`bluebook bookmarks --json` output, or a bookmarks.json"
    )
    importing.add_argument("--json", action="store_true", help="print JSON: {imported, already, unknown}")
    importing.set_defaults(handler=import_bookmarks)


def _store() -> Store:
    from bluebook_tui.user_data import Store, default_data_dir

    return Store(default_data_dir())


def list_bookmarks(args: argparse.Namespace, context: CommandContext) -> int:
    store = _store()
    bookmarks = store.load_bookmarks()
    _say_notices(store)
    library = context.library
    rows: list[dict[str, Any]] = []
    for bookmark in bookmarks:
        section = library.find(bookmark.section_id)
        # A bookmark of a section this library lacks keeps its id, with a null heading and path.
        named = section_json(section, ("heading", "path")) if section else dict.fromkeys(("heading", "path"))
        rows.append({"id": bookmark.section_id, **named, "added": bookmark.added})
    if args.json:
        print_json({"bookmarks": rows})
        return 0
    from rich.markup import escape
    from rich.table import Table

    out = console()
    if not rows:
        out.print("No bookmarks yet: press b on a section in the app to add one.")
        return 0
    table = Table("id", "heading", "added", box=None, header_style="bold")
    for row in rows:
        heading = escape(row["heading"]) if row["heading"] else "[dim](not a section of this library)[/]"
        table.add_row(row["id"], heading, row["added"])
    out.print(table)
    return 0


def import_bookmarks(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.user_data import SaveError, added

    wanted = _read_bookmarks(args.file)
    store = _store()
    before = {bookmark.section_id for bookmark in store.load_bookmarks()}

    def with_imported(items: list[Bookmark]) -> list[Bookmark]:
        for bookmark in reversed(wanted):  # first, in the file's order (newest first, as listed)
            items = added(bookmark.section_id, bookmark.added)(items)
        return items

    try:
        store.update_bookmarks(with_imported)
    except SaveError as error:
        raise LibraryError(str(error)) from None
    _say_notices(store)
    library = context.library
    imported = [bookmark.section_id for bookmark in wanted if bookmark.section_id not in before]
    unknown = [section_id for section_id in imported if library.find(section_id) is None]
    already = len(wanted) - len(imported)
    if args.json:
        print_json({"imported": imported, "already": already, "unknown": unknown})
        return 0
    count = f"{len(imported)} bookmark{'s' if len(imported) != 1 else ''}"
    of_them = f", {len(unknown)} of them not a section of this library" if unknown else ""
    there = f"{already} {'was' if already == 1 else 'were'} there already"
    print(f"Imported {count}{of_them}; {there}.")
    return 0


def _read_bookmarks(path: Path) -> list[Bookmark]:
    """The bookmarks in a file `bookmarks --json` wrote, or in a bookmarks.json; LibraryError when it is neither."""
    from bluebook_tui.user_data import Bookmark

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise LibraryError(f"cannot read {path}: {error.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise LibraryError(f"{path} is not JSON (expected `bluebook bookmarks --json` output)") from None
    items = data.get("bookmarks") if isinstance(data, dict) else data
    found = []
    for item in items if isinstance(items, list) else [None]:
        fields = item if isinstance(item, dict) else {}
        section_id = fields.get("id", fields.get("section_id"))
        if not isinstance(section_id, str):
            raise LibraryError(f"{path} is not a list of bookmarks (expected `bluebook bookmarks --json` output)")
        found.append(Bookmark(section_id, str(fields.get("added", ""))))
    return found


def _say_notices(store: Store) -> None:
    import sys

    for notice in store.notices:
        print(f"bluebook: {notice}", file=sys.stderr)
