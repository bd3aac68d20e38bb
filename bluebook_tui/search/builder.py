"""Writing the index: one document per section of every edition, built aside and then published."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import TYPE_CHECKING

from whoosh.index import create_in, open_dir

from bluebook_tui.search.schema import BODY, EDITION, HEADING, ID_, PATH, SCHEMA_VERSION, WORDS, build_schema
from bluebook_tui.search.store import IndexStore, Manifest
from bluebook_tui.search.variants import find_variants

if TYPE_CHECKING:
    from bluebook_tui.library import Library

# Called after each section is added: (sections done, sections in all).
Progress = Callable[[int, int], None]


def build_index(library: Library, store: IndexStore, content: str, progress: Progress | None = None) -> Manifest:
    """Index every section into a private directory and publish it (call with the store's build lock held)."""
    build_dir = store.new_build_dir()
    try:
        # create_in() is only safe here because nobody else knows this directory.
        writer = create_in(str(build_dir), build_schema()).writer()
        sections = list(library.walk())
        for done, section in enumerate(sections, start=1):
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
                progress(done, len(sections))
        writer.commit()
        with open_dir(str(build_dir)).searcher() as searcher:
            find_variants(searcher).save(build_dir)
    except BaseException:
        shutil.rmtree(build_dir, ignore_errors=True)
        raise
    return store.publish(build_dir, SCHEMA_VERSION, content, str(library.content_dir.resolve()))
