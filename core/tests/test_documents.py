"""Uploads are checked by type and size; downloads only for people who may see the record."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import services
from core.documents import check_upload
from core.models import AuditEvent, Document
from core.testing import sign_in
from core.tests import hostile_files

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", PDF),
        ("chart.png", PNG),
        ("chronology.csv", "date,event\n2026-01-02,Visit – home\n".encode()),
    ],
)
def test_allowed_documents_are_accepted(name, content):
    assert check_upload(upload(name, content))


def test_a_file_type_not_on_the_list_is_refused():
    with pytest.raises(ValidationError, match="must be a"):
        check_upload(upload("run.exe", b"MZ\x90\x00"))


def test_a_file_pretending_to_be_a_pdf_is_refused():
    with pytest.raises(ValidationError, match="not really a PDF"):
        check_upload(upload("report.pdf", PNG))


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        check_upload(upload("report.pdf", b""))


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="smaller than"):
        check_upload(upload("report.pdf", PDF))


def test_an_office_document_that_unpacks_to_too_much_is_refused(settings):
    settings.UPLOAD_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    _name, content, refusal = hostile_files.zip_bomb(2 * 1024 * 1024)
    with pytest.raises(ValidationError, match=refusal):
        check_upload(upload("figures.xlsx", content))


def test_a_damaged_office_document_is_refused():
    _name, content, _refusal = hostile_files.broken_zip()
    with pytest.raises(ValidationError, match="not a readable DOCX file"):
        check_upload(upload("report.docx", content))


def test_a_text_file_that_is_not_text_is_refused():
    with pytest.raises(ValidationError, match="plain text"):
        check_upload(upload("chronology.csv", b"\xff\xfe\x00\x00binary"))


@pytest.fixture
def document(cast):
    return services.document_upload(
        owner=cast.council,
        partnership=cast.partnership,
        upload=upload("terms.pdf", PDF),
        title="Terms",
        kind=Document.Kind.OTHER,
        by=cast.officer,
    )


@pytest.mark.django_db
def test_a_person_who_may_see_the_record_downloads_its_document_and_the_download_is_recorded(
    client, cast, document
):
    sign_in(client, cast.practitioner)
    response = client.get(reverse("core:document_download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert 'filename="terms.pdf"' in response["Content-Disposition"]
    assert AuditEvent.objects.filter(
        event=AuditEvent.Event.DOWNLOADED, actor=cast.practitioner
    ).exists()


@pytest.mark.django_db
def test_someone_of_another_partnership_cannot_download_it(client, cast, document):
    sign_in(client, cast.outsider)
    assert client.get(reverse("core:document_download", args=[document.pk])).status_code == 404


@pytest.mark.django_db
def test_an_uploaded_file_is_stored_under_a_random_name_not_its_own(cast, document):
    assert "terms" not in document.file.name
    assert document.original_name == "terms.pdf"
