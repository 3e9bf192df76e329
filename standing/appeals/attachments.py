"""Evidence attached to an appeal, as plain data: what is taken (PDF, PNG, JPEG, judged by the
bytes and not the name; at most 10 MB; never empty) and the name kept for it. Pure."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass

from standing.errors import Invalid

MAX_BYTES = 10 * 1024 * 1024
MAX_FILES = 5
#: Magic bytes of the types taken, and the media type each is stored and served as.
MAGIC = (
    (b"%PDF-", "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
)


@dataclass(frozen=True, slots=True)
class Upload:
    """A checked attachment: its content, type from the bytes, SHA-256 and a safe name."""

    filename: str
    media_type: str
    sha256: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)


def sniff(content: bytes) -> str | None:
    for magic, media_type in MAGIC:
        if content.startswith(magic):
            return media_type
    return None


def safe_name(name: str) -> str:
    """The file's own name, without folders or control characters, at most 200 characters."""
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(c for c in name if unicodedata.category(c)[0] != "C").strip()
    return name[:200] or "attachment"


def check_upload(name: str, content: bytes) -> Upload:
    """An `Upload`, or `Invalid` naming the file and what is wrong with it."""
    shown = safe_name(name)
    if not content:
        raise Invalid(f"attachment {shown}: the file is empty")
    if len(content) > MAX_BYTES:
        raise Invalid(
            f"attachment {shown}: {len(content) / 1024 / 1024:.1f} MB; at most "
            f"{MAX_BYTES // 1024 // 1024} MB each"
        )
    media_type = sniff(content)
    if media_type is None:
        raise Invalid(
            f"attachment {shown}: not a PDF, PNG or JPEG file (judged by its content, not its name)"
        )
    return Upload(shown, media_type, hashlib.sha256(content).hexdigest(), content)
