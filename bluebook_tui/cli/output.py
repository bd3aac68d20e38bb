"""Output helpers shared by the verbs: stable JSON on stdout, Rich for people."""

from __future__ import annotations

import json
import sys
from typing import Any


def print_json(data: Any) -> None:
    """Write `data` as the verb's JSON contract: UTF-8, indented, a trailing newline."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def console() -> Any:
    """A Rich console for human output (imported on use: JSON callers never pay for Rich)."""
    from rich.console import Console

    return Console()
