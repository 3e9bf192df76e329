"""Sending a message by mail: over SMTP when ``STANDING_SMTP_URL`` is set, else as an ``.eml``
file under ``var/mail/`` (beside a SQLite database), so the embedded default needs no mail
server. Used for sign-in links, which must go out while the person waits."""

from __future__ import annotations

import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from urllib.parse import unquote, urlsplit

from sqlalchemy.engine import make_url

from standing.settings import Settings


def mail_dir(settings: Settings) -> Path:
    if settings.mail_dir != "auto":
        return Path(settings.mail_dir)
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and url.database and url.database != ":memory:":
        return Path(url.database).resolve().parent / "mail"
    return Path("var/mail").resolve()


def message(settings: Settings, to: str, subject: str, body: str) -> EmailMessage:
    msg = EmailMessage()
    msg["From"] = settings.mail_from
    msg["To"] = to
    msg["Subject"] = subject
    msg["Message-ID"] = make_msgid(domain="standing")
    msg.set_content(body)
    return msg


def send(settings: Settings, msg: EmailMessage) -> str:
    """Deliver ``msg``; returns where it went (the SMTP server, or the file written)."""
    if not settings.smtp_url:
        directory = mail_dir(settings)
        directory.mkdir(parents=True, exist_ok=True)
        name = str(msg["Message-ID"]).strip("<>").replace("@", "_").replace("/", "_")
        path = directory / f"{name}.eml"
        path.write_bytes(msg.as_bytes())
        return str(path)
    parts = urlsplit(settings.smtp_url)
    if parts.scheme not in ("smtp", "smtps"):
        raise ValueError(f"STANDING_SMTP_URL: {parts.scheme!r} is not smtp or smtps")
    host = parts.hostname or "127.0.0.1"
    port = parts.port or (465 if parts.scheme == "smtps" else 25)
    client: smtplib.SMTP
    if parts.scheme == "smtps":
        client = smtplib.SMTP_SSL(host, port, timeout=30, context=ssl.create_default_context())
    else:
        client = smtplib.SMTP(host, port, timeout=30)
    with client:
        if parts.username:
            client.login(unquote(parts.username), unquote(parts.password or ""))
        client.send_message(msg)
    return f"{host}:{port}"
