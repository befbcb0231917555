"""Wire the resource routers into /api/v1 (and /healthz at the root)."""

from __future__ import annotations

from fastapi import APIRouter

from nerveroot.api import assess, bookings, health, interview, slots

api_router = APIRouter(prefix="/api/v1")
api_router.include_router(assess.router)
api_router.include_router(slots.router)
api_router.include_router(bookings.router)
api_router.include_router(interview.router)

health_router = health.router
