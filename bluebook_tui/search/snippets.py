"""Snippets: Whoosh's highlighter picks and cuts the fragments; this formatter records where the matches fall."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from whoosh.highlight import Formatter, Fragment, Highlighter, PinpointFragmenter

SNIPPET_CHARS = 160
ELLIPSIS = "…"
_WHITESPACE = re.compile(r"\s+")


class Snippet(NamedTuple):
    text: str
    highlights: tuple[tuple[int, int], ...] = ()


class SpanFormatter(Formatter):
    """Joins the best fragments with an ellipsis and returns a `Snippet` with the matched words' spans."""

    def format(self, fragments: Iterable[Fragment], replace: bool = False) -> Snippet:  # type: ignore[override]
        pieces: list[str] = []
        spans: list[tuple[int, int]] = []
        length = 0

        def add(piece: str) -> int:
            """Append a piece with its whitespace collapsed (paragraph breaks too); return where it starts."""
            nonlocal length
            piece = _WHITESPACE.sub(" ", piece)
            if pieces and pieces[-1].endswith(" ") and piece.startswith(" "):
                piece = piece[1:]
            pieces.append(piece)
            length += len(piece)
            return length - len(piece)

        text = ""
        end = 0
        for fragment in fragments:
            text = fragment.text
            # Fragments cut around nearby matches can overlap: carry on from where the last one ended.
            index = max(fragment.startchar, end)
            if index > end:
                add(f" {ELLIPSIS} " if pieces else f"{ELLIPSIS} ")
            for token in sorted(fragment.matches, key=lambda t: (t.startchar, t.startchar - t.endchar)):
                if token.startchar < index:
                    continue
                add(text[index : token.startchar])
                start = add(text[token.startchar : token.endchar])
                spans.append((start, length))
                index = token.endchar
            add(text[index : fragment.endchar])
            end = max(end, fragment.endchar)
        if pieces and end < len(text):
            add(f" {ELLIPSIS}")
        return Snippet("".join(pieces), tuple(spans))


def snippet_highlighter() -> Highlighter:
    """Whoosh's highlighter, cutting fragments around the matches' stored offsets (no re-analysis)."""
    fragmenter = PinpointFragmenter(maxchars=SNIPPET_CHARS, surround=60, autotrim=True)
    return Highlighter(fragmenter=fragmenter, formatter=SpanFormatter())


def opening_snippet(text: str) -> Snippet:
    """The start of a section, for a hit whose words matched only in its heading."""
    flat = " ".join(text.split())
    if len(flat) <= SNIPPET_CHARS:
        return Snippet(flat)
    cut = flat.rfind(" ", 0, SNIPPET_CHARS)
    return Snippet(flat[: cut if cut > 0 else SNIPPET_CHARS] + f" {ELLIPSIS}")
