"""Sending notification mail: over SMTP (``STANDING_SMTP_URL``), or, with no mail server, as
``.eml`` files in a directory. Each message is built once, when it is addressed, with a
``Message-ID`` made from its delivery id, and sent as built on every attempt."""

from __future__ import annotations

import binascii
import contextlib
import os
import re
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.header import Header
from email.utils import format_datetime, formataddr, parseaddr
from pathlib import Path
from typing import Protocol
from urllib.parse import unquote, urlsplit

from sqlalchemy.engine import make_url

from standing.errors import Invalid
from standing.settings import Settings

SCHEMES = {"smtp": 25, "smtp+starttls": 587, "smtps": 465}
MAX_LINE = 998  # RFC 5322: no line longer, CRLF aside


class DeliveryError(Exception):
    """A delivery attempt failed; ``permanent`` ones are not tried again."""

    def __init__(self, message: str, permanent: bool = False) -> None:
        super().__init__(message)
        self.message = message
        self.permanent = permanent


@dataclass(frozen=True, slots=True)
class Body:
    """A plain-text body, encoded for transport once and shared by every copy of a mail."""

    transfer_encoding: str
    encoded: str

    @classmethod
    def of(cls, text: str) -> Body:
        raw = text.replace("\r\n", "\n").encode("utf-8")
        if raw.isascii() and all(len(line) <= MAX_LINE for line in raw.split(b"\n")):
            return cls("7bit", raw.decode("ascii"))
        return cls("quoted-printable", binascii.b2a_qp(raw).decode("ascii"))


def _header(name: str, value: str) -> str:
    value = " ".join(value.split())
    if value.isascii() and len(name) + len(value) + 2 <= MAX_LINE:
        return f"{name}: {value}"
    return f"{name}: " + Header(value, "utf-8", header_name=name).encode()


def _address(value: str) -> str:
    name, address = parseaddr(value)
    return formataddr((name, address), charset="utf-8") if address else value


def build_message(
    subject: str,
    body: Body,
    to: str,
    sender: str,
    delivery_id: str,
    at: datetime,
    headers: Mapping[str, str],
) -> str:
    """The RFC 5322 message, as text (lines end with LF; SMTP sends CRLF)."""
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    lines = [
        _header("From", _address(sender)),
        _header("To", _address(to)),
        _header("Subject", subject),
        _header("Date", format_datetime(at)),
        _header("Message-ID", f"<{delivery_id}@{domain}>"),
        *(_header(name, value) for name, value in headers.items()),
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        f"Content-Transfer-Encoding: {body.transfer_encoding}",
        "",
        body.encoded,
    ]
    return "\n".join(lines)


class MailTransport(Protocol):
    def send(self, delivery_id: str, to: str, content: str) -> None:
        """Hand one message over; `DeliveryError` if it could not be."""
        ...

    def close(self) -> None: ...

    def describe(self) -> str: ...


class MailDir:
    """Mail written as ``<delivery id>.eml`` files; a retry rewrites the same file."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory

    def send(self, delivery_id: str, to: str, content: str) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            path = self.directory / f"{delivery_id}.eml"
            partial = path.with_suffix(".eml.partial")
            partial.write_text(content, encoding="utf-8")
            os.replace(partial, path)
        except OSError as exc:
            raise DeliveryError(f"cannot write mail to {self.directory}: {exc}") from exc

    def close(self) -> None:
        pass

    def describe(self) -> str:
        return f"files in {self.directory}"


class SmtpTransport:
    """One SMTP connection, opened on the first message and kept for the next ones."""

    def __init__(self, url: str, sender: str, timeout: float = 30.0) -> None:
        parts = urlsplit(url)
        if parts.scheme not in SCHEMES or not parts.hostname:
            raise Invalid(
                f"STANDING_SMTP_URL: {url!r} is not an SMTP URL "
                "(smtp://HOST:PORT, smtp+starttls://USER:PASSWORD@HOST:587 or smtps://...)"
            )
        try:
            port = parts.port or SCHEMES[parts.scheme]
        except ValueError as exc:
            raise Invalid(f"STANDING_SMTP_URL: {exc}") from None
        self.scheme, self.host, self.port = parts.scheme, parts.hostname, port
        self.user = unquote(parts.username) if parts.username else None
        self.password = unquote(parts.password) if parts.password else None
        self.envelope_from = parseaddr(sender)[1] or sender
        self.timeout = timeout
        self.connection: smtplib.SMTP | None = None

    def describe(self) -> str:
        return f"SMTP {self.scheme}://{self.host}:{self.port}"

    def _connect(self) -> smtplib.SMTP:
        if self.scheme == "smtps":
            connection: smtplib.SMTP = smtplib.SMTP_SSL(
                self.host, self.port, timeout=self.timeout, context=ssl.create_default_context()
            )
        else:
            connection = smtplib.SMTP(self.host, self.port, timeout=self.timeout)
            if self.scheme == "smtp+starttls":
                connection.starttls(context=ssl.create_default_context())
        if self.user:
            connection.login(self.user, self.password or "")
        return connection

    def send(self, delivery_id: str, to: str, content: str) -> None:
        for attempt in (1, 2):  # a kept connection the server has closed is opened again
            try:
                if self.connection is None:
                    self.connection = self._connect()
                wire = re.sub(r"\r?\n", "\r\n", content).encode("utf-8")  # SMTP ends lines CRLF
                self.connection.sendmail(self.envelope_from, [to], wire)
                return
            except smtplib.SMTPServerDisconnected as exc:
                self.connection = None
                if attempt == 2:
                    raise DeliveryError(f"{self.describe()}: disconnected: {exc}") from exc
            except smtplib.SMTPRecipientsRefused as exc:
                code, reply = next(iter(exc.recipients.values()))
                raise DeliveryError(
                    f"{self.describe()} refused {to}: {code} {_text(reply)}",
                    permanent=code >= 500,
                ) from exc
            except smtplib.SMTPResponseException as exc:
                self.close()
                raise DeliveryError(
                    f"{self.describe()}: {exc.smtp_code} {_text(exc.smtp_error)}",
                    permanent=exc.smtp_code >= 500,
                ) from exc
            except (OSError, smtplib.SMTPException) as exc:
                self.close()
                raise DeliveryError(f"{self.describe()}: {exc}") from exc

    def close(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(OSError, smtplib.SMTPException):
                self.connection.quit()
            self.connection = None


def _text(reply: bytes | str) -> str:
    return reply.decode(errors="replace") if isinstance(reply, bytes) else reply


def mail_dir(settings: Settings) -> Path:
    """Where mail goes without a mail server: ``mail/`` beside a SQLite file, else
    ``./var/mail`` (``mail_dir`` other than ``auto`` names the directory)."""
    if settings.mail_dir != "auto":
        return Path(settings.mail_dir)
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
        return Path(url.database).parent / "mail"
    return Path("var") / "mail"


def mail_transport(settings: Settings) -> MailTransport:
    if settings.smtp_url:
        return SmtpTransport(settings.smtp_url, settings.mail_from)
    return MailDir(mail_dir(settings))
