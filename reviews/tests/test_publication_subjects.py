"""Every review source gives the publication check the children it is about."""

from datetime import date

import pytest
from django.contrib.contenttypes.models import ContentType

from child_deaths.tests.factories import ChildDeathFactory
from learning.services_publication import PublicationRefused, publication_publish
from reviews import services, services_reviews
from reviews.models import NotifiedChild, Review
from reviews.tests.factories import LearningReferralFactory, notification_for

pytestmark = pytest.mark.django_db


def add_child(notification, cast):
    return services.notified_child_add(
        notification=notification,
        pseudonym="Child R",
        outcome=NotifiedChild.Outcome.SERIOUSLY_HARMED,
        age=4,
        full_name="Tess Example",
        date_of_birth=date(2021, 7, 9),
        address="4 Sample Road, Testtown, TS2 3CD",
        by=cast.officer,
    )


def refused(source, text, cast) -> list[str]:
    with pytest.raises(PublicationRefused) as refusal:
        publication_publish(
            source=source, title="Learning", summary=text, body="", kind="other", by=cast.manager
        )
    return refusal.value.messages


def test_a_rapid_review_carries_its_notified_children_and_the_incident_date(cast):
    notification = notification_for(cast, incident_date=date(2026, 2, 27))
    add_child(notification, cast)
    assert refused(notification.rapid_review, "Tess, 27/02/2026, Sample Road", cast) == [
        "line 2: name: Tess",
        "line 2: incident date: 27/02/2026",
        "line 2: address: Sample Road",
    ]


def test_a_case_review_opened_from_a_referral_carries_the_referrals_children(cast):
    referral = LearningReferralFactory(partnership=cast.partnership)
    notification = notification_for(cast)
    notification.referral = referral
    notification.save(update_fields=["referral"])
    add_child(notification, cast)
    review = services_reviews.review_open(
        partnership=cast.partnership,
        review_type=Review.Type.MULTI_AGENCY,
        title="Child R",
        referral=referral,
        by=cast.officer,
    )
    assert refused(review, "Born in July 2021", cast) == ["line 2: month of birth: July 2021"]


def test_a_review_from_a_referral_about_a_child_death_carries_that_child(cast):
    death = ChildDeathFactory(area__partnership=cast.partnership, date_of_death=date(2025, 6, 1))
    referral = LearningReferralFactory(
        partnership=cast.partnership,
        origin_type=ContentType.objects.get_for_model(death),
        origin_id=death.pk,
    )
    review = services_reviews.review_open(
        partnership=cast.partnership,
        review_type=Review.Type.SINGLE_AGENCY,
        title="Child R",
        referral=referral,
        by=cast.officer,
    )
    assert refused(review, "Testchild died on 1 June 2025", cast) == [
        "line 2: name: Testchild",
        "line 2: date of death: 1 June 2025",
    ]


def test_a_child_death_carries_the_date_of_death(cast):
    death = ChildDeathFactory(area__partnership=cast.partnership, date_of_death=date(2025, 6, 1))
    assert refused(death, "She died in June 2025", cast) == ["line 2: month of death: June 2025"]


def test_nicknames_family_members_and_places_recorded_on_the_child_are_checked(cast):
    notification = notification_for(cast)
    services.notified_child_add(
        notification=notification,
        pseudonym="Child R",
        outcome=NotifiedChild.Outcome.SERIOUSLY_HARMED,
        age=4,
        full_name="Tess Example",
        known_as="Tessie",
        family_members="Jordan Exampleparent\nKai Example",
        places="Oak Tree Primary School",
        by=cast.officer,
    )
    assert refused(
        notification.rapid_review, "Tessie, Jordan and Kai at Oak Tree School", cast
    ) == [
        "line 2: name: Tessie",
        "line 2: family member's name: Jordan",
        "line 2: family member's name: Kai",
        "line 2: place: Oak Tree School",
    ]


def test_a_child_deaths_family_and_places_are_checked(cast):
    death = ChildDeathFactory(area__partnership=cast.partnership)
    death.identity.family_members = "Robin Example"
    death.identity.places = "Castle Medical Centre"
    death.identity.save()
    assert refused(death, "Robin took her to Castle Medical Centre", cast) == [
        "line 2: family member's name: Robin",
        "line 2: place: Castle Medical Centre",
    ]
