"""The `bluebook` command: with no verb it opens the app; verbs serve scripts with stable JSON.

Each verb module has `register(subparsers)`, which adds its parsers with `handler=` set to a function
`(args, context) -> exit code`. Heavy imports (Textual, Whoosh, Rich) happen inside handlers, so every verb
pays only for what it uses.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import sys
from collections.abc import Sequence

from bluebook_tui import __version__
from bluebook_tui.cli.context import CommandContext
from bluebook_tui.library.errors import LibraryError

# Each verb and the module that registers it: a command line naming one verb imports and builds that one only.
VERB_MODULES = {
    "editions": "library_cmds",
    "toc": "library_cmds",
    "show": "library_cmds",
    "export": "library_cmds",
    "ingest": "library_cmds",
    "search": "search_cmds",
    "index": "search_cmds",
    "compare": "compare_cmds",
    "trend": "compare_cmds",
    "trace": "trace_cmds",
    "diff": "trace_cmds",
    "history": "history_cmds",
    "keywords": "wording_cmds",
    "shifts": "wording_cmds",
    "kwic": "wording_cmds",
    "dispersion": "wording_cmds",
    "report": "report_cmds",
    "bookmarks": "bookmark_cmds",
}


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors said in one line (exit 2), as every other error here is."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(*, verbs: bool = True, verb: str | None = None) -> argparse.ArgumentParser:
    """The command line; without `verbs`, only what opening the app takes (and no help, which lists the verbs);
    with `verb`, only the verbs of its module (their help lists only those)."""
    parser = _Parser(prog="bluebook", description=__doc__.splitlines()[0], add_help=verbs)
    parser.add_argument("--version", action="version", version=f"bluebook {__version__}")
    parser.add_argument("--content-dir", help="library directory (default: $BLUEBOOK_CONTENT_DIR or bundled)")
    parser.add_argument("--edition", help="open the app on this edition")
    parser.add_argument("--section", help="open the app on this section id, e.g. 2022/4.A")
    parser.add_argument(
        "--compare",
        nargs=2,
        metavar=("LEFT", "RIGHT"),
        help="compare these two editions in the app (default: the newest two)",
    )
    if not verbs:
        return parser
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB", parser_class=_Parser)
    modules = [VERB_MODULES[verb]] if verb is not None else dict.fromkeys(VERB_MODULES.values())
    for name in modules:
        importlib.import_module(f"bluebook_tui.cli.{name}").register(subparsers)
    for verb_parser in subparsers.choices.values():
        # Also accepted after the verb (`bluebook toc --content-dir DIR`); SUPPRESS keeps the global value otherwise.
        verb_parser.add_argument("--content-dir", default=argparse.SUPPRESS, help=argparse.SUPPRESS)
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The arguments; building a verb's parser only when the command line has more than app options, and every
    verb's (~9 ms, and their modules' imports) only when it names none of them.

    Opening the app is the common case, and its first frame is on the clock; a script's search comes next.
    """
    if argv and argv[0] in VERB_MODULES:
        return build_parser(verb=argv[0]).parse_args(argv)
    args, rest = build_parser(verbs=False).parse_known_args(argv)
    if rest:
        verb = rest[0] if rest[0] in VERB_MODULES else None
        return build_parser(verb=verb).parse_args(argv)
    args.verb = None
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line `argv`; None: this process's own (the console script, `python -m bluebook_tui`), which
    ends when this returns."""
    # UTF-8 whatever the locale, and an argument that is not UTF-8 (its bytes kept as surrogates) written escaped
    # (`\udcff`, valid in JSON too) rather than as bytes no UTF-8 reader accepts.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    context = CommandContext(args.content_dir)
    # The process's own command line: it ends when this returns, and the interpreter's last pass of the cyclic
    # collector would walk everything left to free memory the exit returns anyway (~200 ms after the app, ~20 ms
    # of a 130 ms search): what is left is frozen out of it. Objects in cycles then are never finalized: nothing
    # relies on that at exit (every file is written whole and closed before). A quick verb (`search`) also pauses
    # the collector, which would walk what Whoosh loads a few times.
    whole_process = argv is None
    quick_process = whole_process and getattr(args, "quick", False)
    if quick_process:
        gc.disable()
    try:
        if args.verb is None:
            from bluebook_tui.cli.app_cmd import run_app

            return run_app(args, context)
        return int(args.handler(args, context))
    except LibraryError as error:
        print(f"bluebook: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    finally:
        if whole_process:
            gc.freeze()
