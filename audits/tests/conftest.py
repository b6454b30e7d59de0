from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from audits.tests.factories import audit_for, case_of, request_to
from partnership.models import Role
from partnership.tests.factories import PersonFactory


@pytest.fixture
def hospital_request(cast):
    """The hospital (the cast's contributor's agency) asked about a case of a planned audit."""
    return request_to(case_of(audit_for(cast)), cast.hospital)


@pytest.fixture
def police_contributor(cast):
    return PersonFactory(
        email="police_contributor@test.example",
        partnership=cast.partnership,
        organisation=cast.police,
        roles=[Role.AGENCY_CONTRIBUTOR],
    )


def xlsx_upload(rows, name="return.xlsx") -> SimpleUploadedFile:
    """A workbook of `rows`, as a browser uploads it."""
    book = Workbook()
    for row in rows:
        book.active.append(row)
    output = BytesIO()
    book.save(output)
    return SimpleUploadedFile(
        name,
        output.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
