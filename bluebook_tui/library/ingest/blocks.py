"""Classify the source's lines into the blocks of a document: headings, paragraphs, captions, notes, columns."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from bluebook_tui.library.ingest.captions import undouble, undouble_split
from bluebook_tui.library.labels import PAREN_TEXT, Label, split_label


@dataclass(frozen=True)
class Heading:
    text: str
    label: Label
    level: int = 0


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Caption:
    text: str


@dataclass(frozen=True)
class Author:
    """A `■Name, affiliation` line that introduces a voice inside a column."""

    text: str


@dataclass(frozen=True)
class Byline:
    """A column's author and affiliation, split off its title line (see `bylines`)."""

    text: str


@dataclass(frozen=True)
class FootnoteDef:
    marker: str
    text: str


@dataclass(frozen=True)
class ColumnTitle:
    text: str


Block = Heading | Paragraph | Caption | Author | Byline | FootnoteDef | ColumnTitle

_FOOTNOTE = re.compile(r"^•\s*(\d{1,3}|Note)\s*:?\s+(\S.*)$")
_TERMINATED = re.compile(r"[.!?:;,”\"’']\d{0,2}$")
_SENTENCE_BREAK = re.compile(r"[a-z]{2,}[.!?] [A-Z]")
_MAX_HEADING = 200
_MAX_PAREN_TEXT_HEADING = 100
_MAX_COLUMN_TITLE = 250
_MAX_FIGURE_LINE = 160


def _looks_like_heading(line: str) -> Label | None:
    label = split_label(line)
    if label is None or len(line) > _MAX_HEADING or not label.title:
        return None
    if line.endswith(")") and label.style != PAREN_TEXT:
        return label  # a cross-reference such as `(see Chapter 2, … on page 45)` closes some headings
    if _TERMINATED.search(line) or _SENTENCE_BREAK.search(line):
        return None
    if label.style == PAREN_TEXT and (len(line) > _MAX_PAREN_TEXT_HEADING or any(c.isdigit() for c in line)):
        return None
    return label


def _is_unterminated_title(line: str, limit: int) -> bool:
    return len(line) <= limit and not _TERMINATED.search(line) and not _SENTENCE_BREAK.search(line)


def classify(lines: Iterable[str]) -> Iterator[Block]:
    """Blocks in reading order. Paragraphs are blank-line separated; captions, notes and headings may touch."""
    groups: list[list[str]] = [[]]
    for line in lines:
        if line:
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    for group in groups:
        yield from _classify_group(group)


def _classify_group(group: list[str]) -> Iterator[Block]:
    index = 0
    while index < len(group):
        line = group[index]
        following = group[index + 1] if index + 1 < len(group) else ""
        footnote = _FOOTNOTE.match(line)
        caption = undouble(line)
        split_caption = None if caption else undouble_split(line, following)
        label = _looks_like_heading(line)
        if footnote:
            yield FootnoteDef(footnote.group(1), footnote.group(2))
        elif caption:
            yield Caption(caption)
        elif split_caption:
            yield Caption(split_caption)
            index += 1
        elif label:
            yield Heading(line, label)
        elif line.startswith("■"):
            yield Author(line)
        elif len(group) > 1 and _is_unterminated_title(line, _MAX_FIGURE_LINE):
            yield Caption(line)  # a figure's title or an undoubled caption, printed among other captions
        elif len(group) == 1 and _is_unterminated_title(line, _MAX_COLUMN_TITLE):
            yield ColumnTitle(line)
        else:
            yield Paragraph(line)
        index += 1
