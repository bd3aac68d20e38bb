"""Writing the index: one document per section of every edition, built aside and then published.

A library that grows an edition at a time is not indexed again whole: the build starts from a copy of the current
one (its Whoosh segments), deletes the documents of the editions changed or removed, and adds those of the editions
changed or added. Whoosh's writer keeps to `WRITER_MEMORY_MB` however large the edition.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from whoosh.index import create_in, open_dir

from bluebook_tui.search.schema import BODY, EDITION, HEADING, ID_, PATH, SCHEMA_VERSION, WORDS, build_schema
from bluebook_tui.search.store import IndexStore, Manifest, file_hashes
from bluebook_tui.search.variants import find_variants

if TYPE_CHECKING:
    from whoosh.writing import IndexWriter

    from bluebook_tui.library import Edition, Library

# The writer's memory for postings before it flushes a segment (Whoosh's `limitmb`, per writer).
WRITER_MEMORY_MB = 128


@dataclass(frozen=True)
class IndexProgress:
    """How far a build has got: editions (of those to index) and their sections."""

    editions_done: int
    editions: int
    sections_done: int
    sections: int


# Called after each section is added.
Progress = Callable[[IndexProgress], None]


def build_index(
    library: Library,
    store: IndexStore,
    content: str,
    progress: Progress | None = None,
    previous: Manifest | None = None,
) -> Manifest:
    """Index the library into a private directory and publish it (call with the store's build lock held).

    `previous`: the current build, when it is of this library and schema: only the editions whose files changed
    are indexed again, into a copy of it.
    """
    hashes = file_hashes(library.content_dir)
    files = {
        edition.path.name: [hashes.get(edition.path.name, ""), edition.id] for edition in library.editions.values()
    }
    kept = _unchanged(previous, files, store)
    build_dir = store.new_build_dir()
    try:
        if kept and previous is not None:
            shutil.copytree(store.generation_path(previous), build_dir, dirs_exist_ok=True)
            writer = open_dir(str(build_dir)).writer(limitmb=WRITER_MEMORY_MB)
            for name, (_, edition_id) in previous.files.items():
                if name not in kept:
                    writer.delete_by_term(EDITION, edition_id)
        else:
            # create_in() is only safe here because nobody else knows this directory.
            writer = create_in(str(build_dir), build_schema()).writer(limitmb=WRITER_MEMORY_MB)
        todo = [edition for edition in library.editions.values() if edition.path.name not in kept]
        _add_editions(writer, todo, progress)
        writer.commit()
        with open_dir(str(build_dir)).searcher() as searcher:
            find_variants(searcher).save(build_dir)
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    return store.publish(build_dir, SCHEMA_VERSION, content, str(library.content_dir.resolve()), files)


def _unchanged(previous: Manifest | None, files: dict[str, list[str]], store: IndexStore) -> set[str]:
    """The edition files the previous build already holds as they are now (none when there is no usable one)."""
    if previous is None or not previous.files or not store.generation_path(previous).is_dir():
        return set()
    return {name for name, entry in files.items() if previous.files.get(name) == entry}


def _add_editions(writer: IndexWriter, editions: list[Edition], progress: Progress | None) -> None:
    sections = [(done, section) for done, edition in enumerate(editions) for section in edition.walk()]
    for added, (editions_done, section) in enumerate(sections, start=1):
        writer.add_document(
            **{
                EDITION: section.edition,
                ID_: section.id,
                HEADING: section.heading,
                BODY: section.text,
                PATH: list(section.path),
                WORDS: f"{section.heading}\n{section.text}",
            }
        )
        if progress is not None:
            finished = editions_done + (added == len(sections) or sections[added][0] != editions_done)
            progress(IndexProgress(finished, len(editions), added, len(sections)))
