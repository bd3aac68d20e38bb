"""Write a parsed edition as the library's Markdown (the format docs/ARCHITECTURE.md describes)."""

from __future__ import annotations

import json
import re
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


def to_markdown(document: Document) -> str:
    meta = {
        "edition": document.edition,
        "book": document.book,
        "chapter": document.chapter,
        "chapter_title": document.chapter_title,
        "source": document.source,
    }
    lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()), "---", ""]
    _write(document.root, 1, lines)
    return "\n".join(lines).rstrip("\n") + "\n"


def _write(node: Node, depth: int, lines: list[str]) -> None:
    if node.kind == "column":
        lines.append(COLUMN_ATTR)
    lines += [f"{'#' * depth} {escape(node.heading)}", ""]
    for block in node.rendered:
        lines += [block, ""]
    for child in node.children:
        _write(child, depth + 1, lines)


def caption(text: str) -> str:
    return f"{CAPTION_ATTR}\n*{escape(text)}*"


def byline(text: str) -> str:
    return f"{BYLINE_ATTR}\n*{escape(text)}*"


def author(text: str) -> str:
    return f"**{escape(text)}**"


def footnote(label: str, text: str) -> str:
    return f"[^{label}]: {escape(text)}"
