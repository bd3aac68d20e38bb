"""Test support: the editions, counting words the way a reader checks "nothing lost", running the CLI."""

from __future__ import annotations

import re
from collections import Counter

import pytest

from bluebook_tui.cli import main
from bluebook_tui.library import Edition

EDITIONS = ("2016", "2022")

_WORD = re.compile(r"[^\W\d_]+|\d+")
# Doubled captions glue the end of one copy to the start of the next (`gradersInstructor`, `COPUOSThe`).
_CASE_SEAM = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_ATTRIBUTES = re.compile(r"^\{[^}]*\}$", re.MULTILINE)
_FOOTNOTE_LABEL = re.compile(r"\[\^[^\]]*?-(\w+)\]")


def words(text: str) -> Counter[str]:
    return Counter(word for token in _WORD.findall(text) for word in _CASE_SEAM.split(token))


def edition_words(edition: Edition) -> Counter[str]:
    """The words a reader finds in an edition's Markdown: its front matter's titles and its body, without markup."""
    body = edition.markdown.split("\n---\n", 1)[1]
    body = _FOOTNOTE_LABEL.sub(r"\1", _ATTRIBUTES.sub("", body))
    return words(" ".join([edition.book, edition.chapter, edition.chapter_title, body]))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`bluebook ARGV…` in this process: the exit status, stdout and stderr (argparse's usage errors exit)."""
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = int(stop.code or 0)
    captured = capsys.readouterr()
    return code, captured.out, captured.err
