"""A report written out: HTML and Markdown from Jinja2 templates, CSV with the csv module.

Every value a template prints is escaped: HTML by Jinja's autoescape; Markdown by the environment's `finalize`,
which escapes what Markdown (and the HTML GitHub lets through it) would read as markup. A heading that reads
`<script>` stays text in both.
"""

from __future__ import annotations

import csv
import io
import re
from contextlib import suppress
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined
from jinja2.bccache import Bucket
from markupsafe import Markup

from bluebook_tui.compare.concordance import Dispersion
from bluebook_tui.compare.trend import TermCount, rate_shares
from bluebook_tui.report import svg_charts
from bluebook_tui.report.formats import Format
from bluebook_tui.report.model import Report, anchor

CSV_FIELDS = ("left_id", "right_id", "status", "moved", "similarity", "left_text", "right_text")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def render(report: Report, form: Format) -> str:
    if form == "csv":
        return render_csv(report)
    return _environment(form).get_template(f"report.{form}.j2").render(report=report, **_helpers())


def render_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_FIELDS)
    for row in report.sentences:
        writer.writerow(
            (
                row.left or "",
                row.right or "",
                row.status,
                "yes" if row.moved else "no",
                f"{row.similarity:.3f}",
                row.left_text,
                row.right_text,
            )
        )
    return out.getvalue()


def markdown_text(value: object) -> str:
    """`value` as Markdown text that reads as written: markup characters backslashed, `<` `>` `&` as entities,
    line breaks as spaces (a table cell holds one line)."""
    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(value)
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(text.split("\n")))


class _KeptTemplates(FileSystemBytecodeCache):
    """Compiled templates kept in the user cache (compiling both costs ~0.1 s a run); a damaged or unwritable
    entry is only compiled again, like every other cache entry here."""

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (EOFError, ValueError, TypeError, OSError):
            bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        with suppress(OSError):
            super().dump_bytecode(bucket)


def _template_cache() -> FileSystemBytecodeCache | None:
    from bluebook_tui.compare.user_cache import default_cache_dir

    directory = default_cache_dir() / "templates"
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return _KeptTemplates(str(directory))


@cache
def _environment(form: Format) -> Environment:
    escaping: dict[str, Any] = {"autoescape": True} if form == "html" else {"finalize": markdown_text}
    environment = Environment(
        loader=PackageLoader("bluebook_tui.report"),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        bytecode_cache=_template_cache(),
        **escaping,
    )
    environment.filters["anchor"] = lambda address, kind: anchor(kind, address)
    return environment


def _helpers() -> dict[str, Any]:
    return {
        "trend_chart": svg_charts.trend_chart,
        "dispersion_chart": svg_charts.dispersion_chart,
        "percent": lambda share: f"{round(share * 100)}%",
        "text_bars": _text_bars,
        "strip_lines": _strip_lines,
    }


def _text_bars(counts: tuple[TermCount, ...], width: int = 24) -> list[str]:
    from bluebook_tui.charts import bar

    return [bar(share, width, eighths=False, padded=False) for share in rate_shares(counts)]


def _strip_lines(dispersions: tuple[Dispersion, ...], width: int = 60) -> list[Markup]:
    """The app's dispersion strips as lines of text, for a code block (which Markdown shows as written)."""
    from bluebook_tui.charts import cell_mark, section_ruler

    label_width = max((len(each.edition) for each in dispersions), default=0) + 1
    lines: list[str] = []
    for each in dispersions:
        strip = "".join(cell_mark(count) for count in each.cells(width))
        lines.append(f"{each.edition.ljust(label_width)}▕{strip}▏ {len(each.places)}")
        lines.extend(" " * (label_width + 1) + ruler for ruler in section_ruler(each, width))
    return [Markup(line) for line in lines]
