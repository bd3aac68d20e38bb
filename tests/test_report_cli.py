"""`bluebook report`: the format from the option or the file's suffix, one-line errors, never a partial file."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest

from tests.support import run


def test_writes_the_html_report_and_says_where(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "r.html"
    code, out, err = run(capsys, "report", "2016", "2022", "-o", str(target))
    assert (code, err) == (0, "")
    assert out.startswith(f"Report written to {target} (html, ")
    assert out.endswith("2016 → 2022, 55 section pairs: 30 edited, 16 new, 5 removed, 4 merged\n")
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert oct(target.stat().st_mode & 0o777) == "0o644"  # readable by whoever it is shared with


@pytest.mark.parametrize(
    ("name", "option", "opening"), [("r.md", (), "# Diplomatic"), ("r.txt", ("--format", "csv"), "left_id,")]
)
def test_the_format_follows_the_suffix_or_the_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, name: str, option: tuple[str, ...], opening: str
) -> None:
    target = tmp_path / name
    code, _, _ = run(capsys, "report", "2016", "2022", "-o", str(target), *option)
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith(opening)


def test_without_a_file_the_report_goes_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "report", "2016", "2022", "--section", "2022/3", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all("2022/3" in row["right_id"] or "2016/5" in row["left_id"] for row in rows)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("2016", "2099"), "bluebook: no edition '2099' in "),
        (("2022", "2022"), "bluebook: a report compares two editions: both are 2022"),
        (("2016", "2022", "--section", "2022/9"), "bluebook: no section '2022/9' in edition 2022"),
        (("2016", "2022", "--format", "pdf"), "bluebook report: error: argument --format: invalid choice: 'pdf'"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, arguments: tuple[str, ...], message: str
) -> None:
    code, out, err = run(capsys, "report", *arguments, "-o", str(tmp_path / "r.html"))
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_a_path_that_cannot_be_written_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # A file where a folder should be stops root too, which ignores permissions.
    (tmp_path / "notes").write_text("kept", encoding="utf-8")
    for target, reason in ((tmp_path / "notes" / "r.html", "Not a directory"), (tmp_path, "it is a directory")):
        code, out, err = run(capsys, "report", "2016", "2022", "-o", str(target))
        assert code == 2 and out == ""
        assert err == f"bluebook: cannot write the report to {target}: {reason}\n"
    assert [path.name for path in tmp_path.iterdir()] == ["notes"]
    assert (tmp_path / "notes").read_text(encoding="utf-8") == "kept"


def test_a_write_that_fails_keeps_the_old_report_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "r.html"
    target.write_text("last week's report", encoding="utf-8")

    def disk_full(source: str, destination: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    code, _, err = run(capsys, "report", "2016", "2022", "-o", str(target))
    assert code == 2 and err == f"bluebook: cannot write the report to {target}: No space left on device\n"
    assert target.read_text(encoding="utf-8") == "last week's report"
    assert [path.name for path in tmp_path.iterdir()] == ["r.html"]  # no temporary file left beside it


def test_a_file_name_that_names_no_format_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "report", "2016", "2022", "-o", str(tmp_path / "r.pdf"))
    assert (code, out) == (2, "")
    assert err.startswith("bluebook: cannot tell the report's format from 'r.pdf': name it .html, .md or .csv")
    assert list(tmp_path.iterdir()) == []


def test_a_charted_term_found_nowhere_is_said(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "report", "2016", "2022", "-o", str(tmp_path / "r.html"), "--term", "the")
    assert code == 0
    assert (
        err
        == "bluebook: No occurrence of 'the' (words such as 'the' and 'of' are not counted). Its chart shows zeros.\n"
    )
