"""Progress bars on stderr: on a terminal only, never in ``--json`` mode or when piped."""

from __future__ import annotations

from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeRemainingColumn,
)

from standing.cli.output import err_console


def progress_enabled(json_mode: bool) -> bool:
    """Rich progress bars on a terminal, silence in --json mode or when piped."""
    return not json_mode and err_console.is_terminal


def count_bar(label: str) -> Progress:
    """A bar counting items: ``label ━━━━ 3/10 0:00:02``."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err_console,
    )


def bytes_bar(label: str) -> Progress:
    """A bar counting bytes: ``label ━━━━ 1.2/3.4 MB 0:00:02``."""
    return Progress(
        TextColumn(label),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err_console,
    )
