"""Sentence verbs: `trace` (what became of each sentence of a section) and `diff` (a redline of two sections)."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from bluebook_tui.cli.context import CommandContext
from bluebook_tui.cli.output import console, print_json, section_json

if TYPE_CHECKING:
    from bluebook_tui.compare.alignment import SentenceTrace
    from bluebook_tui.compare.diff import DiffOp
    from bluebook_tui.compare.redline import Elsewhere, RedlineOp

# How each sentence status reads for people: a mark and a style.
STATUS_MARKS = {"unchanged": ("=", "dim"), "edited": ("~", "yellow"), "new": ("+", "green"), "removed": ("-", "red")}
MOVED_MARK = ("↗", "magenta")
# What a redline row that is not running text says it is.
ROW_LABELS = {"caption": "Photo caption: ", "footnote": "Note ", "byline": "By: "}


def register(subparsers: Any) -> None:
    trace = subparsers.add_parser("trace", help="every sentence of a section, traced into another edition")
    trace.add_argument("section_id", metavar="SECTION_ID", help="e.g. 2016/4.B.a.current-status-of")
    trace.add_argument(
        "--against", metavar="EDITION", help="the edition to trace into (default: the one before, or after)"
    )
    trace.add_argument(
        "--json",
        action="store_true",
        help="print JSON: {section, against, sentences: [{text, status, moved, counterpart, similarity}]}",
    )
    trace.set_defaults(handler=trace_section)

    diff = subparsers.add_parser("diff", help="a redline of two sections, sentence by sentence")
    diff.add_argument("left_id", metavar="LEFT_ID", help="e.g. 2016/6 (see `bluebook compare`)")
    diff.add_argument("right_id", metavar="RIGHT_ID", help="e.g. 2022/5")
    diff.add_argument(
        "--ignore",
        type=_ignorable,
        default=(),
        metavar="WHAT",
        help="differences to set aside, comma-separated: case, punctuation, spelling (quotes, British/American)",
    )
    diff.add_argument("--subtree", action="store_true", help="compare each section with all its subsections")
    diff.add_argument("--context", type=_count, default=1, metavar="N", help="unchanged paragraphs shown by a change")
    diff.add_argument(
        "--json", action="store_true", help="print JSON: {left, right, subtree, ignore, ops: [{op, text, …}]}"
    )
    diff.set_defaults(handler=diff_sections)


def _ignorable(value: str) -> tuple[str, ...]:
    from bluebook_tui.compare.diff import IGNORABLE

    chosen = tuple(part.strip() for part in value.split(",") if part.strip())
    unknown = [part for part in chosen if part not in IGNORABLE]
    if unknown or not chosen:
        raise argparse.ArgumentTypeError(f"{value!r}: choose from {', '.join(IGNORABLE)}")
    return chosen


def _count(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"{value!r} is not a number of paragraphs")
    return int(value)


# trace ------------------------------------------------------------------------------------------------------------


def trace_section(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare.editions import aligned, neighbour_edition

    library = context.library
    section = library.section(args.section_id)
    against = args.against or neighbour_edition(library, section.edition)
    traces = aligned(library, section.edition, against).trace(section.id)
    if args.json:
        print_json(
            {
                "section": section_json(section),
                "against": library.edition(against).id,
                "sentences": [_trace_json(trace, library) for trace in traces],
            }
        )
        return 0
    from rich.markup import escape

    out = console()
    out.print(f"[bold]{escape(section.place)}[/]  [dim]{section.id}, traced into {against}[/]")
    if not traces:
        parts = ", ".join(child.id for child in section.children)
        below = f"; its subsections: {parts} (`bluebook diff` compares it with them)" if parts else ""
        out.print(f"[dim](no text of its own{escape(below)})[/]")
    for trace in traces:
        mark, style = MOVED_MARK if trace.moved else STATUS_MARKS[trace.status]
        label = "moved" if trace.moved else trace.status
        share = f" {round(trace.similarity * 100)}%" if trace.status == "edited" else ""
        out.print(f"[{style}]{mark} {label}{share}[/]  {escape(trace.sentence.text)}", highlight=False)
        if trace.counterparts:
            where = library.section(trace.counterparts[0].section_id)
            addresses = " + ".join(sentence.address for sentence in trace.counterparts)
            out.print(f"    [dim]→ {addresses}  {escape(where.place)}[/]", highlight=False)
    return 0


def _trace_json(trace: SentenceTrace, library: Any) -> dict[str, Any]:
    counterpart = None
    if trace.counterparts:
        first = trace.counterparts[0]
        section = library.section(first.section_id)
        text = section.text[first.start : trace.counterparts[-1].end]
        counterpart = section_json(section, text=text, sentences=[s.index for s in trace.counterparts])
    return {
        "index": trace.sentence.index,
        "kind": trace.sentence.kind,
        "text": trace.sentence.text,
        "status": trace.status,
        "moved": trace.moved,
        "counterpart": counterpart,
        "similarity": trace.similarity,
    }


# diff -------------------------------------------------------------------------------------------------------------


def diff_sections(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.compare.cache import cached_alignment
    from bluebook_tui.compare.redline import hunks, redline

    library = context.library
    left, right = library.section(args.left_id), library.section(args.right_id)
    # Two sections of one edition have no sentence links between them: they are diffed as two texts.
    alignment = None
    if left.edition != right.edition:
        alignment = cached_alignment(library.edition(left.edition), library.edition(right.edition))
    marked = redline(alignment, left, right, subtree=True if args.subtree else None, ignore=args.ignore)
    if args.json:
        print_json(
            {
                "left": left.id,
                "right": right.id,
                "subtree": marked.subtree,
                "ignore": list(args.ignore),
                "ops": [_op_json(op) for op in marked.ops],
            }
        )
        return 0
    from rich.markup import escape
    from rich.text import Text

    out = console()
    plain = out.color_system is None
    scopes = [" with its subsections" if marked.subtree and section.children else "" for section in (left, right)]
    out.print(Text(f"--- {left.id} {left.heading}{scopes[0]}\n+++ {right.id} {right.heading}{scopes[1]}", style="bold"))
    if all(op.op == "equal" or op.ignored for op in marked.ops):
        out.print("[dim]No differences" + (" but those set aside" if args.ignore else "") + ".[/]")
        return 0
    for hunk in hunks(marked.ops, context=args.context):
        if hunk.folded_before:
            count = hunk.folded_before
            out.print(f"[dim]⋯ {count} unchanged paragraph{'s' if count > 1 else ''}[/]")
        text = Text()
        notes: list[str] = []
        previous_kind: str | None = None
        for op in hunk.ops:
            if not op.text.strip():
                _append(text, op, plain, opens_row=False)
                continue
            opens_row = previous_kind is None or op.text.startswith("\n")
            if not opens_row and (previous_kind == "heading") != (op.kind == "heading"):
                # A heading stands on its own line, whatever the spacing around it (a deleted paragraph ends
                # where an inserted heading opens, say).
                text.append("\n" if previous_kind == "heading" else "\n\n")
                opens_row = True
            previous_kind = op.kind
            _append(text, op, plain, opens_row=opens_row)
            if op.elsewhere is not None:
                notes.append(_elsewhere_note(op.elsewhere))
        out.print(text)
        for note in notes:
            out.print(f"[magenta]{escape(note)}[/]", highlight=False)
    return 0


def _append(text: Any, op: RedlineOp, plain: bool, opens_row: bool) -> None:
    """One run for people: colour carries the change on a terminal; without colour, git's word-diff markers.

    A paragraph break before the run stays outside its markers, spacing alone is not marked, and a caption or note
    says what it is where it opens.
    """
    if not op.text.strip():
        # Spacing alone (a paragraph break one side has, say): shown as the right side has it, unmarked.
        if op.op != "delete":
            text.append(op.text)
        return
    body = op.text.lstrip("\n")
    breaks = op.text[: len(op.text) - len(body)]
    text.append(breaks)
    if opens_row and op.kind in ROW_LABELS:
        text.append(ROW_LABELS[op.kind], style="dim")
    if op.op == "equal" or op.ignored:
        if op.op != "delete":
            text.append(body)
        return
    moved = "↗" if op.moved else ""
    if op.op == "delete":
        text.append(f"[-{moved}{body}-]" if plain else moved + body, style="red strike")
    else:
        text.append(f"{{+{moved}{body}+}}" if plain else moved + body, style="green")


def _elsewhere_note(elsewhere: Elsewhere) -> str:
    """Where a sentence facing nothing here went (or came from), and what changed on the way."""
    sentence = elsewhere.sentences[0]
    where = f"{sentence.address}  {elsewhere.section.place}"
    edits = _edits_text(elsewhere.edits)
    if elsewhere.moved:
        direction = "↗ moved to" if elsewhere.direction == "to" else "↗ moved from"
    else:
        direction = "→ went to" if elsewhere.direction == "to" else "← came from"
    return f"  {direction} {where} ({round(elsewhere.similarity * 100)}% of words kept): {edits}"


def _edits_text(edits: tuple[DiffOp, ...]) -> str:
    parts = []
    for op in edits:
        if op.op == "equal" or op.ignored:
            parts.append(op.text if op.op != "delete" else "")
        elif op.op == "delete":
            parts.append(f"[-{op.text}-]")
        else:
            parts.append(f"{{+{op.text}+}}")
    return "".join(parts).strip()


def _op_json(op: RedlineOp) -> dict[str, Any]:
    elsewhere = None
    if op.elsewhere is not None:
        elsewhere = {
            "direction": op.elsewhere.direction,
            "section": section_json(op.elsewhere.section),
            "sentences": [sentence.index for sentence in op.elsewhere.sentences],
            "similarity": op.elsewhere.similarity,
            "edits": [{"op": edit.op, "text": edit.text} for edit in op.elsewhere.edits],
        }
    return {
        "op": op.op,
        "text": op.text,
        "paragraph": {"left": op.paragraph[0], "right": op.paragraph[1]},
        "kind": op.kind,
        "moved": op.moved,
        "elsewhere": elsewhere,
        "ignored": op.ignored,
    }
