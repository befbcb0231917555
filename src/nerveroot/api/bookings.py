"""POST /api/v1/bookings and DELETE /api/v1/bookings/{reference}."""

from __future__ import annotations

from datetime import UTC
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Header, Path, Query, Response, status

from nerveroot.api.booking_flow import BookingCreate, check_idempotency_key, place_booking
from nerveroot.api.deps import NowDep, SettingsDep, UowDep
from nerveroot.api.jsonbody import SafeJsonRoute
from nerveroot.api.openapi import responses
from nerveroot.api.ratelimit import limit
from nerveroot.api.schemas import BookingLinks, BookingPublic, SlotPublic
from nerveroot.errors import BadInput, Problem
from nerveroot.store.bookings import Confirmation, cancel_booking

router = APIRouter(tags=["bookings"], route_class=SafeJsonRoute)
MAX_REFERENCE = 40
MAX_TOKEN = 200


def links(reference: str, token: str | None) -> BookingLinks | None:
    if token is None:
        return None
    ref, tok = quote(reference), quote(token)
    return BookingLinks(
        cancel=f"/book/{ref}/cancel?token={tok}",
        confirmation=f"/book/{ref}?token={tok}",
        calendar=f"/book/{ref}/calendar.ics?token={tok}",
    )


def public(made: Confirmation, settings: SettingsDep) -> BookingPublic:
    return BookingPublic(
        reference=made.reference,
        cancel_token=made.cancel_token,
        slot=SlotPublic(id=made.slot_id, start=made.start.astimezone(UTC), end=made.end.astimezone(UTC)),
        triage_level=made.triage_level,
        links=links(made.reference, made.cancel_token),
    )


@router.post(
    "/bookings",
    status_code=status.HTTP_201_CREATED,
    responses=responses(
        409,
        422,
        429,
        503,
        conflict="the slot is taken or closed, the key was used for "
        "another booking, or these details already hold the most upcoming bookings allowed",
    ),
    dependencies=[Depends(limit("booking"))],
)
def create_booking(
    *,
    body: BookingCreate,
    uow: UowDep,
    settings: SettingsDep,
    now: NowDep,
    response: Response,
    idempotency_key: Annotated[
        str | None,
        Header(
            max_length=200,
            description="a new random key (such as a UUID) per booking; a retry with the same key and "
            "body returns the booking already made instead of booking twice",
        ),
    ] = None,
) -> BookingPublic:
    """Book a free slot; the attached case is assessed on the server and kept with the booking."""
    key = check_idempotency_key(idempotency_key)
    made = place_booking(
        uow,
        body,
        now=now,
        key=key,
        secret=settings.signing_key(),
        max_per_contact=settings.max_future_bookings,
        settings=settings,
    )
    if made.replayed:
        response.headers["Idempotent-Replayed"] = "true"
    return public(made, settings)


@router.delete(
    "/bookings/{reference}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=responses(404, 422, 429, 503, not_found="no booking has this reference and cancel token"),
    dependencies=[Depends(limit("cancel"))],
)
def delete_booking(
    reference: Annotated[str, Path(max_length=MAX_REFERENCE)],
    uow: UowDep,
    now: NowDep,
    x_cancel_token: Annotated[
        str | None, Header(max_length=MAX_TOKEN, description="the cancel token")
    ] = None,
    token: Annotated[
        str | None,
        Query(max_length=MAX_TOKEN, description="the cancel token, if not sent as X-Cancel-Token"),
    ] = None,
) -> Response:
    """Cancel a booking with its cancel token; the slot becomes free again."""
    given = x_cancel_token or token
    if not given:
        raise BadInput(
            "the cancel token is missing",
            [Problem("token", "send it as the X-Cancel-Token header or the token query parameter")],
        )
    with uow.write() as session:
        cancel_booking(session, reference=reference, token=given, now=now)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
