"""Helpers for the list-parser tests: building .ods files from a content.xml fixture."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest


def make_ods(content_xml: bytes) -> bytes:
    """An OpenDocument spreadsheet (zip) whose sheet is ``content_xml``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("content.xml", content_xml, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


@pytest.fixture
def ods_file(tmp_path: Path, test_data: Path) -> Callable[[str], Path]:
    """Write ``tests/data/<name>`` (a content.xml) into a temporary ``.ods`` file."""

    def build(name: str) -> Path:
        path = tmp_path / (name.removesuffix("_content.xml") + ".ods")
        path.write_bytes(make_ods((test_data / name).read_bytes()))
        return path

    return build
