"""Liveness: the process answers. Kept free of I/O so a load balancer's probe costs almost nothing."""

from __future__ import annotations

from fastapi import APIRouter

from nerveroot import __version__
from nerveroot.api.schemas import Health

router = APIRouter(tags=["health"])
_OK = Health(status="ok", version=__version__)


@router.get("/healthz")
async def read_health() -> Health:
    """The server is up."""
    return _OK
