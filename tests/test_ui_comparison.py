"""The app's comparison asked from several threads at once (views on the UI thread, workers beside them)."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import pytest

from bluebook_tui.library import Library, Section
from bluebook_tui.ui import comparison as comparison_module
from bluebook_tui.ui.comparison import Comparison

Result = TypeVar("Result")

THREADS = 8


def staggered(work: Callable[..., Result]) -> Callable[..., Result]:
    """`work`, slow enough that every thread starts it before any has finished, and finishing one after another."""
    tickets = itertools.count()

    def slow(*args: object) -> Result:
        ticket = next(tickets)
        result = work(*args)
        time.sleep(0.05 + 0.01 * ticket)
        return result

    return slow


def asked_at_once(ask: Callable[[], object]) -> list[object]:
    """What `ask` returned in each of several threads started together."""
    start = threading.Barrier(THREADS)
    answers: list[object] = [None] * THREADS

    def run(slot: int) -> None:
        start.wait(10)
        answers[slot] = ask()

    threads = [threading.Thread(target=run, args=(slot,)) for slot in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return answers


def a_reworded_section(comparison: Comparison) -> Section:
    """A newer section whose counterpart's heading reads differently (so its heading has marks)."""
    for pair in comparison.alignment.pairs:
        if pair.left and pair.right and pair.left.heading != pair.right.heading and pair.right.text:
            return pair.right
    raise AssertionError("the bundled editions have no section with a reworded heading")


@pytest.fixture
def comparison(library: Library) -> Comparison:
    comparison = Comparison(library)
    comparison.ensure()
    return comparison


def test_threads_asking_a_sections_sentence_marks_at_once_all_get_the_one_kept(
    comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = a_reworded_section(comparison)
    monkeypatch.setattr(comparison_module, "sentence_marks", staggered(comparison_module.sentence_marks))
    answers = asked_at_once(lambda: comparison.sentence_marks(section))
    assert answers[0]
    assert all(answer is answers[0] for answer in answers)
    assert comparison.sentence_marks(section) is answers[0]


def test_threads_asking_a_sections_heading_marks_at_once_all_get_the_one_kept(
    comparison: Comparison, monkeypatch: pytest.MonkeyPatch
) -> None:
    section = a_reworded_section(comparison)
    monkeypatch.setattr(comparison_module, "paragraph_marks", staggered(comparison_module.paragraph_marks))
    answers = asked_at_once(lambda: comparison.changed_heading_words(section))
    assert answers[0]
    assert all(answer is answers[0] for answer in answers)
    assert comparison.changed_heading_words(section) is answers[0]
