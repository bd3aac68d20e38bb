"""The index's fields, and the version that names them: bump it whenever the fields or the analysis change."""

from __future__ import annotations

from whoosh.fields import ID, STORED, TEXT, Schema

from bluebook_tui.search.analysis import text_analyzer, word_analyzer

# An index written under another version is never opened: it is rebuilt (see `store.Manifest`).
SCHEMA_VERSION = 5

# Field names, shared by the builder, the query parser and the service.
EDITION, ID_, HEADING, BODY, PATH, WORDS = "edition", "id", "heading", "body", "path", "words"
SEARCHED_FIELDS = (HEADING, BODY)
# A word in the heading counts this much more than the same word in the body.
FIELD_BOOSTS = {HEADING: 2.0, BODY: 1.0}


def build_schema() -> Schema:
    analyzer = text_analyzer()
    return Schema(
        **{
            EDITION: ID(stored=True),
            ID_: ID(stored=True, unique=True),
            HEADING: TEXT(analyzer=analyzer, stored=True, multitoken_query="phrase"),
            # Stored exactly as indexed, with each term's character offsets: the highlighter cuts snippets
            # from the stored text at those offsets instead of analysing every hit's body again.
            BODY: TEXT(analyzer=analyzer, stored=True, chars=True, multitoken_query="phrase"),
            PATH: STORED(),
            # The unstemmed words of heading and body: the vocabulary for "did you mean".
            WORDS: TEXT(analyzer=word_analyzer(), phrase=False),
        }
    )
