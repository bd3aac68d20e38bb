"""The `report` verb: what changed between two editions, written out to share (HTML, Markdown or CSV)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from bluebook_tui.cli.context import CommandContext


def register(subparsers: Any) -> None:
    from bluebook_tui.report.formats import FORMATS

    report = subparsers.add_parser(
        "report", help="a report of what changed between two editions: one HTML file, Markdown or CSV"
    )
    report.add_argument("left", metavar="LEFT", help="the older edition, e.g. 2016")
    report.add_argument("right", metavar="RIGHT", help="the newer edition, e.g. 2022")
    report.add_argument("-o", "--output", type=Path, metavar="FILE", help="write it to FILE (default: standard output)")
    report.add_argument(
        "--format",
        choices=FORMATS,
        help="html (one self-contained file), md (GitHub Markdown) or csv (a row per sentence); "
        "default: FILE's suffix, else html",
    )
    report.add_argument(
        "--section", dest="scope", metavar="ID", help="only this section and its subsections (and its counterpart's)"
    )
    report.add_argument(
        "--term",
        dest="terms",
        action="append",
        default=[],
        metavar="TERM",
        help="chart this term (again for more; default: the strongest keywords each way)",
    )
    report.set_defaults(handler=make_report)


def make_report(args: argparse.Namespace, context: CommandContext) -> int:
    from bluebook_tui.report import build_report, format_for, render, write_report

    form = format_for(args.output, args.format)
    report = build_report(context.library, args.left, args.right, section_id=args.scope, terms=tuple(args.terms))
    for chart in report.charts:
        if not any(count.occurrences for count in chart.trend):
            from bluebook_tui.cli.wording_cmds import no_occurrence

            # A chart of zeros is kept (it was asked for); the reason is said, as `trend` says it.
            print(f"bluebook: {no_occurrence(chart.term)} Its chart shows zeros.", file=sys.stderr)
    if args.output is None:
        sys.stdout.write(render(report, form))
        return 0
    size = write_report(report, args.output, form)
    counts = ", ".join(f"{count} {status}" for status, count in report.section_counts if count and status != "moved")
    print(
        f"Report written to {args.output} ({form}, {size / 1024:,.0f} KB): {report.left.id} → {report.right.id}, "
        f"{len(report.pairs)} section pairs: {counts}"
    )
    return 0
