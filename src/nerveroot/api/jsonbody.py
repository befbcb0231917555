"""The API's routes read JSON bodies with nerveroot.safe_json, so that a lone surrogate, a number of more
than 4,300 digits or deep nesting is a 422 naming the body, like any other invalid JSON."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from nerveroot import safe_json


class SafeJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            body = await self.body()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as exc:
                import json

                raise json.JSONDecodeError("the body is not UTF-8", "", exc.start) from None
            self._json = safe_json.loads(text)
        return self._json


class SafeJsonRoute(APIRoute):
    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def safe_handler(request: Request) -> Response:
            return await handler(SafeJsonRequest(request.scope, request.receive))

        return safe_handler
