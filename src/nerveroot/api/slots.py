"""GET /api/v1/slots: free consultation slots, by default from now to the end of the booking window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Query

from nerveroot.api.deps import NowDep, SettingsDep, UowDep
from nerveroot.api.jsonbody import SafeJsonRoute
from nerveroot.api.openapi import responses
from nerveroot.api.ratelimit import limit
from nerveroot.api.schemas import SlotPublic
from nerveroot.errors import BadInput, Problem
from nerveroot.store.slots import free_slots

router = APIRouter(tags=["slots"], route_class=SafeJsonRoute)
MAX_RANGE_DAYS = 92
MAX_AHEAD_DAYS = 731  # nobody books further ahead; also keeps date arithmetic far from year 9999
DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"  # a calendar day only: not a timestamp, not a date-time


def _day(text: str | None, where: str) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise BadInput(
            "not a day", [Problem(where, "expected a day that exists, YYYY-MM-DD", text)]
        ) from None


@router.get("/slots", responses=responses(422, 429, 503), dependencies=[Depends(limit("slots"))])
def read_slots(
    uow: UowDep,
    settings: SettingsDep,
    now: NowDep,
    from_text: Annotated[
        str | None, Query(alias="from", pattern=DAY, description="first day (clinic time), YYYY-MM-DD")
    ] = None,
    to_text: Annotated[
        str | None, Query(alias="to", pattern=DAY, description="last day (clinic time), YYYY-MM-DD, included")
    ] = None,
) -> list[SlotPublic]:
    """Free slots, earliest first; times in UTC (`Z`), one offset whatever the season; days are clinic days."""
    from_, to = _day(from_text, "query.from"), _day(to_text, "query.to")
    tz = settings.tz
    today = now.astimezone(tz).date()
    horizon = today + timedelta(days=MAX_AHEAD_DAYS)
    for name, value in (("query.from", from_), ("query.to", to)):
        if value is not None and value > horizon:
            raise BadInput(
                "the date is too far ahead",
                [Problem(name, f"expected a day up to {MAX_AHEAD_DAYS} days ahead ({horizon})", str(value))],
            )
    first = from_ or today
    last = to or today + timedelta(days=settings.booking_days)
    if last < first:
        raise BadInput("the range is empty", [Problem("query.to", f"must be on or after {first}", str(last))])
    if (last - first).days > MAX_RANGE_DAYS:
        raise BadInput(
            "the range is too long",
            [Problem("query.to", f"at most {MAX_RANGE_DAYS} days after 'from'", str(last))],
        )
    # Past days hold no free slot, and clamping keeps year 1 out of the time-zone sums.
    start = max(now, datetime.combine(max(first, today), time(0), tzinfo=tz))
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
    with uow.read() as session:
        return [SlotPublic.of(slot, tz) for slot in free_slots(session, start=start, end=end)]
