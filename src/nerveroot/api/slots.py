"""GET /api/v1/slots: free consultation slots, by default from now to the end of the booking window."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Annotated

from fastapi import APIRouter, Query

from nerveroot.api.deps import NowDep, SessionDep, SettingsDep
from nerveroot.api.schemas import SlotPublic
from nerveroot.errors import BadInput, Problem
from nerveroot.store.slots import free_slots

router = APIRouter(tags=["slots"])
MAX_RANGE_DAYS = 92


@router.get("/slots")
def read_slots(
    session: SessionDep,
    settings: SettingsDep,
    now: NowDep,
    from_: Annotated[
        date | None, Query(alias="from", description="first day (clinic time), YYYY-MM-DD")
    ] = None,
    to: Annotated[date | None, Query(description="last day (clinic time), YYYY-MM-DD, included")] = None,
) -> list[SlotPublic]:
    """Free slots, earliest first; times in UTC (`Z`), one offset whatever the season; days are clinic days."""
    tz = settings.tz
    today = now.astimezone(tz).date()
    first = from_ or today
    last = to or today + timedelta(days=settings.booking_days)
    if last < first:
        raise BadInput("the range is empty", [Problem("query.to", f"must be on or after {first}", str(last))])
    if (last - first).days > MAX_RANGE_DAYS:
        raise BadInput(
            "the range is too long",
            [Problem("query.to", f"at most {MAX_RANGE_DAYS} days after 'from'", str(last))],
        )
    start = max(now, datetime.combine(first, time(0), tzinfo=tz))
    end = datetime.combine(last + timedelta(days=1), time(0), tzinfo=tz)
    return [SlotPublic.of(slot, tz) for slot in free_slots(session, start=start, end=end)]
