"""The journey as an iCalendar file (RFC 5545), built with the `icalendar` package.

Every event has a UID (the event's stable key and a digest of the plan's parameters, so that
downloading the same plan again updates the same events), a DTSTAMP in UTC, and start and end
times in Asia/Tokyo with the matching VTIMEZONE. Times of day are placeholders (the clinic
confirms them); the description says so.
"""

import hashlib
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from django.utils import timezone
from django.utils.translation import gettext as _

from .labels import event_detail, event_title
from .schedule import Event
from .services import Journey

TOKYO = ZoneInfo("Asia/Tokyo")
PRODID = "-//Saisei//Journey planner//EN"

# (start time, duration) per kind of event; range events run from the first to the last day.
TIMES = {
    "consultation": (time(10, 0), timedelta(hours=2)),
    "harvest": (time(10, 0), timedelta(hours=3)),
    "injection": (time(10, 0), timedelta(hours=2)),
    "follow_up": (time(10, 0), timedelta(minutes=30)),
    "arrive": (time(15, 0), timedelta(hours=1)),
    "arrive_again": (time(15, 0), timedelta(hours=1)),
    "depart_between": (time(12, 0), timedelta(hours=1)),
    "return": (time(12, 0), timedelta(hours=1)),
    "visa_apply": (time(9, 0), timedelta(minutes=30)),
}


def plan_digest(params: dict[str, str]) -> str:
    text = "&".join(f"{key}={params[key]}" for key in sorted(params))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _times(event: Event) -> tuple[datetime, datetime]:
    if event.kind in TIMES:
        start, length = TIMES[event.kind]
        begin = datetime.combine(event.start, start, tzinfo=TOKYO)
        return begin, begin + length
    begin = datetime.combine(event.start, time(9, 0), tzinfo=TOKYO)
    return begin, datetime.combine(event.end, time(18, 0), tzinfo=TOKYO)


def journey_calendar(
    journey: Journey, params: dict[str, str], plan_url: str, now: datetime | None = None
) -> bytes:
    stamp = (now or timezone.now()).astimezone(ZoneInfo("UTC"))
    digest = plan_digest(params)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _("Saisei journey plan"))
    weeks = journey.schedule.culture_weeks
    for event in journey.events:
        start, end = _times(event)
        item = icalendar.Event()
        item.add("uid", f"{event.key}-{digest}@saisei")
        item.add("dtstamp", stamp)
        item.add("dtstart", start)
        item.add("dtend", end)
        item.add("summary", event_title(event, journey.request.home, weeks))
        lines = [event_detail(event)]
        if event.kind in TIMES:
            lines.append(_("The time of day is a placeholder."))
        lines.append(
            _("Planned with Saisei (guidance, not medical or legal advice): %(url)s")
            % {"url": plan_url}
        )
        item.add("description", "\n".join(line for line in lines if line))
        if event.clinic_day and journey.treatment.facility_name:
            item.add("location", journey.treatment.facility_name)
        item.add("transp", "TRANSPARENT" if event.start != event.end else "OPAQUE")
        cal.add_component(item)
    cal.add_missing_timezones()
    return cal.to_ical()


def filename(first_day: date) -> str:
    return f"saisei-journey-{first_day.isoformat()}.ics"
