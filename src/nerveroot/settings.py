"""Run-time settings from the environment (NERVEROOT_*), with defaults that work on a fresh checkout."""

from __future__ import annotations

import os
import secrets
from functools import cached_property
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

VAR = Path("var")
MIN_SECRET_CHARS = 32


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NERVEROOT_", extra="ignore")

    database_url: str = f"sqlite:///{(VAR / 'nerveroot.db').resolve()}"
    clinic_name: str = "nerveroot clinic"
    clinic_timezone: str = "Europe/London"
    booking_days: int = 14
    max_body_bytes: int = 64 * 1024
    # Signs the CSRF cookies of the booking forms. Unset, one is made once and kept in var/secret_key,
    # so that several workers (and restarts) agree on it.
    secret_key: str | None = None
    # Set true when the site is served over HTTPS, so the form cookies are never sent in clear. Unset, it
    # follows public_url: true for an https:// address.
    secure_cookies: bool | None = None
    # The address people reach the site at, such as https://clinic.example.org: links in calendar files
    # (and later emails) are built from it, never from the request's Host header. Unset, no absolute
    # link is written.
    public_url: str | None = None
    # Addresses (or CIDR ranges) of the reverse proxy whose X-Forwarded-For/-Proto headers are believed;
    # comma-separated. Empty: no proxy is trusted and the client is the connection's own address.
    trusted_proxies: str = ""
    # Threads that serve blocking work, and the database connections beside them (one each, so a thread
    # never waits for a connection). Per worker process: 4 workers x 16 stay under PostgreSQL's 100.
    threads: int = Field(default=16, ge=1, le=200)
    # Rate limits per client address (the `limits` notation: "5/minute;30/hour"); empty turns one off.
    rate_limits: bool = True
    rate_limit_booking: str = "6/minute;30/hour"
    rate_limit_cancel: str = "10/minute;60/hour"
    rate_limit_slots: str = "120/minute"
    # Where the counters live: memory:// (per process) or a shared store such as redis://host:6379.
    rate_limit_storage: str = "memory://"
    # At most this many upcoming bookings per email address or phone number; 0 means no cap.
    max_future_bookings: int = Field(default=2, ge=0, le=1000)
    # How long the pages of a person's check are kept (so a refresh or Back shows them again), in minutes.
    journey_minutes: int = Field(default=120, ge=5, le=24 * 60)

    # --- the clinic workspace (docs/clinic.md) ---
    # "production" (or anything but development) refuses to start without NERVEROOT_SECRET_KEY: the
    # key made on first use in var/secret_key is a development convenience, not a deployment secret.
    environment: Literal["development", "production"] = "development"
    # A staff session ends after this many minutes without a request, and in any case after session_hours.
    session_idle_minutes: int = Field(default=30, ge=1, le=24 * 60)
    session_hours: int = Field(default=12, ge=1, le=24 * 7)
    # Sign-in attempts per client address, and the lockout of an account after repeated wrong passwords.
    rate_limit_sign_in: str = "10/minute;50/hour"
    lockout_after: int = Field(default=5, ge=1, le=100)
    lockout_minutes: int = Field(default=15, ge=1, le=24 * 60)
    # How long a person's private link (their scores, who opened their record) stays valid.
    private_link_days: int = Field(default=28, ge=1, le=365)
    # Mail: SMTP server, TLS (starttls, ssl or none), sender, login; the clinic's own address for alerts.
    smtp_host: str | None = None
    smtp_port: int = Field(default=587, ge=1, le=65535)
    smtp_tls: Literal["starttls", "ssl", "none"] = "starttls"
    smtp_user: str | None = None
    smtp_password: str | None = None
    smtp_timeout_seconds: float = Field(default=20, gt=0, le=300)
    mail_from: str = "nerveroot@localhost"
    clinic_email: str | None = None
    # A message waits this long in the outbox, so a booking undone at once makes no noise.
    outbox_grace_seconds: int = Field(default=120, ge=0, le=24 * 3600)
    # How often the sender looks for messages that are due (`nerveroot outbox run --loop`, or `serve` itself).
    outbox_poll_seconds: float = Field(default=15, gt=0, le=3600)
    # With SMTP set, `serve` sends due mail itself; false when `nerveroot outbox run --loop` runs as its own
    # service. Several workers or both at once are safe: each message is leased before it is sent.
    outbox_in_server: bool = True
    # Finished episodes are erased this many days after they finished (`nerveroot episodes purge`); 0: never.
    retention_days: int = Field(default=0, ge=0, le=36500)

    @field_validator("clinic_timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {value!r}; expected an IANA name such as Europe/London"
            ) from None
        return value

    @field_validator("secret_key")
    @classmethod
    def _long_enough(cls, value: str | None) -> str | None:
        if value is not None and len(value) < MIN_SECRET_CHARS:
            raise ValueError(f"NERVEROOT_SECRET_KEY must have at least {MIN_SECRET_CHARS} characters")
        return value

    @field_validator("public_url")
    @classmethod
    def _absolute(cls, value: str | None) -> str | None:
        if value is None or not value.strip():
            return None
        value = value.strip().rstrip("/")
        if not value.startswith(("https://", "http://")) or "?" in value or "#" in value:
            raise ValueError(
                f"NERVEROOT_PUBLIC_URL {value!r}: expected an address such as https://clinic.example.org"
            )
        return value

    @model_validator(mode="after")
    def _secret_outside_development(self) -> Settings:
        if self.environment != "development" and not self.secret_key:
            raise ValueError(
                "NERVEROOT_SECRET_KEY must be set outside development (NERVEROOT_ENVIRONMENT="
                f"{self.environment}); make one with: python -c 'import secrets; print(secrets.token_urlsafe(48))'"
            )
        return self

    @field_validator("rate_limit_booking", "rate_limit_cancel", "rate_limit_slots", "rate_limit_sign_in")
    @classmethod
    def _limits(cls, value: str) -> str:
        from limits import parse_many

        if value.strip():
            try:
                parse_many(value)
            except ValueError:
                raise ValueError(f"{value!r}: expected limits such as '5/minute;30/hour'") from None
        return value

    @property
    def cookies_secure(self) -> bool:
        if self.secure_cookies is not None:
            return self.secure_cookies
        return bool(self.public_url and self.public_url.startswith("https://"))

    @property
    def proxies(self) -> list[str]:
        return [p.strip() for p in self.trusted_proxies.split(",") if p.strip()]

    @cached_property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.clinic_timezone)

    def signing_key(self) -> str:
        """The configured secret, or the one kept in var/secret_key (created on first use, mode 0600)."""
        if self.secret_key:
            return self.secret_key
        path = VAR / "secret_key"
        if not path.exists():
            VAR.mkdir(parents=True, exist_ok=True)
            draft = VAR / f".secret_key.{os.getpid()}"
            draft.write_text(secrets.token_urlsafe(48), encoding="ascii")
            draft.chmod(0o600)
            try:
                os.link(draft, path)  # atomic: the first worker's key wins, complete
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        return path.read_text(encoding="ascii").strip()
