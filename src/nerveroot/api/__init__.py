"""The JSON API under /api/v1, and /healthz."""

from nerveroot.api.routes import api_router, health_router

__all__ = ["api_router", "health_router"]
