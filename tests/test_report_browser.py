"""The HTML report in a real browser: headless Chromium parses it as written, draws its marks, prints it to PDF.

CI installs Debian's `chromium` and sets BLUEBOOK_BROWSER_TESTS=required, so there these tests never skip; on a
machine without Chromium they skip and say why.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from bluebook_tui.library import Library
from bluebook_tui.report import build_report, render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("BLUEBOOK_BROWSER_TESTS") != "required",
    reason="Chromium is not installed here (Debian's `chromium`); CI installs it and runs these tests",
)
# As this machine's probe runs it: no sandbox as root, nothing reaching for the network (there is none to reach;
# every host name fails to resolve, so a resource the report wrongly asked for could not load either).
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--hide-scrollbars",
)
_TAG = re.compile(r"<(article|section|table|tr|td|th|svg|ins|del|a|nav)[\s>]")
_ID = re.compile(r'\sid="([^"]+)"')


def _chromium(tmp_path: Path, *arguments: str) -> str:
    assert CHROMIUM is not None, "BLUEBOOK_BROWSER_TESTS=required, but Chromium is not installed"
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def report_file(library: Library, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render(build_report(library, "2016", "2022"), "html"), encoding="utf-8")
    return path


def test_chromium_reads_the_markup_as_written(report_file: Path, tmp_path: Path) -> None:
    written = report_file.read_text(encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", report_file.as_uri())
    # A browser repairs markup it cannot nest (a stray cell, an unclosed table) by moving or adding elements:
    # the same elements and ids after parsing say there was nothing to repair.
    assert Counter(_TAG.findall(dom)) == Counter(_TAG.findall(written))
    assert _ID.findall(dom) == _ID.findall(written)
    assert dom.count('<article class="pair"') == 55
    assert "<script" not in dom


def test_the_side_by_side_marks_are_drawn(library: Library, tmp_path: Path) -> None:
    from PIL import Image

    page = tmp_path / "piracy.html"
    page.write_text(render(build_report(library, "2016", "2022", section_id="2022/4.B"), "html"), encoding="utf-8")
    shot = tmp_path / "piracy.png"
    _chromium(tmp_path, "--window-size=1280,3000", f"--screenshot={shot}", page.as_uri())
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 3000)
    colours = {colour: count for count, colour in image.getcolors(maxcolors=1 << 24) or ()}
    # The grounds of removed, new and edited sentences (the stylesheet's --removed, --new, --edited), in view.
    for ground in ((0xFB, 0xE5, 0xE5), (0xE3, 0xF4, 0xE6), (0xFF, 0xF5, 0xD6)):
        assert colours.get(ground, 0) > 2_000, ground
    # Text, not an empty page: most of it is paper, a good share ink.
    paper = colours.get((0xFF, 0xFF, 0xFF), 0)
    assert 0.3 < paper / (1280 * 3000) < 0.95


def test_print_to_pdf_gives_a_document_of_pages(report_file: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "report.pdf"
    _chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report_file.as_uri())
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert 20 < pages < 200, pages
