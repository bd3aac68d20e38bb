"""Ingest: turn a plain-text edition, as published and flattened, into the library's Markdown.

Deterministic: the same source always gives the same Markdown, byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from bluebook_tui.library.errors import IngestError
from bluebook_tui.library.files import write_atomically
from bluebook_tui.library.ingest.blocks import (
    Author,
    Block,
    Byline,
    Caption,
    ColumnTitle,
    FootnoteDef,
    Heading,
    Paragraph,
    classify,
)
from bluebook_tui.library.ingest.bylines import split_byline
from bluebook_tui.library.ingest.footnotes import place_reference
from bluebook_tui.library.ingest.normalise import decode, normalise_lines
from bluebook_tui.library.ingest.outline import assign_levels
from bluebook_tui.library.ingest.render import (
    Document,
    Node,
    author,
    byline,
    caption,
    escape,
    footnote,
    to_markdown,
)

EDITION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_CHAPTER = re.compile(r"^Chapter\s+\w+$", re.IGNORECASE)
_SECTION_TITLE = re.compile(r"^\d{1,2}\s*\.?\s*[A-Z]\S*(?:\s+\S+){0,8}$")

__all__ = ["EDITION_ID", "ingest_file", "ingest_text"]


def ingest_text(text: str, edition: str, *, title: str | None = None, source: str = "") -> str:
    """The Markdown for one edition's source text; IngestError when the text has no headings at all."""
    _check_edition_id(edition)
    lines = normalise_lines(text)
    book, chapter, chapter_title, section_title, body = _split_preamble(lines)
    blocks = _confirm_headings(list(classify(body)))
    if not any(isinstance(block, Heading) for block in blocks):
        raise IngestError(f"{source or 'the source'} has no headings such as `(1) Title` or `A. Title`")
    root = Node(section_title or title or book or edition, "section", "")
    _build_tree(root, blocks)
    document = Document(edition, title or book, chapter, chapter_title, source, root)
    return to_markdown(document)


def ingest_file(
    source: Path, edition: str, content_dir: Path, *, title: str | None = None, force: bool = False
) -> Path:
    """Ingest `source` into `<content_dir>/<edition>.md`, keeping a copy of the source beside it.

    Nothing is written unless the whole edition was made; an existing, different edition needs `force`.
    """
    _check_edition_id(edition)
    try:
        data = source.read_bytes()
    except OSError as error:
        raise IngestError(f"cannot read {source}: {error.strerror or error}") from None
    markdown_path = content_dir / f"{edition}.md"
    source_copy = content_dir / f"{edition}.txt"
    markdown = ingest_text(decode(data, str(source)), edition, title=title, source=source_copy.name)
    if markdown_path.exists() and not force and markdown_path.read_text(encoding="utf-8") != markdown:
        raise IngestError(f"edition {edition} already exists in {content_dir}; pass --force to replace it")
    content_dir.mkdir(parents=True, exist_ok=True)
    # The library is meant to be read: not the temporary file's private mode.
    if source.resolve() != source_copy.resolve():
        write_atomically(source_copy, data, mode=0o644)
    write_atomically(markdown_path, markdown.encode("utf-8"), mode=0o644)
    return markdown_path


def _check_edition_id(edition: str) -> None:
    if not EDITION_ID.match(edition):
        raise IngestError(f"edition id {edition!r} must be letters, digits, '.', '_' or '-' (e.g. 2022)")


def _split_preamble(lines: list[str]) -> tuple[str, str, str, str, list[str]]:
    """Book title, chapter, chapter title and section title from the lines before the first heading."""
    for index, line in enumerate(lines[:12]):
        if _SECTION_TITLE.match(line) and not line.startswith("("):
            preamble = [text for text in lines[:index] if text]
            chapter_index = next((i for i, text in enumerate(preamble) if _CHAPTER.match(text)), None)
            if chapter_index is None:
                return " ".join(preamble), "", "", line, lines[index + 1 :]
            book = " ".join(preamble[:chapter_index])
            chapter_title = " ".join(preamble[chapter_index + 1 :])
            return book, preamble[chapter_index], chapter_title, line, lines[index + 1 :]
    return "", "", "", "", lines


def _confirm_headings(blocks: list[Block]) -> list[Block]:
    """Headings that fit the numbering get their level; the rest are paragraphs after all."""
    levels = iter(assign_levels([block.label for block in blocks if isinstance(block, Heading)]))
    confirmed: list[Block] = []
    for block in blocks:
        if isinstance(block, Heading):
            level = next(levels)
            block = Paragraph(block.text) if level is None else replace(block, level=level)
        confirmed.append(block)
    return confirmed


def _build_tree(root: Node, blocks: list[Block]) -> None:
    """Hang every block on its node: sections by level, a column from its title to the next heading."""
    stack: list[tuple[int, Node]] = [(0, root)]
    labels: set[str] = set()
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(block, Heading | ColumnTitle):
            while stack[-1][1].kind == "column":
                stack.pop()
        if isinstance(block, Heading):
            while stack[-1][0] >= block.level:
                stack.pop()
            parent = stack[-1][1]
            node = Node(block.text, "section", _label_path(parent, block.label.number or "x", labels))
            parent.children.append(node)
            stack.append((block.level, node))
        elif isinstance(block, ColumnTitle) and following is not None and not isinstance(following, Heading):
            level, parent = stack[-1]
            node = _column(block.text, _label_path(parent, "col", labels))
            parent.children.append(node)
            stack.append((level + 1, node))
        elif isinstance(block, ColumnTitle):
            stack[-1][1].body.append(Paragraph(block.text))
        elif isinstance(block, FootnoteDef):
            stack[-1][1].notes.append(block)
        else:
            stack[-1][1].body.append(block)
    _render_bodies(root)


def _column(title_line: str, label_path: str) -> Node:
    """A column node, headed by its title; a byline glued onto the title line opens its body."""
    title, author_line = split_byline(title_line)
    node = Node(title, "column", label_path)
    if author_line is not None:
        node.body.append(Byline(author_line))
    return node


def _label_path(parent: Node, local: str, taken: set[str]) -> str:
    """A prefix for the footnote labels of a node, unique in the edition: its numbering path."""
    base = f"{parent.label_path}.{local}" if parent.label_path else local
    candidate, suffix = base, 2
    while candidate in taken:
        candidate, suffix = f"{base}~{suffix}", suffix + 1
    taken.add(candidate)
    return candidate


def _render_bodies(node: Node) -> None:
    """Turn a node's blocks into Markdown, each footnote reference linked to its note at the section's end."""
    paragraphs = [block for block in node.body if isinstance(block, Paragraph)]
    references: dict[int, list[tuple[int, int, str]]] = {}
    cursor = (0, 0)
    for note in node.notes:
        label = f"{node.label_path}-{note.marker}"
        for position in range(cursor[0], len(paragraphs)):
            start = cursor[1] if position == cursor[0] else 0
            span = place_reference(paragraphs[position].text, note.marker, start)
            if span:
                references.setdefault(position, []).append((*span, label))
                cursor = (position, span[1])
                break
    rendered: list[str] = []
    position = 0
    for block in node.body:
        if isinstance(block, Paragraph):
            rendered.append(_paragraph(block.text, references.get(position, [])))
            position += 1
        elif isinstance(block, Caption):
            rendered.append(caption(block.text))
        elif isinstance(block, Byline):
            rendered.append(byline(block.text))
        elif isinstance(block, Author):
            rendered.append(author(block.text))
    node.rendered = rendered + [footnote(f"{node.label_path}-{note.marker}", note.text) for note in node.notes]
    for child in node.children:
        _render_bodies(child)


def _paragraph(text: str, references: list[tuple[int, int, str]]) -> str:
    """A paragraph with each glued reference digit replaced by a footnote reference, spaced off the next word."""
    parts: list[str] = []
    position = 0
    for start, end, label in references:
        parts += [escape(text[position:start]), f"[^{label}]"]
        position = end
        if text[end : end + 1].isalnum():
            parts.append(" ")
    parts.append(escape(text[position:]))
    return "".join(parts)
