"""HTTP for remote stores (standard library only), with credentials from the environment.

``EVENTS_SPARQL_TOKEN`` sends ``Authorization: Bearer``; otherwise ``EVENTS_SPARQL_USER`` and
``EVENTS_SPARQL_PASSWORD`` send HTTP Basic. Credentials are never part of an error message: they
are scrubbed from server replies, kept out of URLs, and not forwarded on redirects.
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Mapping

from ..errors import EventsError

ENV_USER = "EVENTS_SPARQL_USER"
ENV_PASSWORD = "EVENTS_SPARQL_PASSWORD"
ENV_TOKEN = "EVENTS_SPARQL_TOKEN"


class HttpError(EventsError):
    """A request that failed; ``status`` is the HTTP status (0 when the server was unreachable)."""

    def __init__(self, message: str, status: int = 0):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class Reply:
    status: int
    content_type: str
    body: bytes


@dataclass(frozen=True)
class Credentials:
    """The Authorization header value, and the secrets to scrub from messages."""

    header: str | None = field(default=None, repr=False)
    secrets: tuple[str, ...] = field(default=(), repr=False)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> "Credentials":
        env = os.environ if environ is None else environ
        token, user = env.get(ENV_TOKEN), env.get(ENV_USER)
        if token:
            return cls(f"Bearer {token}", (token,))
        if user:
            password = env.get(ENV_PASSWORD, "")
            pair = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
            return cls(f"Basic {pair}", tuple(s for s in (password, pair) if s))
        return cls()

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text


def redact(url: str) -> str:
    """``url`` without any user:password part."""
    parts = urllib.parse.urlsplit(url)
    if parts.username is None and parts.password is None:
        return url
    host = parts.hostname or ""
    netloc = f"***@{host}" + (f":{parts.port}" if parts.port else "")
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def check_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise EventsError(f"not an http(s) URL: {redact(url)}")
    if parts.username is not None or parts.password is not None:
        raise EventsError(f"put credentials in {ENV_USER}/{ENV_PASSWORD} or {ENV_TOKEN}, not in "
                          f"the URL ({redact(url)})")
    return url


def with_param(url: str, name: str, value: str) -> str:
    joiner = "&" if urllib.parse.urlsplit(url).query else "?"
    return f"{url}{joiner}{urllib.parse.urlencode({name: value})}"


def request(method: str, url: str, credentials: Credentials, body: bytes | None = None,
            headers: Mapping[str, str] | None = None, timeout: float = 60.0) -> Reply:
    """Send one request; non-2xx replies raise ``HttpError`` with a short, scrubbed message."""
    req = urllib.request.Request(url, data=body, method=method, headers=dict(headers or {}))
    if credentials.header:
        req.add_unredirected_header("Authorization", credentials.header)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return Reply(resp.status, resp.headers.get_content_type(), resp.read())
    except urllib.error.HTTPError as exc:
        detail = credentials.scrub(exc.read()[:300].decode("utf-8", "replace").strip())
        hint = (f" (set {ENV_USER}/{ENV_PASSWORD} or {ENV_TOKEN})"
                if exc.code in (401, 403) else "")
        raise HttpError(f"{method} {redact(url)}: HTTP {exc.code} {exc.reason}{hint}"
                        + (f": {detail}" if detail else ""), exc.code) from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise HttpError(f"{method} {redact(url)}: cannot reach the store: "
                        f"{credentials.scrub(str(reason))}") from None
