"""Documents can be kept in an S3-compatible object store instead of on disk (DOCUMENT_BUCKET)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core import services
from core.models import Document
from core.testing import sign_in

pytestmark = pytest.mark.django_db
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_an_uploaded_document_is_kept_in_the_object_store_as_a_private_object(
    object_store, cast, tmp_path
):
    document = services.document_upload(
        owner=cast.council,
        partnership=cast.partnership,
        upload=SimpleUploadedFile("terms.pdf", PDF),
        title="Terms",
        kind=Document.Kind.OTHER,
        by=cast.officer,
    )
    stored = object_store.Object(f"documents/{document.file.name}")
    assert stored.get()["Body"].read() == PDF
    grants = stored.Acl().grants
    assert [grant["Permission"] for grant in grants] == ["FULL_CONTROL"]
    assert grants[0]["Grantee"]["Type"] == "CanonicalUser"
    assert not (tmp_path / "unused").exists()


def test_a_document_in_the_object_store_is_served_only_to_people_who_may_see_its_record(
    object_store, client, cast
):
    document = services.document_upload(
        owner=cast.council,
        partnership=cast.partnership,
        upload=SimpleUploadedFile("terms.pdf", PDF),
        title="Terms",
        kind=Document.Kind.OTHER,
        by=cast.officer,
    )
    sign_in(client, cast.practitioner)
    response = client.get(reverse("core:document_download", args=[document.pk]))
    assert b"".join(response.streaming_content) == PDF

    sign_in(client, cast.outsider)
    assert client.get(reverse("core:document_download", args=[document.pk])).status_code == 404
