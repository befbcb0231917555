"""Security headers on every answer, and an access log without query strings.

Pages get a strict Content-Security-Policy: scripts and styles from this site only, no inline script, no
framing (frame-ancestors 'none' and X-Frame-Options), no plug-ins, forms posting only here. The one
allowance is inline style *attributes* (style-src-attr), which the question page's progress bar uses
today; inline script stays forbidden. The API documentation (/docs, /redoc) serves Swagger UI or ReDoc from this
site with one inline script: its policy names that script by its hash rather than allowing any, and
allows inline styles, which those viewers set.

Every dynamic answer is `Cache-Control: no-store` (answers, results and bookings are never kept by a
browser or proxy); static files keep normal caching. HSTS is sent when the request came over HTTPS: TLS
at the server, or X-Forwarded-Proto from a trusted proxy (settings.trusted_proxies).
"""

from __future__ import annotations

import base64
import hashlib
import re

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from nerveroot.web.access_log import redact_in_access_log

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
)
DOCS_CSP = (
    "default-src 'self'; script-src 'self' {hashes}; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "worker-src 'self' blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
    "base-uri 'none'; object-src 'none'"
)
DOCS_PATHS = ("/docs", "/redoc")
HSTS = "max-age=31536000; includeSubDomains"
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.S)
COMMON = [
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
]


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path in DOCS_PATHS:
            await self._docs(scope, receive, send)
            return
        extra = list(COMMON)
        extra.append((b"content-security-policy", PAGE_CSP.encode()))
        if scope.get("scheme") == "https":
            extra.append((b"strict-transport-security", HSTS.encode()))
        cacheable = path.startswith(("/static/", "/docs-assets/"))

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _NAMES]
                headers.extend(extra)
                if not cacheable:
                    headers = [(k, v) for k, v in headers if k.lower() != b"cache-control"]
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)

    async def _docs(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Buffer the small documentation page to name its inline script by hash in the policy."""
        start: Message = {}
        body = b""

        async def collect(message: Message) -> None:
            nonlocal start, body
            if message["type"] == "http.response.start":
                start = message
            elif message["type"] == "http.response.body":
                body += message.get("body", b"")

        await self.app(scope, receive, collect)
        hashes = " ".join(
            "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"
            for script in INLINE_SCRIPT.findall(body)
        )
        headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in _NAMES]
        headers = [(k, v) for k, v in headers if k.lower() != b"content-length"]
        headers += [*COMMON, (b"content-security-policy", DOCS_CSP.format(hashes=hashes).encode())]
        headers.append((b"content-length", str(len(body)).encode()))
        await send({**start, "headers": headers})
        await send({"type": "http.response.body", "body": body})


_NAMES = {name for name, _ in COMMON} | {b"content-security-policy", b"strict-transport-security"}
QUERY = re.compile(r"\?\S*")


def quiet_access_log() -> None:
    """The access log keeps method, path and status, never a query string: queries can carry a case,
    answers or a cancel token (the patient pages used to carry the case in the address)."""
    redact_in_access_log(QUERY, "?[query not logged]")
