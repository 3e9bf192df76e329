"""What an attachment may be: PDF, PNG or JPEG by its bytes, not empty, at most 10 MB."""

from __future__ import annotations

import hashlib

import pytest

from standing.appeals.attachments import MAX_BYTES, check_upload, safe_name
from standing.errors import Invalid

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


@pytest.mark.parametrize(
    ("content", "media_type"),
    [(PDF, "application/pdf"), (PNG, "image/png"), (JPEG, "image/jpeg")],
)
def test_the_type_comes_from_the_bytes(content: bytes, media_type: str) -> None:
    upload = check_upload("evidence.txt", content)  # the name says nothing
    assert upload.media_type == media_type
    assert upload.sha256 == hashlib.sha256(content).hexdigest()
    assert upload.size == len(content)


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("register.pdf", b"", "empty"),
        ("register.pdf", b"<html>not a pdf</html>", "not a PDF, PNG or JPEG"),
        ("register.pdf", b"%PDF-" + b"0" * MAX_BYTES, "at most 10 MB"),
    ],
)
def test_refused_files_are_named(name: str, content: bytes, says: str) -> None:
    with pytest.raises(Invalid) as refused:
        check_upload(name, content)
    assert says in refused.value.message and "register.pdf" in refused.value.message


def test_names_lose_folders_and_control_characters() -> None:
    assert safe_name("C:\\Users\\x\\..\\register.pdf") == "register.pdf"
    assert safe_name("../../etc/passwd\x00\n") == "passwd"
    assert safe_name("") == "attachment"
