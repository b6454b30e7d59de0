"""The yearly report through HTTP: a draft from the records, narrative with optimistic locking,
sign-off by every statutory partner, publication through the gate and the task to send it on;
bad input in GOV.UK words; attacks from outside the business unit."""

import io
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from core.models import Deadline, NarrativeVersion
from core.testing import assert_queries_do_not_grow, sign_in
from learning.models import Publication
from learning.tests.factories import ActionFactory, OtherSourceFactory
from partnership.models import Role
from partnership.tests.factories import PersonFactory
from reviews.tests.factories import partner_leads_of_every_statutory_partner
from yearly_report import selectors, services
from yearly_report.models import YearlyReport
from yearly_report.tests.factories import report_of, signed_off_by_every_partner

pytestmark = pytest.mark.django_db


def detail(report):
    return reverse("yearly_report:report_detail", args=[report.pk])


def narrative_url(report, section="scrutiny"):
    return reverse("yearly_report:narrative_edit", args=[report.pk, section])


def test_the_business_unit_opens_a_draft_for_a_year(client, cast):
    sign_in(client, cast.officer)
    response = client.post(reverse("yearly_report:report_list"), {"start_year": 2025})
    report = YearlyReport.objects.get()
    assert response.url == detail(report)
    page = client.get(detail(report)).content.decode()
    assert "1 April 2025 to 31 March 2026" in page
    assert "Learning from national reviews" in page


def test_opening_without_a_year_or_with_one_not_offered_says_so(client, cast):
    sign_in(client, cast.officer)
    url = reverse("yearly_report:report_list")
    assert "Select the 12 months the report covers" in client.post(url, {}).content.decode()
    page = client.post(url, {"start_year": 1999}).content.decode()
    assert "Select one of the 12 months offered" in page
    assert not YearlyReport.objects.exists()


def test_a_second_draft_for_the_same_year_is_refused(client, cast):
    report_of(cast)
    sign_in(client, cast.officer)
    page = client.post(reverse("yearly_report:report_list"), {"start_year": 2025}).content.decode()
    assert "There is already a yearly report for 2025-26" in page


def test_the_narrative_is_kept_with_its_history(client, cast):
    report = report_of(cast)
    sign_in(client, cast.officer)
    data = {"text": "The scrutineer found the partners work well together.", "version": 1}
    assert client.post(narrative_url(report), data).status_code == 302
    page = client.get(detail(report)).content.decode()
    assert "The scrutineer found the partners work well together." in page
    assert NarrativeVersion.objects.filter(field_name="text").count() == 2
    report.refresh_from_db()
    assert report.version == 2


def test_a_narrative_from_a_stale_page_is_refused(client, cast):
    report = report_of(cast)
    services.narrative_write(
        report=report,
        section="voice",
        text="Young people's panel",
        expected_version=1,
        by=cast.manager,
    )
    sign_in(client, cast.officer)
    page = client.post(narrative_url(report), {"text": "Mine", "version": 1}).content.decode()
    assert "Someone else changed this record after you opened it" in page
    assert "Mine" not in [n.text for n in report.narratives.all()]


def test_a_change_after_sign_off_needs_signing_off_again(client, cast):
    report = signed_off_by_every_partner(cast, report_of(cast))
    assert selectors.sign_off_blockers(report) == []
    services.narrative_write(
        report=report,
        section="voice",
        text="Added",
        expected_version=report.version,
        by=cast.officer,
    )
    report.refresh_from_db()
    assert selectors.sign_off_blockers(report)


def test_publishing_waits_for_every_statutory_partner(client, cast):
    report = report_of(cast)
    partner_leads_of_every_statutory_partner(cast)
    services.report_sign_off(report=report, agrees=True, comment="", by=cast.partner_lead)
    sign_in(client, cast.manager)
    page = client.get(detail(report)).content.decode()
    assert "Waiting for Test Borough Council" in page
    assert "Publish on the public site" not in page
    client.post(reverse("yearly_report:report_publish", args=[report.pk]))
    assert not Publication.objects.exists()


def test_signed_off_it_is_published_through_the_gate_with_a_task_to_send_it(client, cast):
    report = signed_off_by_every_partner(cast, report_of(cast))
    services.narrative_write(
        report=report, section="scrutiny", text="Effective.", expected_version=1, by=cast.officer
    )
    signed_off_by_every_partner(cast, YearlyReport.objects.get())
    sign_in(client, cast.manager)
    response = client.post(reverse("yearly_report:report_publish", args=[report.pk]))
    assert response.status_code == 302
    publication = Publication.objects.get()
    assert publication.kind == Publication.Kind.YEARLY_REPORT
    assert publication.version_label == "Version 2, signed off by every statutory partner"
    task = Deadline.objects.get(title=services.SEND_TASK)
    assert task.due_date == timezone.localdate() + timedelta(days=7)
    assert task.responsible == cast.manager
    client.logout()
    public = client.get(publication.get_absolute_url()).content.decode()
    assert '<h2 class="govuk-heading-m">The independent scrutineer&#x27;s view</h2>' in public
    assert "Effective." in public
    pdf = client.get(
        reverse("public:publication_pdf", args=[cast.partnership.slug, publication.pk])
    )
    assert pdf["Content-Type"] == "application/pdf"
    document = PdfReader(io.BytesIO(b"".join(pdf.streaming_content)))
    assert document.trailer["/Root"]["/MarkInfo"]["/Marked"]  # tagged for screen readers
    text = "".join(page.extract_text() for page in document.pages)
    assert "The independent scrutineer" in text and "Effective." in text


def test_recording_it_sent_completes_the_task(client, cast):
    report = signed_off_by_every_partner(cast, report_of(cast))
    services.report_publish(report=report, by=cast.manager)
    sign_in(client, cast.officer)
    url = reverse("yearly_report:report_sent", args=[report.pk])
    assert "Enter the date the report was sent" in client.post(url, {}).content.decode()
    today = timezone.localdate()
    client.post(url, {"sent_on_0": today.day, "sent_on_1": today.month, "sent_on_2": today.year})
    report.refresh_from_db()
    assert report.sent_on == today
    assert Deadline.objects.get(title=services.SEND_TASK).completed_at


def test_a_published_report_is_not_written_again(client, cast):
    report = signed_off_by_every_partner(cast, report_of(cast))
    services.report_publish(report=report, by=cast.manager)
    sign_in(client, cast.officer)
    assert client.post(narrative_url(report), {"text": "Late", "version": 2}).status_code == 403


def test_disagreeing_without_a_reason_says_so(client, cast):
    report = report_of(cast)
    sign_in(client, cast.partner_lead)
    response = client.post(
        reverse("yearly_report:report_sign_off", args=[report.pk]), {"agrees": "no"}, follow=True
    )
    assert "Enter why you do not agree" in response.content.decode()
    assert not report.sign_offs.exists()


def test_the_business_unit_cannot_sign_off_for_a_partner(client, cast):
    report = report_of(cast)
    sign_in(client, cast.manager)
    response = client.post(
        reverse("yearly_report:report_sign_off", args=[report.pk]), {"agrees": "yes"}
    )
    assert response.status_code == 403
    assert not report.sign_offs.exists()


def test_a_partner_lead_of_a_relevant_agency_does_not_sign_for_a_statutory_partner(client, cast):
    report = report_of(cast)
    lead = PersonFactory(
        partnership=cast.partnership, organisation=cast.hospital, roles=[Role.PARTNER_LEAD]
    )
    sign_in(client, lead)
    response = client.post(
        reverse("yearly_report:report_sign_off", args=[report.pk]), {"agrees": "yes"}, follow=True
    )
    assert "Only a partner lead of a statutory partner" in response.content.decode()
    assert not report.sign_offs.exists()


def test_the_officer_cannot_publish_even_when_signed_off(client, cast):
    report = signed_off_by_every_partner(cast, report_of(cast))
    sign_in(client, cast.officer)
    assert client.post(reverse("yearly_report:report_publish", args=[report.pk])).status_code == 403
    assert not Publication.objects.exists()


def test_another_partnerships_business_unit_does_not_find_the_draft(client, cast):
    report = report_of(cast)
    services.narrative_write(
        report=report,
        section="voice",
        text="Secret draft words",
        expected_version=1,
        by=cast.officer,
    )
    sign_in(client, cast.outsider)
    assert client.get(detail(report)).status_code == 404
    assert client.post(narrative_url(report), {"text": "x", "version": 2}).status_code == 404
    page = client.get(reverse("yearly_report:report_list")).content.decode()
    assert "Secret draft words" not in page and "2025-26" not in page


def test_a_practitioner_does_not_read_the_draft(client, cast):
    report = report_of(cast)
    sign_in(client, cast.practitioner)
    response = client.get(detail(report))
    assert response.status_code == 403
    assert "1 April 2025" not in response.content.decode()


def test_the_draft_makes_the_same_queries_however_many_records_it_counts(client, cast):
    report = report_of(cast)
    partner_leads_of_every_statutory_partner(cast)
    sign_in(client, cast.manager)

    def more():
        for _ in range(3):
            OtherSourceFactory(partnership=cast.partnership, kind="national_review")
            ActionFactory(
                recommendation__source=OtherSourceFactory(partnership=cast.partnership),
                owner_organisation=cast.hospital,
                created_at=timezone.make_aware(datetime(2025, 5, 1)),
                closed_at=timezone.make_aware(datetime(2025, 10, 1)),
                status="closed",
            )

    more()  # one of each kind already counted, so the second fetch reads no new kind of row
    assert_queries_do_not_grow(lambda: client.get(detail(report)), more)
