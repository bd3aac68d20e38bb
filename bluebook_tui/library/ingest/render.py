"""Write a parsed edition as the library's Markdown (the format docs/ARCHITECTURE.md describes)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from bluebook_tui.library.ingest.blocks import Block, FootnoteDef
from bluebook_tui.library.markdown import BYLINE_ATTR, CAPTION_ATTR, COLUMN_ATTR

_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>&])")
# What would open a block if a line started with it: heading, quote, list, thematic break, fence, attributes.
_BLOCK_START = re.compile(r"^[#>+=~{-]")
_ORDERED_LIST_START = re.compile(r"^(\d+)([.)])(?=\s|$)")


def escape(text: str) -> str:
    """Text that CommonMark reads back as exactly this text, whatever it starts with or contains."""
    text = _INLINE_SPECIALS.sub(r"\\\1", text)
    text = _BLOCK_START.sub(lambda m: "\\" + m.group(0), text)
    return _ORDERED_LIST_START.sub(r"\1\\\2", text)


@dataclass
class Node:
    """A heading of the edition being written: the blocks of its own body, its notes, its children."""

    heading: str
    kind: str
    label_path: str
    body: list[Block] = field(default_factory=list)
    notes: list[FootnoteDef] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)
    rendered: list[str] = field(default_factory=list)


@dataclass
class Document:
    edition: str
    book: str
    chapter: str
    chapter_title: str
    source: str
    root: Node


def markdown_chunks(document: Document) -> Iterator[str]:
    """The edition's Markdown, a section at a time (joined, the whole file): a long book is written as it is made."""
    meta = {
        "edition": document.edition,
        "book": document.book,
        "chapter": document.chapter,
        "chapter_title": document.chapter_title,
        "source": document.source,
    }
    yield "\n".join(["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()), "---"])
    yield from _chunks(document.root, 1)
    yield "\n"


def _chunks(node: Node, depth: int) -> Iterator[str]:
    opening = f"{COLUMN_ATTR}\n" if node.kind == "column" else ""
    yield "".join(f"\n\n{part}" for part in (f"{opening}{'#' * depth} {escape(node.heading)}", *node.rendered))
    node.rendered = []  # written: not needed again
    for child in node.children:
        yield from _chunks(child, depth + 1)


def caption(text: str) -> str:
    return f"{CAPTION_ATTR}\n*{escape(text)}*"


def byline(text: str) -> str:
    return f"{BYLINE_ATTR}\n*{escape(text)}*"


def author(text: str) -> str:
    return f"**{escape(text)}**"


def footnote(label: str, text: str) -> str:
    return f"[^{label}]: {escape(text)}"
