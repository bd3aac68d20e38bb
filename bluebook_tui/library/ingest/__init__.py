"""Ingest: turn a plain-text edition, as published and flattened, into the library's Markdown.

Deterministic: the same source always gives the same Markdown, byte for byte.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from bluebook_tui.library.errors import IngestError
from bluebook_tui.library.files import atomic_writer, copy_atomically
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
from bluebook_tui.library.ingest.normalise import normalise_lines, read_lines
from bluebook_tui.library.ingest.outline import assign_levels
from bluebook_tui.library.ingest.render import (
    Document,
    Node,
    author,
    byline,
    caption,
    escape,
    footnote,
    markdown_chunks,
)

EDITION_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
_CHAPTER = re.compile(r"^Chapter\s+\w+$", re.IGNORECASE)
_SECTION_TITLE = re.compile(r"^\d{1,2}\s*\.?\s*[A-Z]\S*(?:\s+\S+){0,8}$")

__all__ = ["EDITION_ID", "Ingested", "ingest_file", "ingest_text"]


Progress = Callable[[str, int, int], None]  # (what is being done, done, of how many)


@dataclass(frozen=True)
class Ingested:
    """An edition written to the library: where, and how many sections and columns it has."""

    path: Path
    sections: int
    columns: int


def ingest_text(
    text: str, edition: str, *, title: str | None = None, source: str = "", progress: Progress | None = None
) -> str:
    """The Markdown for one edition's source text; IngestError when the text has no headings at all."""
    chunks, _, _ = _ingest(normalise_lines(text), edition, title=title, source=source, progress=progress)
    return "".join(chunks)


def _ingest(
    lines: list[str],
    edition: str,
    *,
    title: str | None,
    source: str,
    progress: Progress | None,
    named: str | None = None,
) -> tuple[Iterator[str], int, int]:
    """The Markdown in chunks, and how many sections and columns it has. A long book is let go of stage by stage
    (its lines once they are blocks, each section's blocks once rendered, each chunk once written): a 50 MB
    edition then peaks at about twice its size, not at every stage's copy at once. `source` is the name the front
    matter records (the library's copy), `named` the one messages use (the file the user gave)."""
    _check_edition_id(edition)
    book, chapter, chapter_title, section_title, body = _split_preamble(lines)
    lines.clear()
    blocks = _confirm_headings(list(classify(_counted(body, progress))))
    del body
    if not any(isinstance(block, Heading) for block in blocks):
        raise IngestError(f"{named or source or 'the source'} has no headings such as `(1) Title` or `A. Title`")
    root = Node(section_title or title or book or edition, "section", "")
    if progress is not None:
        progress("Building sections", 0, 1)
    _build_tree(root, blocks)
    del blocks
    nodes = list(_walk(root))[1:]
    columns = sum(1 for node in nodes if node.kind == "column")
    document = Document(edition, title or book, chapter, chapter_title, source, root)
    return markdown_chunks(document), len(nodes) - columns, columns


def _counted(lines: list[str], progress: Progress | None) -> Iterator[str]:
    """The lines, saying every so often how many have been read."""
    step = max(1, len(lines) // 100)
    for number, line in enumerate(lines):
        if progress is not None and number % step == 0:
            progress("Reading lines", number, len(lines))
        yield line


def ingest_file(
    source: Path,
    edition: str,
    content_dir: Path,
    *,
    title: str | None = None,
    force: bool = False,
    progress: Progress | None = None,
) -> Ingested:
    """Ingest `source` into `<content_dir>/<edition>.md`, keeping a copy of the source beside it.

    Nothing is written unless the whole edition was made; an existing, different edition needs `force`.
    """
    _check_edition_id(edition)
    markdown_path = content_dir / f"{edition}.md"
    source_copy = content_dir / f"{edition}.txt"
    try:
        lines = read_lines(source)
    except OSError as error:
        raise IngestError(f"cannot read {source}: {error.strerror or error}") from None
    chunks, sections, columns = _ingest(
        lines, edition, title=title, source=source_copy.name, named=source.name, progress=progress
    )
    if progress is not None:
        progress("Writing", 0, 1)
    content_dir.mkdir(parents=True, exist_ok=True)
    # The library is meant to be read: not the temporary file's private mode.
    with atomic_writer(markdown_path, mode=0o644) as stream:
        for chunk in chunks:
            stream.write(chunk.encode("utf-8"))
        if markdown_path.exists():
            if stream.same_as(markdown_path):
                stream.discard()  # the same edition again: nothing rewritten
            elif not force:
                raise IngestError(f"edition {edition} already exists in {content_dir}; pass --force to replace it")
        if source.resolve() != source_copy.resolve() and not _same_bytes(source, source_copy):
            copy_atomically(source, source_copy, mode=0o644)
    return Ingested(markdown_path, sections, columns)


def _same_bytes(one: Path, other: Path) -> bool:
    import filecmp

    return other.exists() and filecmp.cmp(one, other, shallow=False)


def _walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children:
        yield from _walk(child)


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
    labels: dict[str, int] = {}
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


def _label_path(parent: Node, local: str, taken: dict[str, int]) -> str:
    """A prefix for the footnote labels of a node, unique in the edition: its numbering path, then `~2`, `~3` for
    the same path again (counted, not searched for: a long book repeats a path thousands of times)."""
    base = f"{parent.label_path}.{local}" if parent.label_path else local
    seen = taken.get(base, 0)
    taken[base] = seen + 1
    return base if seen == 0 else f"{base}~{seen + 1}"


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
    node.body.clear()  # rendered: the blocks are not needed again
    node.notes.clear()
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
