"""Run-time settings from the environment (NERVEROOT_*), with defaults that work on a fresh checkout."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NERVEROOT_", extra="ignore")

    database_url: str = f"sqlite:///{Path('var/nerveroot.db').resolve()}"
    clinic_name: str = "nerveroot clinic"
    max_body_bytes: int = 64 * 1024
