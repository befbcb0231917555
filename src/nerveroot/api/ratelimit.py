"""Per-client rate limits on booking, cancelling and reading slots, with the `limits` library.

The client is the connection's address, or the X-Forwarded-For address when the connection comes from a
trusted proxy (settings.trusted_proxies; the proxy middleware rewrites it before this runs). Counters live
in `settings.rate_limit_storage`: memory:// is per worker process, so with N workers a client gets up to
N times the limit; a shared store (redis://...) makes it exact. Refused requests get 429 and Retry-After.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request
from limits import RateLimitItem, parse_many
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from nerveroot.errors import NerverootError, Problem
from nerveroot.settings import Settings

SCOPES = ("booking", "cancel", "slots")


class TooManyRequests(NerverootError):
    exit_code = 8
    http_status = 429

    def __init__(self, message: str, problems: list[Problem], retry_after: int) -> None:
        super().__init__(message, problems)
        self.retry_after = retry_after


@dataclass
class RateLimits:
    limiter: MovingWindowRateLimiter
    rules: dict[str, list[RateLimitItem]]

    @classmethod
    def of(cls, settings: Settings) -> RateLimits | None:
        if not settings.rate_limits:
            return None
        rules = {
            "booking": settings.rate_limit_booking,
            "cancel": settings.rate_limit_cancel,
            "slots": settings.rate_limit_slots,
        }
        limiter = MovingWindowRateLimiter(storage_from_string(settings.rate_limit_storage))
        return cls(
            limiter, {scope: parse_many(rule) if rule.strip() else [] for scope, rule in rules.items()}
        )

    def check(self, scope: str, client: str) -> None:
        """Count one request of `client` in `scope`, or raise TooManyRequests if a limit is reached."""
        items = self.rules[scope]
        for item in items:
            if not self.limiter.test(item, scope, client):
                reset = self.limiter.get_window_stats(item, scope, client).reset_time
                wait = max(1, math.ceil(reset - time.time()))
                raise TooManyRequests(
                    "too many requests; please wait and try again",
                    [Problem("", f"at most {item} from one address; try again in {wait} s", None)],
                    retry_after=wait,
                )
        for item in items:
            self.limiter.hit(item, scope, client)


def client_of(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limit(scope: str) -> Callable[[Request], None]:
    """A route dependency that counts the request against the client's limit for `scope`."""
    if scope not in SCOPES:
        raise ValueError(f"unknown rate-limit scope {scope!r}")

    def dependency(request: Request) -> None:
        limits: RateLimits | None = getattr(request.app.state, "rate_limits", None)
        if limits is not None:
            limits.check(scope, client_of(request))

    return dependency
