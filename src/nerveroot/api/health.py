"""Liveness (/healthz: the process answers, no I/O, cheap for a load balancer's probe) and readiness
(/readyz: the database answers too; 503 with the reason while it is unreachable, read-only or missing)."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from nerveroot import __version__
from nerveroot.api.deps import UowDep
from nerveroot.api.openapi import responses
from nerveroot.api.schemas import Health

router = APIRouter(tags=["health"])
_OK = Health(status="ok", version=__version__)


@router.get("/healthz")
async def read_health() -> Health:
    """The server is up."""
    return _OK


@router.get("/readyz", responses=responses(503))
def read_readiness(uow: UowDep) -> Health:
    """The server is up and its database can be read (bookings may still pause if it is read-only)."""
    with uow.read() as session:
        session.execute(text("SELECT 1"))
    return _OK
