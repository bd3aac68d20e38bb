"""`bluebook` with no verb: open the reader app, on `--section` / `--edition` if given."""

from __future__ import annotations

import argparse
import gc

from bluebook_tui.cli.context import CommandContext
from bluebook_tui.library.errors import LibraryError


def start_section_id(args: argparse.Namespace, context: CommandContext) -> str | None:
    """The section to open with, checked before the app starts (an unknown id raises LibraryError)."""
    library = context.library
    if args.section:
        section = library.section(args.section)
        if args.edition is not None and section.edition != args.edition:
            raise LibraryError(f"section {args.section!r} is not in edition {args.edition}")
        return section.id
    if args.edition is not None:
        return library.edition(args.edition).sections[0].id
    return None


def run_app(args: argparse.Namespace, context: CommandContext) -> int:
    """Open the app; an unknown section or edition is a LibraryError, said in one line by `cli.main`."""
    start = start_section_id(args, context)
    pair = None
    if args.compare is not None:
        from bluebook_tui.compare.editions import comparison_pair

        pair = comparison_pair(context.library, *args.compare)
    # Start-up allocates a few hundred thousand objects that live as long as the app (Textual's modules, the
    # stylesheet, the widgets); the cyclic collector would walk them again and again, a single full pass taking
    # ~30 ms, a fifth of the first frame's time. None of them are garbage: the app collects again after its first
    # frame (`BluebookApp.on_mount`).
    gc.disable()
    from bluebook_tui.ui.app import BluebookApp
    from bluebook_tui.user_data import default_data_dir

    BluebookApp(context.library, default_data_dir(), start_section_id=start, pair=pair).run()
    return 0
