"""The one gate to the public site: every route checks its text (and any document) against the
children of every source it draws on, refuses with the hits, and records what was published."""

import io
from datetime import UTC, datetime

import docx
import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.models import AuditEvent, Document
from core.testing import sign_in
from learning import services, services_publication
from learning.models import Briefing, Newsletter, OtherSource, Publication
from learning.publication import Subjects
from learning.tests.factories import FindingFactory, OtherSourceFactory, published_newsletter

pytestmark = pytest.mark.django_db

CHILD = Subjects(names=["Amber Testchild"], places=["Oak Tree Primary School"])


@pytest.fixture
def source(cast, monkeypatch):
    monkeypatch.setattr(OtherSource, "learning_subjects", CHILD, raising=False)
    return OtherSourceFactory(partnership=cast.partnership)


def publish(cast, source, **fields):
    return services_publication.publication_publish(
        source=source,
        kind=Publication.Kind.OTHER,
        **{"title": "Learning", "summary": "Summary", "body": "Body", **fields},
        by=cast.manager,
    )


def docx_upload(*paragraphs, name="report.docx"):
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def test_the_gate_takes_the_subjects_from_the_source_itself(cast, source):
    with pytest.raises(services_publication.PublicationRefused) as refused:
        publish(cast, source, body="She went to Oak Tree Primary.")
    assert refused.value.messages == ["line 3: place: Oak Tree Primary"]
    assert not Publication.objects.exists()


def test_the_gate_records_who_published_which_version_and_a_digest(cast, source):
    publication = publish(cast, source, version_label="Draft 3")
    row = AuditEvent.objects.get(event=AuditEvent.Event.PUBLISHED, subject_id=str(publication.pk))
    assert (publication.published_by, publication.version_label) == (cast.manager, "Draft 3")
    assert len(publication.content_digest) == 64
    assert row.details["version"] == "Draft 3"
    assert row.details["digest"] == publication.content_digest


def test_a_document_naming_the_child_is_refused_and_not_stored(cast, source):
    upload = docx_upload("Summary", "Amber was seen by the health visitor.")
    with pytest.raises(services_publication.PublicationRefused) as refused:
        publish(cast, source, upload=upload)
    assert refused.value.messages == ["attached document, line 2: name: Amber"]
    assert not Document.objects.exists()


def test_a_document_that_cannot_be_read_is_refused_with_the_reason(cast, source):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7\nbroken beyond reading")
    with pytest.raises(ValidationError, match="cannot be checked for identifying details"):
        publish(cast, source, upload=upload)
    assert not Publication.objects.exists()


def test_a_clean_document_is_published_with_its_text_in_the_digest(cast, source):
    plain = publish(cast, source)
    with_document = publish(cast, source, upload=docx_upload("Child R was known to agencies."))
    assert with_document.document.owner == with_document
    assert with_document.content_digest != plain.content_digest


def test_the_publish_form_refuses_a_document_naming_the_child(client, cast, source):
    sign_in(client, cast.manager)
    response = client.post(
        reverse("learning:publication_create", args=[_type_id(source), source.pk]),
        {
            "title": "Learning",
            "summary": "Summary",
            "body": "",
            "document": docx_upload("Amber Testchild's school"),
        },
    )
    assert "attached document, line 1: name: Amber Testchild" in response.content.decode()
    assert not Publication.objects.exists()


def test_the_publish_form_offers_no_review_report_even_to_a_crafted_post(client, cast, source):
    sign_in(client, cast.manager)
    url = reverse("learning:publication_create", args=[_type_id(source), source.pk])
    assert "Review report" not in client.get(url).content.decode()
    client.post(url, {"kind": "review_report", "title": "Learning", "summary": "S", "body": ""})
    assert Publication.objects.get().kind == Publication.Kind.OTHER


def test_a_briefing_naming_a_child_of_its_findings_sources_is_refused(cast, source):
    briefing = services.briefing_create(
        partnership=cast.partnership,
        title="Safe sleep",
        findings=[FindingFactory(source=source)],
        sections={name: "Text" for name, _ in Briefing.HEADINGS} | {"reflect": "Amber's cot"},
        by=cast.officer,
    )
    Briefing.objects.filter(pk=briefing.pk).update(
        status=Briefing.Status.APPROVED, approved_by=cast.manager
    )
    briefing.refresh_from_db()
    with pytest.raises(services_publication.PublicationRefused):
        services.briefing_publish(briefing=briefing, by=cast.manager)
    assert not Publication.objects.exists()


def test_a_newsletter_is_checked_as_a_whole_against_the_sources_of_its_items(cast, source):
    item = publish(cast, source, title="Learning about school attendance")
    with pytest.raises(services_publication.PublicationRefused) as refused:
        published_newsletter(cast, items=[item], introduction="News of Amber Testchild")
    assert refused.value.messages == ["line 2: name: Amber Testchild"]
    assert not Publication.objects.filter(kind=Publication.Kind.NEWSLETTER).exists()


def test_a_newsletters_other_items_are_checked_too(cast, source):
    item = publish(cast, source)
    with pytest.raises(services_publication.PublicationRefused):
        published_newsletter(cast, items=[item], extra_items="Visit to Oak Tree Primary School")


def test_a_newsletter_needs_approval_by_someone_other_than_its_author(cast):
    newsletter = services.newsletter_create(
        partnership=cast.partnership,
        title="Winter",
        introduction="Hello",
        items=[],
        extra_items="",
        by=cast.manager,
    )
    with pytest.raises(ValidationError, match="approve the newsletter first"):
        services.newsletter_publish(newsletter=newsletter, by=cast.manager)
    with pytest.raises(ValidationError, match="other than its author"):
        services.newsletter_approve(newsletter=newsletter, by=cast.manager)
    services.newsletter_approve(newsletter=newsletter, by=cast.officer)
    services.newsletter_publish(newsletter=newsletter, by=cast.manager)
    assert newsletter.status == Newsletter.Status.PUBLISHED


def test_the_newsletter_page_refuses_the_author_approving_their_own(client, cast):
    newsletter = services.newsletter_create(
        partnership=cast.partnership,
        title="Winter",
        introduction="Hello",
        items=[],
        extra_items="",
        by=cast.manager,
    )
    sign_in(client, cast.manager)
    assert "Approve" not in client.get(reverse("learning:newsletter_list")).content.decode()
    response = client.post(reverse("learning:newsletter_approve", args=[newsletter.pk]))
    assert response.status_code == 403
    newsletter.refresh_from_db()
    assert newsletter.status == Newsletter.Status.DRAFT


def test_a_newsletter_naming_a_child_is_refused_on_its_page_with_the_hits(client, cast, source):
    item = publish(cast, source)
    newsletter = services.newsletter_create(
        partnership=cast.partnership,
        title="Winter",
        introduction="Amber is back",
        items=[item],
        extra_items="",
        by=cast.officer,
    )
    services.newsletter_approve(newsletter=newsletter, by=cast.manager)
    sign_in(client, cast.manager)
    response = client.post(
        reverse("learning:newsletter_publish", args=[newsletter.pk]), follow=True
    )
    assert "line 2: name: Amber" in response.content.decode()


@pytest.mark.parametrize(
    ("published", "refused_on", "allowed_on"),
    [
        ("2026-01-31 12:00", "2027-01-30 12:00", "2027-01-31 12:00"),
        ("2028-02-29 12:00", "2029-02-27 12:00", "2029-02-28 12:00"),
    ],
)
def test_a_review_report_stays_for_12_calendar_months(
    cast, source, published, refused_on, allowed_on
):
    with time_machine.travel(datetime.fromisoformat(published).replace(tzinfo=UTC)):
        report = publish(cast, source)
        Publication.objects.filter(pk=report.pk).update(kind=Publication.Kind.REVIEW_REPORT)
        report.refresh_from_db()
    with (
        time_machine.travel(datetime.fromisoformat(refused_on).replace(tzinfo=UTC)),
        pytest.raises(ValidationError, match="at least 12 months"),
    ):
        services_publication.publication_withdraw(publication=report, reason="Old", by=cast.manager)
    with time_machine.travel(datetime.fromisoformat(allowed_on).replace(tzinfo=UTC)):
        services_publication.publication_withdraw(publication=report, reason="Old", by=cast.manager)


def test_the_12_months_apply_to_a_reviews_report_whatever_kind_it_was_published_as(cast):
    from reviews.tests.factories import lcspr_for

    review = lcspr_for(cast)
    item = publish(cast, review)
    assert item.kind == Publication.Kind.OTHER
    with pytest.raises(ValidationError, match="at least 12 months"):
        services_publication.publication_withdraw(publication=item, reason="Old", by=cast.manager)


def _type_id(source):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(source).pk


def test_the_checked_document_is_downloadable_from_the_public_page(client, cast, source):
    item = publish(cast, source, upload=docx_upload("Child R was known to agencies."))
    page = client.get(item.get_absolute_url()).content.decode()
    assert "Download the document: report.docx" in page
    response = client.get(
        reverse("public:publication_document", args=[item.partnership.slug, item.pk])
    )
    assert b"".join(response.streaming_content).startswith(b"PK")
