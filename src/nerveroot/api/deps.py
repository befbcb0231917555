"""Typed dependencies the routes share: the unit of work, the settings, the clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Annotated

from fastapi import Depends, Request

from nerveroot.settings import Settings
from nerveroot.store import Store
from nerveroot.store.db import UnitOfWork


def get_store(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


def get_unit_of_work(store: Annotated[Store, Depends(get_store)]) -> Iterator[UnitOfWork]:
    """One unit of work per request: its transactions are opened and closed by the handler's `with`."""
    with store.unit_of_work() as uow:
        yield uow


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_now() -> datetime:
    return datetime.now(UTC)


UowDep = Annotated[UnitOfWork, Depends(get_unit_of_work)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
NowDep = Annotated[datetime, Depends(get_now)]
