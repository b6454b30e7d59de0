"""Training at national scale: every partnership runs 30 courses with 120 dates over the year
ahead, each with one person of every role booked (about 150,000 bookings); the first partnership's first course
has 200 dates. Measures the course list, a course with its 200 dates, the public listing of a
partnership's dates, and booking a place (the event locked, places counted) against rendering the
minimal signed-in page."""

from datetime import datetime, time, timedelta

from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from partnership.models import Partnership, Role, RoleAssignment, User
from training import services
from training.models import Booking, Course, Event

COURSES = 30
EVENTS = 120
NEWCOMER = "training.newcomer@benchmark.example"
FIRST_COURSE_EVENTS = 200


def _starts(world, day_offset: int) -> datetime:
    day = world.today + timedelta(days=day_offset)
    return datetime.combine(day, time(9, 30), tzinfo=timezone.get_current_timezone())


def seed(world) -> None:
    formats = list(Course.Format.values)
    levels = list(Course.Level.values)
    courses = Course.objects.bulk_create(
        (
            Course(
                partnership=partnership,
                title=f"Benchmark course {n}",
                description="A course of the benchmark world.",
                level=world.rng.choice(levels),
                course_format=world.rng.choice(formats),
                created_by=world.person(partnership, Role.BUSINESS_UNIT_MANAGER),
            )
            for partnership in world.partnerships
            for n in range(COURSES)
        ),
        batch_size=5000,
    )
    by_partnership: dict[int, list[Course]] = {}
    for course in courses:
        by_partnership.setdefault(course.partnership_id, []).append(course)
    rows = []
    for partnership in world.partnerships:
        own = by_partnership[partnership.pk]
        counts = [(own[0], FIRST_COURSE_EVENTS)] if partnership == world.partnerships[0] else []
        counts += [(world.rng.choice(own), 1) for _ in range(EVENTS)]
        for course, count in counts:
            for _ in range(count):
                starts = _starts(world, world.rng.randint(1, 365))
                rows.append(
                    Event(
                        partnership=partnership,
                        course=course,
                        starts_at=starts,
                        ends_at=starts + timedelta(hours=3),
                        venue="Benchmark Centre",
                        capacity=20,
                        created_by=course.created_by,
                    )
                )
    events = Event.objects.bulk_create(rows, batch_size=5000)
    people = {
        partnership.pk: [world.person(partnership, role) for role in Role.values]
        for partnership in world.partnerships
    }
    Booking.objects.bulk_create(
        (
            Booking(
                partnership_id=event.partnership_id,
                event=event,
                person=person,
                status=Booking.Status.BOOKED,
            )
            for event in events
            for person in people[event.partnership_id]
        ),
        batch_size=5000,
    )
    first = world.partnerships[0]
    newcomer = User.objects.create(
        email=NEWCOMER, full_name="Benchmark Newcomer", partnership=first
    )
    RoleAssignment.objects.create(person=newcomer, partnership=first, role=Role.PRACTITIONER)


def measure(bench) -> None:
    partnership = Partnership.objects.order_by("pk").first()
    # The world's practitioner (the newcomer, added later, has not booked anything).
    practitioner = (
        partnership.role_assignments.filter(role=Role.PRACTITIONER).order_by("pk").first().person
    )
    course = Course.objects.filter(partnership=partnership).order_by("pk").first()
    dates = course.events.count()
    bench.page(
        f"Training: the course list ({COURSES} courses)",
        reverse("training:course_list"),
        practitioner,
    )
    bench.page(
        f"A course with its {dates} dates (20 a page)", course.get_absolute_url(), practitioner
    )
    bench.page(
        f"Public listing of a partnership's training dates ({EVENTS + FIRST_COURSE_EVENTS} dates)",
        reverse("public:training", args=[partnership.slug]),
        practitioner,
    )
    _booking(bench, partnership, course)


def _booking(bench, partnership, course) -> None:
    """Booking a place on an event others have booked, rolled back each time, against
    rendering the minimal signed-in page in this process."""
    event = course.events.order_by("starts_at").first()
    newcomer = User.objects.get(email=NEWCOMER)
    client = Client()
    client.force_login(newcomer)

    def book_then_roll_back():
        with transaction.atomic():
            services.booking_make(event=event, person=newcomer)
            transaction.set_rollback(True)

    bench.operation(
        "training_booking",
        "Book a place on an event (row locked, places counted, audit row)",
        book_then_roll_back,
        baseline="The minimal signed-in page through Django's test client",
        baseline_function=lambda: client.get(reverse("partnership:account")),
    )
