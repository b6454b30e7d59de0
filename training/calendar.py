"""Training events as iCalendar (RFC 5545): public feeds, a person's own feed, and the invitation
attached to each reminder. One VEVENT per event, whose UID never changes and whose SEQUENCE rises
each time its date, time or place does, so calendars move it rather than add another."""

from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar
from icalendar import Event as VEvent

PRODUCT = "-//Learning Hub//Training//EN"


def _uid(event) -> str:
    return f"training-event-{event.pk}@{settings.SITE_URL.split('://')[-1].rstrip('/')}"


def vevent(event, *, cancelled: bool = False) -> VEvent:
    component = VEvent()
    component.add("uid", _uid(event))
    component.add("dtstamp", event.updated_at)
    component.add("last-modified", event.updated_at)
    component.add("sequence", event.sequence)
    component.add("dtstart", event.starts_at)
    component.add("dtend", event.ends_at)
    component.add("summary", event.course.title)
    component.add("description", event.course.description)
    if event.venue:
        component.add("location", event.venue)
    component.add("url", event.online_url or f"{settings.SITE_URL}{event.get_absolute_url()}")
    component.add("status", "CANCELLED" if cancelled or event.is_cancelled else "CONFIRMED")
    return component


def calendar_of(events: Iterable, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for event in events:
        calendar.add_component(vevent(event))
    return calendar.to_ical()
