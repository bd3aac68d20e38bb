"""How a section is cited when copied: book, chapter, and the heading path down to the section."""

from __future__ import annotations

from bluebook_tui.library.model import Edition, Section


def citation(edition: Edition, section: Section) -> str:
    """E.g. `Diplomatic Bluebook 2022, Chapter 3 “…”, 3 Global Security › (4) The Oceans and Seas › A Order at Sea`."""
    trail = " › ".join((edition.heading, *section.path))
    return f"{edition.book}, {edition.chapter} “{edition.chapter_title}”, {trail}"
