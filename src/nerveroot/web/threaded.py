"""Form handlers that do blocking work (the database, the text reader, interview steps) off the event loop.

`@form_in_thread` turns `def handler(request, form) -> Response` into the async endpoint FastAPI calls:
it reads the form on the event loop, then runs the handler in the thread pool (sized to the database
pool), so one slow step or a write waiting its turn never stalls every other request of the worker.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import Response


def form_in_thread(
    handler: Callable[[Request, FormData], Response],
) -> Callable[[Request], Awaitable[Response]]:
    async def endpoint(request: Request) -> Response:
        form = await request.form()
        return await run_in_threadpool(handler, request, form)

    # Not functools.wraps: FastAPI would read the handler's (request, form) signature through __wrapped__.
    endpoint.__name__ = handler.__name__
    endpoint.__qualname__ = handler.__qualname__
    endpoint.__doc__ = handler.__doc__
    endpoint.__module__ = handler.__module__
    return endpoint
