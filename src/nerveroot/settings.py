"""Run-time settings from the environment (NERVEROOT_*), with defaults that work on a fresh checkout."""

from __future__ import annotations

import os
import secrets
from functools import cached_property
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, field_validator
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
    # Set true when the site is served over HTTPS, so the form cookies are never sent in clear.
    secure_cookies: bool = False
    # How long the pages of a person's check are kept (so a refresh or Back shows them again), in minutes.
    journey_minutes: int = Field(default=120, ge=5, le=24 * 60)

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
