"""The document model: each edition's Markdown loaded into an immutable tree of sections."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from bluebook_tui.library.errors import LibraryError, UnknownEditionError, UnknownSectionError
from bluebook_tui.library.labels import split_label
from bluebook_tui.library.markdown import BYLINE_ATTR, CAPTION_ATTR, parser, to_plain_text

SectionKind = Literal["section", "column"]
# What a paragraph of a section's text is: running text, a photo caption, a column's byline, or a footnote.
BlockKind = Literal["body", "caption", "byline", "footnote"]
# Paragraphs are the blocks between blank lines, in a section's Markdown and in its text alike.
_BLOCK_SEPARATOR = re.compile(r"\n[ \t]*\n")
_PARAGRAPH = re.compile(r"\S(?:.*?\S)??(?=\s*\n\s*\n|\s*\Z)", re.DOTALL)


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Where each paragraph of a text starts and ends (the blocks between blank lines, without their edges'
    spacing): the one definition the sentences, the comparison and the reader's marks count by."""
    return [match.span() for match in _PARAGRAPH.finditer(text)]


@dataclass(frozen=True, eq=False)
class Section:
    """A heading of an edition with its own body; its children are the headings nested under it."""

    id: str
    edition: str
    number: str | None
    title: str
    heading: str
    level: int
    kind: SectionKind
    markdown: str
    children: tuple[Section, ...] = ()
    parent: Section | None = field(default=None, repr=False)

    @cached_property
    def text(self) -> str:
        """This section's own body as plain text."""
        return to_plain_text(self.markdown)

    @cached_property
    def block_kinds(self) -> tuple[BlockKind, ...]:
        """The kind of each paragraph of `text`, in order (paragraphs are the blocks between blank lines)."""
        return tuple(_block_kind(block) for block in _BLOCK_SEPARATOR.split(self.markdown) if _has_text(block))

    @property
    def path(self) -> tuple[str, ...]:
        """The headings from the top of the edition down to this one."""
        ancestors: list[str] = []
        node: Section | None = self
        while node is not None:
            ancestors.append(node.heading)
            node = node.parent
        return tuple(reversed(ancestors))

    @property
    def place(self) -> str:
        """Where the section stands, for people: `2022 › (4) The Oceans and Seas › B Ensuring Safe …`."""
        return " › ".join((self.edition, *self.path))

    def is_within(self, ancestor: Section) -> bool:
        """Whether this section is `ancestor` or stands below it."""
        node: Section | None = self
        while node is not None:
            if node is ancestor:
                return True
            node = node.parent
        return False

    def walk(self) -> Iterator[Section]:
        """This section and every section below it, in reading order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, eq=False)
class Edition:
    """One edition of the Bluebook chapter: its metadata, its top-level sections and its Markdown."""

    id: str
    book: str
    chapter: str
    chapter_title: str
    heading: str
    intro: str
    sections: tuple[Section, ...]
    markdown: str
    path: Path
    # The SHA-256 of `markdown`, when it was worked out before (the library snapshot keeps it).
    known_digest: str | None = field(default=None, repr=False)

    @cached_property
    def digest(self) -> str:
        """The SHA-256 of the edition's Markdown: what says two editions' texts are the same."""
        if self.known_digest is not None:
            return self.known_digest
        import hashlib  # ~3 ms to load OpenSSL: only when no snapshot has the digest already

        return hashlib.sha256(self.markdown.encode()).hexdigest()

    @property
    def title(self) -> str:
        """The edition's section title without its number (`Global Security`)."""
        return re.sub(r"^\d+\.?\s*", "", self.heading)

    def walk(self) -> Iterator[Section]:
        """Every section of the edition, in reading order."""
        for section in self.sections:
            yield from section.walk()

    def step(self, section: Section, step: int) -> Section | None:
        """The section `step` places after this one in reading order (-1: the one before); None past either end."""
        sections = list(self.walk())
        index = sections.index(section) + step
        return sections[index] if 0 <= index < len(sections) else None

    @cached_property
    def _by_id(self) -> dict[str, Section]:
        return {section.id: section for section in self.walk()}

    def section(self, section_id: str) -> Section:
        """The section with this id; UnknownSectionError names the edition's ids when there is none."""
        try:
            return self._by_id[section_id]
        except KeyError:
            known = ", ".join(section.id for section in self.sections)
            raise UnknownSectionError(
                f"no section {section_id!r} in edition {self.id} (top-level sections: {known})"
            ) from None


@dataclass(frozen=True, eq=False)
class Library:
    """Every edition in a content directory, keyed by edition id, oldest first."""

    content_dir: Path
    editions: Mapping[str, Edition]
    # Each edition's heading where it is known without reading the edition (the library snapshot keeps them).
    headings: Mapping[str, str] = field(default_factory=dict)

    def heading(self, edition_id: str) -> str:
        """An edition's heading (`3. Global Security`), read from the edition only when the library does not know it."""
        known = self.headings.get(edition_id)
        return known if known is not None else self.edition(edition_id).heading

    @property
    def newest(self) -> Edition:
        return self.editions[max(self.editions)]

    def edition(self, edition_id: str) -> Edition:
        try:
            return self.editions[edition_id]
        except KeyError:
            raise UnknownEditionError(
                f"no edition {edition_id!r} in {self.content_dir} (editions: {', '.join(self.editions)})"
            ) from None

    def section(self, section_id: str) -> Section:
        """The section with an id such as `2022/4.A.C`."""
        edition_id, _, _ = section_id.partition("/")
        if edition_id not in self.editions:
            raise UnknownSectionError(
                f"no section {section_id!r}: ids start with an edition ({', '.join(self.editions)}), e.g. 2022/4.A"
            )
        return self.editions[edition_id].section(section_id)

    def find(self, section_id: str) -> Section | None:
        """The section with this id, or None when the library has none (a stale bookmark or index, say)."""
        try:
            return self.section(section_id)
        except UnknownSectionError:
            return None

    def walk(self) -> Iterator[Section]:
        for edition in self.editions.values():
            yield from edition.walk()


def _has_text(block: str) -> bool:
    return bool(to_plain_text(block))


def _block_kind(block: str) -> BlockKind:
    block = block.lstrip()
    if block.startswith("[^"):
        return "footnote"
    if block.startswith(CAPTION_ATTR):
        return "caption"
    return "byline" if block.startswith(BYLINE_ATTR) else "body"


def require_content_dir(content_dir: Path) -> None:
    """Raise LibraryError, one line, unless `content_dir` is a directory."""
    if not content_dir.is_dir():
        why = "is a file, not a directory" if content_dir.exists() else "does not exist"
        raise LibraryError(f"content directory {content_dir} {why}")


def load_library(content_dir: Path) -> Library:
    """Load every `*.md` edition in a content directory."""
    require_content_dir(content_dir)
    files = sorted(content_dir.glob("*.md"))
    if not files:
        raise LibraryError(f"no editions (*.md) in {content_dir}")
    editions = [load_edition(path) for path in files]
    return Library(content_dir, {edition.id: edition for edition in sorted(editions, key=lambda e: e.id)})


def load_edition(path: Path) -> Edition:
    """Parse one edition's Markdown into its section tree."""
    try:
        markdown = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LibraryError(f"cannot read edition {path}: {error}") from None
    return parse_edition(markdown, path)


@dataclass
class _Draft:
    """A section while its children are still being gathered."""

    heading: str
    level: int
    kind: SectionKind
    body: str = ""
    children: list[_Draft] = field(default_factory=list)


def parse_edition(markdown: str, path: Path) -> Edition:
    """Build an edition from its Markdown (front matter, one `#` heading, sections at `##` and below)."""
    tokens = parser().parse(markdown)
    lines = markdown.splitlines(keepends=True)
    meta: dict[str, str] = {}
    # Each heading with the line its body starts on and the line the heading itself starts on.
    headings: list[tuple[_Draft, int, int]] = []
    for index, token in enumerate(tokens):
        if token.type == "front_matter":
            meta = _front_matter(token.content, path)
        elif token.type == "heading_open" and token.map and token.level == 0:
            kind: SectionKind = "column" if "column" in str(token.attrs.get("class", "")) else "section"
            heading = to_plain_text(tokens[index + 1].content)
            starts = token.map[0] - 1 if token.attrs and token.map[0] > 0 else token.map[0]
            headings.append((_Draft(heading, int(token.tag[1:]) - 1, kind), token.map[1], starts))
    if not headings or headings[0][0].level != 0 or "edition" not in meta:
        raise LibraryError(f"{path}: not a Bluebook edition (front matter, then a `#` heading)")
    body_ends = [starts for _, _, starts in headings[1:]] + [len(lines)]
    for (draft, body_start, _), body_end in zip(headings, body_ends, strict=True):
        draft.body = _body(lines, body_start, body_end)
    root = headings[0][0]
    stack = [root]
    for draft, _, starts in headings[1:]:
        while stack[-1].level >= draft.level:
            stack.pop()
        if draft.level != stack[-1].level + 1:
            raise LibraryError(f"{path}:{starts + 1}: heading {draft.heading!r} skips a level")
        stack[-1].children.append(draft)
        stack.append(draft)
    edition_id = meta["edition"]
    taken: list[str] = []
    return Edition(
        id=edition_id,
        book=meta.get("book", ""),
        chapter=meta.get("chapter", ""),
        chapter_title=meta.get("chapter_title", ""),
        heading=root.heading,
        intro=root.body,
        sections=tuple(_build(child, edition_id, None, taken) for child in root.children),
        markdown=markdown,
        path=path,
    )


def _body(lines: list[str], start: int, end: int) -> str:
    body = "".join(lines[start:end]).strip("\n")
    return body + "\n" if body else ""


def _front_matter(content: str, path: Path) -> dict[str, str]:
    meta: dict[str, str] = {}
    for line in content.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            continue
        try:
            meta[key.strip()] = str(json.loads(value.strip()))
        except json.JSONDecodeError:
            raise LibraryError(f'{path}: front matter line {line!r} is not `key: "value"`') from None
    return meta


def _build(draft: _Draft, edition_id: str, parent: Section | None, taken: list[str]) -> Section:
    label = split_label(draft.heading) if draft.kind == "section" else None
    number = label.number if label else None
    title = label.title if label else draft.heading
    local = _local_id(draft, number, title, parent, taken)
    section_id = f"{edition_id}/{local}" if parent is None else f"{parent.id}.{local}"
    section = Section(
        id=section_id,
        edition=edition_id,
        number=number,
        title=title,
        heading=draft.heading,
        level=draft.level,
        kind=draft.kind,
        markdown=draft.body,
        parent=parent,
    )
    siblings: list[str] = []
    attach_children(section, tuple(_build(child, edition_id, section, siblings) for child in draft.children))
    return section


def attach_children(section: Section, children: tuple[Section, ...]) -> None:
    """Give a new section its children, which can only be made once it exists (frozen for everyone else)."""
    object.__setattr__(section, "children", children)


def _local_id(draft: _Draft, number: str | None, title: str, parent: Section | None, taken: list[str]) -> str:
    if draft.kind == "column":
        local = f"col{sum(1 for t in taken if t.startswith('col')) + 1}"
    elif number is not None:
        local = number
    else:
        words = re.findall(r"[a-z0-9]+", title.lower())[:3]
        local = "-".join(words) or "untitled"
    candidate, suffix = local, 2
    while candidate in taken:
        candidate, suffix = f"{local}~{suffix}", suffix + 1
    taken.append(candidate)
    return candidate
