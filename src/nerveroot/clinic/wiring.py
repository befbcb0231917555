"""Put the clinic workspace on the app: its routers, the sign-in limit, the 401 answer (redirect for pages),
and an access log that never records a private link's token."""

from __future__ import annotations

import re

from fastapi import FastAPI

from nerveroot.settings import Settings
from nerveroot.web.access_log import redact_in_access_log

PRIVATE_LINK = re.compile(r"(/follow-up/)[A-Za-z0-9_-]+")


def install(app: FastAPI, settings: Settings) -> None:
    from nerveroot.clinic import (
        admin_routes,
        api,
        auth_routes,
        episode_routes,
        exam_routes,
        follow_up_routes,
        worklist_routes,
    )
    from nerveroot.clinic.permissions import SignInRequired, sign_in_required

    app.state.clinic_sign_in_limit = auth_routes.SignInLimit.of(settings)
    app.add_exception_handler(SignInRequired, sign_in_required)
    routers = (
        auth_routes.pages,
        auth_routes.api,
        worklist_routes.router,
        episode_routes.router,
        exam_routes.router,
        follow_up_routes.router,
        admin_routes.router,
        api.router,
    )  # /episodes/new before /episodes/{id}
    for router in routers:
        app.include_router(router)
    redact_in_access_log(PRIVATE_LINK, r"\1[token]")
