"""Writing the index: one document per section of every edition, built aside and then published.

A library that grows an edition at a time is not indexed again whole: the build starts from a copy of the current
one (its Whoosh segments), deletes the documents of the editions changed or removed, and adds those of the editions
changed or added. Editions are read one at a time from their files and let go once indexed, and Whoosh's writer
keeps to `WRITER_MEMORY_MB`, so memory is bounded by the largest edition, not the library.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from whoosh.index import create_in, open_dir

from bluebook_tui.library.model import load_edition
from bluebook_tui.search.schema import BODY, EDITION, HEADING, ID_, PATH, SCHEMA_VERSION, WORDS, build_schema
from bluebook_tui.search.store import IndexStore, Manifest, file_hashes, file_stamps
from bluebook_tui.search.variants import find_variants

if TYPE_CHECKING:
    from whoosh.writing import IndexWriter

    from bluebook_tui.library import Edition

# The writer's memory for postings before it flushes a segment (Whoosh's `limitmb`, per writer).
WRITER_MEMORY_MB = 64


@dataclass(frozen=True)
class IndexProgress:
    """How far a build has got: editions done of those to index, and sections done of the edition under way."""

    editions_done: int
    editions: int
    sections_done: int
    sections: int


# Called after each section is added.
Progress = Callable[[IndexProgress], None]


def build_index(
    content_dir: Path,
    store: IndexStore,
    content: str,
    progress: Progress | None = None,
    previous: Manifest | None = None,
) -> Manifest:
    """Index the library's edition files into a private directory and publish it (call with the store's build
    lock held).

    `previous`: the current build, when it is of this library and schema: only the editions whose files changed
    are indexed again, into a copy of it.
    """
    stamps = file_stamps(content_dir)  # before hashing: a file changed meanwhile then looks changed next time
    hashes = file_hashes(content_dir)
    kept = _unchanged(previous, hashes, store)
    files = {name: previous.files[name] for name in kept} if previous is not None else {}
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
        todo = [name for name in hashes if name not in kept]
        for done, name in enumerate(todo):
            edition = load_edition(content_dir / name)
            files[name] = [hashes[name], edition.id]
            _add_edition(writer, edition, progress, IndexProgress(done, len(todo), 0, 0))
        writer.commit()
        with open_dir(str(build_dir)).searcher() as searcher:
            find_variants(searcher).save(build_dir)
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    return store.publish(build_dir, SCHEMA_VERSION, content, str(content_dir.resolve()), files, stamps)


def _unchanged(previous: Manifest | None, hashes: dict[str, str], store: IndexStore) -> set[str]:
    """The edition files the previous build already holds as they are now (none when there is no usable one)."""
    if previous is None or not previous.files or not store.generation_path(previous).is_dir():
        return set()
    return {name for name, file_hash in hashes.items() if previous.files.get(name, [""])[0] == file_hash}


def _add_edition(writer: IndexWriter, edition: Edition, progress: Progress | None, at: IndexProgress) -> None:
    """Add the edition's sections, saying after each how far the build is (`at`: before this edition)."""
    sections = list(edition.walk())
    for count, section in enumerate(sections, start=1):
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
            finished = at.editions_done + (count == len(sections))
            progress(IndexProgress(finished, at.editions, count, len(sections)))
