"""Alignments kept for reuse: in this process, and in the user cache for the next (the CLI's and the app's alike).

An alignment is keyed by the pair itself: both editions' ids and the SHA-256 of their Markdown, with the format's
version, so a changed edition is aligned afresh and two libraries holding the same editions share one entry. A
damaged or unreadable entry is worked out again; one that cannot be written is only not kept.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from bluebook_tui.compare.alignment import Alignment, Flow, SectionPair, SentenceTrace, align_editions
from bluebook_tui.compare.sentences import Sentence
from bluebook_tui.compare.user_cache import code_fingerprint, default_cache_dir, read_entry, write_entry
from bluebook_tui.library import Edition, Section

# Bump when what an alignment says (or how it is stored) changes: older entries are then worked out again.
FORMAT_VERSION = 1

_memory: dict[str, Alignment] = {}
_lock = threading.Lock()


def alignment_key(left: Edition, right: Edition) -> str:
    """The pair itself (both ids and both editions' content digests), and what aligned it: the format's version and
    the code that cuts texts and traces sentences, so that a new release (or an edit of that code) aligns afresh."""
    return f"{FORMAT_VERSION}-{_code_fingerprint()}-{left.id}-{left.digest}-{right.id}-{right.digest}"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    """Every module an alignment depends on."""
    package = Path(__file__).resolve().parents[1]
    return code_fingerprint(
        [*(package / "compare").glob("*.py"), package / "library" / "markdown.py", package / "library" / "model.py"]
    )


def cached_alignment(left: Edition, right: Edition, cache_dir: Path | None = None) -> Alignment:
    """The alignment of `left` with `right`: from this process, else from the user cache, else worked out (and
    kept in both). Safe to call from several threads: each pair is worked out once."""
    key = alignment_key(left, right)
    with _lock:
        if key in _memory and _memory[key].left is left and _memory[key].right is right:
            return _memory[key]
        name = f"{left.id}-{left.digest[:16]}-{right.id}-{right.digest[:16]}.json"
        path = (cache_dir or default_cache_dir()) / "alignments" / name
        alignment = _read(path, key, left, right)
        if alignment is None:
            alignment = align_editions(left, right)
            write_entry(path, key, _to_json(alignment))
        _memory[key] = alignment
        return alignment


def _read(path: Path, key: str, left: Edition, right: Edition) -> Alignment | None:
    data = read_entry(path, key)
    try:
        return _from_json(data, left, right) if data is not None else None
    except (ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def _to_json(alignment: Alignment) -> dict[str, Any]:
    return {
        "pairs": [_pair_to_json(pair) for pair in alignment.pairs],
        "traces": {
            section_id: [
                [
                    trace.sentence.start,
                    trace.sentence.end,
                    trace.sentence.paragraph,
                    trace.sentence.kind,
                    trace.status,
                    [counterpart.address for counterpart in trace.counterparts],
                    trace.similarity,
                    trace.moved,
                ]
                for trace in traces
            ]
            for section_id, traces in alignment.traces.items()
        },
    }


def _pair_to_json(pair: SectionPair) -> list[Any]:
    return [
        _id(pair.left),
        _id(pair.right),
        pair.similarity,
        pair.status,
        list(pair.flags),
        list(pair.carried_over),
        [[flow.source.id, flow.target.id, flow.sentences, flow.words] for flow in pair.flows],
        _id(pair.destination),
        pair.through_subtree,
    ]


def _from_json(data: dict[str, Any], left: Edition, right: Edition) -> Alignment:
    sections: dict[str, Section] = {section.id: section for edition in (left, right) for section in edition.walk()}
    sentences: dict[str, Sentence] = {}
    rows: dict[str, list[list[Any]]] = data["traces"]
    for section_id, traces in rows.items():
        text = sections[section_id].text
        for index, (start, end, paragraph, kind, *_) in enumerate(traces):
            sentence = Sentence(section_id, index, start, end, text[start:end], paragraph, kind)
            sentences[sentence.address] = sentence
    traces_by_section = {
        section_id: tuple(
            SentenceTrace(
                sentences[f"{section_id}#{index}"],
                status,
                tuple(sentences[address] for address in counterparts),
                similarity,
                moved,
            )
            for index, (_, _, _, _, status, counterparts, similarity, moved) in enumerate(traces)
        )
        for section_id, traces in rows.items()
    }
    if set(traces_by_section) != set(sections):
        raise KeyError("the stored alignment does not cover every section")
    pairs = tuple(_pair_from_json(row, sections) for row in data["pairs"])
    return Alignment(left, right, pairs, traces_by_section)


def _pair_from_json(row: list[Any], sections: dict[str, Section]) -> SectionPair:
    left, right, similarity, status, flags, carried, flows, destination, through_subtree = row
    return SectionPair(
        sections[left] if left else None,
        sections[right] if right else None,
        similarity,
        status,
        tuple(flags),
        (carried[0], carried[1]),
        tuple(Flow(sections[source], sections[target], count, words) for source, target, count, words in flows),
        sections[destination] if destination else None,
        through_subtree,
    )


def _id(section: Section | None) -> str | None:
    return section.id if section is not None else None
