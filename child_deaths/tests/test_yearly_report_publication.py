"""The CDOP yearly report reaches the public site only through the publication gate, checked
against the identifying details of every death it counts."""

import pytest
from django.urls import reverse

from child_deaths.tests.factories import ChildDeathFactory
from core.testing import sign_in
from learning.models import Publication

pytestmark = pytest.mark.django_db


def publish(client, person, year):
    sign_in(client, person)
    return client.post(f"{reverse('child_deaths:yearly_report_publish')}?year={year}", follow=True)


def test_the_business_unit_publishes_the_yearly_report_with_small_counts_hidden(client, cast):
    death = ChildDeathFactory(area=cast.middlesbrough)
    year = death.notified_at.year if death.notified_at.month >= 4 else death.notified_at.year - 1
    publish(client, cast.manager, year)
    publication = Publication.objects.get()
    assert publication.version_label.startswith(f"Reporting year 1 April {year}")
    assert "Deaths notified\nfewer than 5" in publication.body
    assert client.get(publication.get_absolute_url()).status_code == 200


def test_a_yearly_report_containing_a_counted_childs_detail_is_refused(client, cast):
    # The report's own words stand in for a family member's name recorded on a death it counts.
    death = ChildDeathFactory(area=cast.middlesbrough)
    death.identity.family_members = "Median Example"
    death.identity.save()
    year = death.notified_at.year if death.notified_at.month >= 4 else death.notified_at.year - 1
    response = publish(client, cast.manager, year)
    assert "family member&#x27;s name: Median" in response.content.decode()
    assert not Publication.objects.exists()


def test_a_partner_lead_cannot_publish_the_yearly_report(client, cast):
    sign_in(client, cast.partner_lead)
    response = client.post(reverse("child_deaths:yearly_report_publish"))
    assert response.status_code == 403
    assert not Publication.objects.exists()
