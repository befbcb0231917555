from __future__ import annotations

import stat
from pathlib import Path

import pytest
from pydantic import ValidationError

from nerveroot.settings import Settings


def test_without_a_secret_one_is_made_once_and_kept_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NERVEROOT_SECRET_KEY", raising=False)
    first = Settings().signing_key()
    second = Settings().signing_key()
    assert first == second and len(first) >= 32
    kept = tmp_path / "var" / "secret_key"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert [p.name for p in kept.parent.iterdir()] == ["secret_key"]  # no draft left behind


def test_a_given_secret_is_used_and_a_short_one_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NERVEROOT_SECRET_KEY", "s" * 40)
    assert Settings().signing_key() == "s" * 40
    monkeypatch.setenv("NERVEROOT_SECRET_KEY", "short")
    with pytest.raises(ValidationError, match="at least 32"):
        Settings()


def test_an_unknown_time_zone_is_refused_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NERVEROOT_CLINIC_TIMEZONE", "Europe/Atlantis")
    with pytest.raises(ValidationError, match="Europe/Atlantis"):
        Settings()
