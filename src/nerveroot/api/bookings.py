"""POST /api/v1/bookings and DELETE /api/v1/bookings/{reference}."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Header, Query, Response, status

from nerveroot.api.booking_flow import BookingCreate, place_booking
from nerveroot.api.deps import NowDep, SessionDep, SettingsDep
from nerveroot.api.schemas import BookingLinks, BookingPublic, SlotPublic
from nerveroot.errors import BadInput, Problem
from nerveroot.store.bookings import cancel_booking
from nerveroot.store.models import Booking

router = APIRouter(tags=["bookings"])

_ERRORS: dict[int | str, dict[str, str]] = {
    404: {"description": "no booking has this reference"},
    403: {"description": "the cancel token does not match"},
    409: {"description": "the slot is already booked"},
    422: {"description": "a field is missing or wrong; the response names it"},
}


def links(booking: Booking, token: str) -> BookingLinks:
    ref, tok = quote(booking.reference), quote(token)
    return BookingLinks(
        cancel=f"/book/{ref}/cancel?token={tok}",
        confirmation=f"/book/{ref}?token={tok}",
        calendar=f"/book/{ref}/calendar.ics?token={tok}",
    )


@router.post(
    "/bookings", status_code=status.HTTP_201_CREATED, responses={409: _ERRORS[409], 422: _ERRORS[422]}
)
def create_booking(
    body: BookingCreate, session: SessionDep, settings: SettingsDep, now: NowDep
) -> BookingPublic:
    """Book a free slot; the attached case is assessed on the server and kept with the booking."""
    made = place_booking(session, body, now=now)
    booking = made.booking
    return BookingPublic(
        reference=booking.reference,
        cancel_token=made.cancel_token,
        slot=SlotPublic.of(booking.slot, settings.tz),
        triage_level=booking.triage_level,
        links=links(booking, made.cancel_token),
    )


@router.delete(
    "/bookings/{reference}",
    status_code=status.HTTP_204_NO_CONTENT,
    responses={k: _ERRORS[k] for k in (403, 404, 422)},
)
def delete_booking(
    reference: str,
    session: SessionDep,
    now: NowDep,
    x_cancel_token: Annotated[str | None, Header(description="the cancel token")] = None,
    token: Annotated[str | None, Query(description="the cancel token, if not sent as X-Cancel-Token")] = None,
) -> Response:
    """Cancel a booking with its cancel token; the slot becomes free again."""
    given = x_cancel_token or token
    if not given:
        raise BadInput(
            "the cancel token is missing",
            [Problem("token", "send it as the X-Cancel-Token header or the token query parameter")],
        )
    cancel_booking(session, reference=reference, token=given, now=now)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
