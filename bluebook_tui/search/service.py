"""The search API the app and the CLI call: keeps the index fresh and answers queries, from any thread."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple, cast

from whoosh.collectors import Collector, FacetCollector, FilterCollector, TermsCollector, TopCollector
from whoosh.index import EmptyIndexError, open_dir
from whoosh.qparser import QueryParser
from whoosh.query import Term
from whoosh.searching import Hit, Searcher
from whoosh.sorting import Count, FacetMap, FieldFacet

from bluebook_tui.library.errors import LibraryError
from bluebook_tui.library.files import why_not
from bluebook_tui.search.phrases import PHRASE_POOL, phrase_terms, rank_phrases_first
from bluebook_tui.search.query import (
    MAX_QUERY_CHARS,
    clean_query,
    highlight_pattern,
    last_plain_word,
    search_parser,
    spelling_parser,
    suggest,
    suits_phrase_bonus,
)
from bluebook_tui.search.results import SearchHit, SearchResults
from bluebook_tui.search.schema import BODY, EDITION, HEADING, ID_, PATH, SCHEMA_VERSION
from bluebook_tui.search.snippets import Snippet, opening_snippet, snippet_highlighter
from bluebook_tui.search.store import (
    IndexStore,
    Manifest,
    cache_index_root,
    content_hash,
    default_index_root,
    file_stamps,
)
from bluebook_tui.search.variants import Variants, expand

if TYPE_CHECKING:
    from bluebook_tui.library import Library
    from bluebook_tui.search.builder import Progress

DEFAULT_LIMIT = 20
# `edition:2016` (or `edition:"2016"`) inside a query: an unknown one is said, as `--edition` is, not 0 hits.
_EDITION_FILTER = re.compile(r'(?<![^\s(])edition:"?([^\s")]+)"?')
# Opening a build can race with other processes publishing two newer ones (which removes it): try again.
OPEN_ATTEMPTS = 3


class _OpenIndex(NamedTuple):
    """One published build, opened: its searcher and the query parsers for its schema."""

    searcher: Searcher
    parser: QueryParser
    spelling: QueryParser
    editions: tuple[str, ...]
    variants: Variants

    @classmethod
    def open(cls, path: Path, manifest: Manifest) -> _OpenIndex:
        searcher = open_dir(str(path)).searcher()
        schema = searcher.schema
        # From the manifest: the index's own terms keep a removed edition's id until its segment is merged away.
        editions = tuple(sorted({edition_id for _, edition_id in manifest.files.values()}))
        if not editions:
            editions = tuple(term.decode("utf-8") for term in searcher.reader().lexicon(EDITION))
        return cls(searcher, search_parser(schema), spelling_parser(schema), editions, Variants.load(path))


class SearchService:
    """A library's search index and one long-lived searcher over it.

    Whoosh's `Searcher` is not thread-safe, so every query runs under one lock; the searcher is
    reopened when another process publishes a new build.
    """

    def __init__(self, library: Library, *, index_root: Path | None = None) -> None:
        self._init(library.content_dir, index_root)

    @classmethod
    def for_content_dir(cls, content_dir: Path, *, index_root: Path | None = None) -> SearchService:
        """A service for the library in `content_dir`, without loading it (a build reads one edition at a time)."""
        service = cls.__new__(cls)
        service._init(content_dir, index_root)
        return service

    def _init(self, content_dir: Path, index_root: Path | None) -> None:
        self._content_dir = content_dir.resolve()
        self._store = IndexStore(index_root or default_index_root(content_dir))
        self._lock = threading.Lock()
        self._index: _OpenIndex | None = None
        self._stamp: tuple[int, int] | None = None
        self._highlighter = snippet_highlighter()
        self._explicit_root = index_root is not None
        self._repaired = False
        # What the user should be told (a damaged index rebuilt, say): the CLI prints it, the app shows it.
        self.on_notice: Callable[[str], None] = lambda notice: None

    @property
    def index_root(self) -> Path:
        return self._store.root

    def ensure_index(self, progress: Progress | None = None, *, rebuild: bool = False) -> bool:
        """Build the index when it is missing, stale, damaged or `rebuild` is asked; True when this call built it.

        Raises LibraryError, one line, when no index can be written (beside the library nor in the user cache).
        """
        try:
            manifest, built = self._fresh_manifest(progress, rebuild)
        except OSError as error:
            if self._explicit_root:
                raise LibraryError(f"cannot write the search index in {self._store.root}: {why_not(error)}") from None
            # `index/` beside the library is unusable (a file stands there, say): build in the user cache.
            unusable = self._store.root
            self._store = IndexStore(cache_index_root(self._content_dir))
            self._explicit_root = True
            self.ensure_index(progress, rebuild=rebuild)
            self.on_notice(
                f"The search index cannot be kept in {unusable} ({why_not(error)}); it is in {self._store.root}."
            )
            return True
        with self._lock:
            try:
                self._open(manifest)
            except _DamagedIndex:
                self._repair(progress)
                built = True
        return built

    def contents(self) -> tuple[list[str], int]:
        """The editions the open index holds and how many sections (call after `ensure_index`)."""
        with self._lock:
            index = self._current()
            return list(index.editions), index.searcher.doc_count()

    def _fresh_manifest(self, progress: Progress | None, rebuild: bool) -> tuple[Manifest | None, bool]:
        manifest = self._store.read_manifest()
        stamps = file_stamps(self._content_dir)  # before hashing: a file changed meanwhile looks changed next time
        current = manifest if not rebuild and manifest is not None and self._is_usable(manifest) else None
        # Current by the files' sizes and times alone (no file read), else by their hashes.
        if current is not None and current.stamps and current.stamps == stamps:
            return current, False
        content = content_hash(self._content_dir)
        if current is not None and current.content == content:
            return self._restamped(current, stamps), False
        with self._store.build_lock():
            # Another process may have built it while we waited for the lock.
            manifest = self._store.read_manifest()
            if not rebuild and self._is_fresh(manifest, content):
                return manifest, False
            # Imported here: a search over a fresh index never loads the writing half of Whoosh.
            from bluebook_tui.search.builder import build_index

            # A build of this library and schema is the start of the next one (unless asked to rebuild).
            previous = manifest if manifest is not None and self._is_ours(manifest) and not rebuild else None
            return build_index(self._content_dir, self._store, content, progress, previous), True

    def _restamped(self, manifest: Manifest, stamps: dict[str, list[int]]) -> Manifest:
        """The current build's manifest with the files' stamps as they are now (touched since, or of a build from
        before stamps were kept), so the next start knows it current without hashing. Best effort."""
        try:
            with self._store.build_lock():
                return self._store.restamp(manifest, stamps)
        except OSError:
            return manifest

    def _repair(self, progress: Progress | None) -> None:
        """Rebuild a build that cannot be read and open the new one (call with `_lock` held)."""
        try:
            manifest, _ = self._fresh_manifest(progress, rebuild=True)
            self._open(manifest)
        except (OSError, _DamagedIndex) as error:
            raise LibraryError(
                f"the search index in {self._store.root} is damaged and could not be rebuilt: {error}"
            ) from None
        self._repaired = True
        self.on_notice(f"The search index in {self._store.root} could not be read; it was rebuilt.")

    def search(
        self,
        query: str,
        edition: str | None = None,
        limit: int = DEFAULT_LIMIT,
        *,
        as_you_type: bool = False,
        as_typed: bool = False,
        progress: Progress | None = None,
    ) -> SearchResults:
        """The best `limit` hits for a user's query; never raises on what the user typed.

        `as_you_type`: the query is being typed, so when it matches nothing as written and ends in a plain word,
        that word is searched as the start of words (`IBU` finds IBUKI); `word_start` then says so. A query that
        matches nothing and has a suggestion ("did you mean") is searched as suggested, `showing` saying so, unless
        `as_typed`. `progress` is told how a build goes when the index has to be built first.
        """
        text = clean_query(query)
        if not text:
            return SearchResults(query)
        if len(text) > MAX_QUERY_CHARS:
            return SearchResults(query, error=f"the query is too long (over {MAX_QUERY_CHARS} characters)")
        if limit < 1:
            return SearchResults(query, error=f"the limit must be at least 1, not {limit}")
        if self._index is None:
            try:
                self.ensure_index(progress)
            except LibraryError as error:
                return SearchResults(query, error=str(error))
        with self._lock:
            try:
                try:
                    index = self._current()
                except _DamagedIndex:  # another process published a build that cannot be read
                    self._repair(None)
                    index = self._current()
                for asked in (edition, *_EDITION_FILTER.findall(text)):
                    if asked is not None and asked not in index.editions:
                        known = ", ".join(index.editions)
                        return SearchResults(query, error=f"no edition {asked!r} (editions: {known})")
                try:
                    results = self._run(index, query, text, edition, limit)
                except Exception:
                    # A build damaged after it was opened shows only here: rebuilt once, not on every failing query.
                    if self._repaired:
                        raise
                    self._repair(None)
                    index = self._current()
                    results = self._run(index, query, text, edition, limit)
                word = last_plain_word(text) if as_you_type and results.total == 0 else None
                if word is not None:
                    started = self._run(index, query, text + "*", edition, limit)
                    if started.total:
                        return started._replace(suggestion=None, word_start=word)
                if (
                    results.total == 0
                    and results.suggestion
                    and not as_typed
                    and looks_misspelt(text, results.suggestion)
                ):
                    suggested = self._run(index, query, clean_query(results.suggestion), edition, limit)
                    if suggested.total:
                        return suggested._replace(suggestion=results.suggestion, showing=results.suggestion)
                return results
            except LibraryError as error:
                return SearchResults(query, error=str(error))
            except Exception as error:  # a query must never take the app down: say why in one line
                return SearchResults(query, error=f"the query could not be run: {_first_line(error)}")

    def _run(self, index: _OpenIndex, query: str, text: str, edition: str | None, limit: int) -> SearchResults:
        expansion = expand(index.parser.parse(text), index.variants)
        parsed = expansion.query
        edition_filter = Term(EDITION, edition) if edition is not None else None
        bonus = suits_phrase_bonus(text)
        # Built as `Searcher.search` builds it, but with `replace=0`: Whoosh's top-N collector otherwise swaps in a
        # matcher that skips the documents that can no longer make the top N, and its count falls short
        # (`Japan`: 32 with limit 1, 68 in all). usequality=False: no skipping by block quality either.
        collector: Collector = TopCollector(max(limit, PHRASE_POOL) if bonus else limit, usequality=False, replace=0)
        # Hits per edition, from one facet over every match (inside the filter: what it lets through).
        per_edition = FacetCollector(collector, FieldFacet(EDITION, maptype=Count))
        collector = per_edition
        if edition_filter is not None:
            collector = FilterCollector(collector, allow=edition_filter)
        collector = TermsCollector(collector)
        index.searcher.search_with_collector(parsed, collector)
        results = collector.results()
        best = [results[rank] for rank in range(results.scored_length())]
        if bonus:
            ranked = rank_phrases_first(index.searcher, phrase_terms(index.searcher, text), best)
        else:
            ranked = [(hit, hit.score or 0.0) for hit in best]
        return SearchResults(
            query=query,
            total=len(results),
            suggestion=suggest(index.searcher, index.spelling.parse(text), text),
            hits=tuple(self._hit(hit, score) for hit, score in ranked[:limit]),
            pattern=highlight_pattern(parsed, index.searcher.reader()),
            variants=tuple(dict.fromkeys(expansion.added)),
            per_edition=tuple(sorted(cast(FacetMap, per_edition.facetmaps[EDITION]).as_dict().items())),
        )

    def _hit(self, hit: Hit, score: float) -> SearchHit:
        # SpanFormatter makes the highlighter return a Snippet rather than a string.
        snippet = cast(Snippet, self._highlighter.highlight_hit(hit, BODY, top=2))
        if not snippet.text:
            snippet = opening_snippet(hit[BODY])
        return SearchHit(
            edition=hit[EDITION],
            id=hit[ID_],
            heading=hit[HEADING],
            path=tuple(hit[PATH]),
            score=score,
            snippet=snippet.text,
            highlights=snippet.highlights,
        )

    def _is_fresh(self, manifest: Manifest | None, content: str) -> bool:
        return manifest is not None and manifest.content == content and self._is_usable(manifest)

    def _is_usable(self, manifest: Manifest) -> bool:
        """Whether a manifest names a build this service can open and that is still there."""
        return self._is_ours(manifest) and self._store.generation_path(manifest).is_dir()

    def _is_ours(self, manifest: Manifest) -> bool:
        """Whether a manifest names a build this service can open: of its schema, for its library."""
        return manifest.schema == SCHEMA_VERSION and manifest.library == str(self._content_dir)

    def _current(self) -> _OpenIndex:
        """The open index, reopened first if another process has published a newer build."""
        if self._stamp != self._store.manifest_stamp():
            manifest = self._store.read_manifest()
            if manifest is not None and self._is_ours(manifest):
                self._open(manifest)
        assert self._index is not None, "ensure_index() opens the first build"
        return self._index

    def _open(self, manifest: Manifest | None) -> None:
        """Open a build, or the one published since if builds in other processes removed it meanwhile.

        Raises _DamagedIndex when the build is there but cannot be read."""
        for _ in range(OPEN_ATTEMPTS):
            if manifest is None:
                break
            path = self._store.generation_path(manifest)
            try:
                index = _OpenIndex.open(path, manifest)
            except (OSError, EmptyIndexError):
                manifest = self._store.read_manifest()
                continue
            except Exception as error:  # Whoosh says damage many ways (IndexError, struct.error, EOFError, …)
                raise _DamagedIndex(_first_line(error)) from None
            if self._index is not None:
                self._index.searcher.close()
            self._index, self._stamp = index, self._store.manifest_stamp()
            return
        raise _DamagedIndex("its files cannot be opened")


class _DamagedIndex(Exception):
    """A published build that cannot be read: rebuilt, and the user told."""


def looks_misspelt(text: str, suggestion: str) -> bool:
    """Whether every word the suggestion changes looks like a slip of the hand for it: five letters or more, not the
    start of the suggested word (an unfinished one: `pira`), and mostly the same letters (`commision`, not `IBU` for
    "its")."""
    changed = [(word, new) for word, new in zip(text.split(), suggestion.split(), strict=False) if word.lower() != new]
    return bool(changed) and all(
        len(word) >= 5 and not new.startswith(word.lower()) and _likeness(word.lower(), new) >= 0.8
        for word, new in changed
    )


def _likeness(word: str, other: str) -> float:
    """difflib's ratio of the two words; imported only when a query has no hits (a search with hits needs none)."""
    from difflib import SequenceMatcher

    return SequenceMatcher(None, word, other).ratio()


def _first_line(error: BaseException) -> str:
    return (str(error) or type(error).__name__).splitlines()[0]
