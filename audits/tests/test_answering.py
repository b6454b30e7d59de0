"""An agency answers its request in the browser, or offline in the tool's workbook."""

from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from audits import selectors
from audits.models import Answer, AuditRequest, SectionReturn
from audits.tests.conftest import xlsx_upload
from core.models import Deadline
from core.testing import sign_in

pytestmark = pytest.mark.django_db


def complete_post(request: AuditRequest, **changes) -> dict:
    """Every question answered: yes, good, or a sentence, and the agency's grade."""
    layout = selectors.layout(request.case.audit.tool_version)
    data = {"version": request.version, "grade": "3", "send": ""}
    for question in layout.questions.values():
        data[f"question_{question.id}"] = {"yes_partly_no": "yes", "grade": "3", "text": "Safer."}[
            question.kind
        ]
    data.update(changes)
    return data


def downloaded_rows(client, request) -> list[list]:
    response = client.get(reverse("audits:request_workbook", args=[request.pk]))
    sheet = load_workbook(BytesIO(response.content)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_the_contributor_sends_the_return_in_the_browser(client, cast, hospital_request):
    sign_in(client, cast.contributor)
    response = client.post(hospital_request.get_absolute_url(), complete_post(hospital_request))
    assert response.status_code == 302
    hospital_request.refresh_from_db()
    assert hospital_request.status == AuditRequest.Status.RETURNED
    assert hospital_request.grade == 3
    assert hospital_request.returned_by == cast.contributor
    assert Deadline.objects.get(subject_id=hospital_request.pk).completed_at is not None


def test_a_draft_keeps_what_is_answered_so_far(client, cast, hospital_request):
    data = complete_post(hospital_request, grade="")
    del data["send"]
    data["save"] = ""
    first = next(name for name in data if name.startswith("question_"))
    data = {
        name: value
        for name, value in data.items()
        if not name.startswith("question_") or name == first
    }
    sign_in(client, cast.contributor)
    client.post(hospital_request.get_absolute_url(), data)
    hospital_request.refresh_from_db()
    assert hospital_request.status == AuditRequest.Status.IN_PROGRESS
    assert Answer.objects.filter(request=hospital_request).count() == 1


def test_a_return_with_a_question_left_out_is_not_sent(client, cast, hospital_request):
    data = complete_post(hospital_request)
    first = next(name for name in data if name.startswith("question_"))
    del data[first]
    sign_in(client, cast.contributor)
    page = client.post(hospital_request.get_absolute_url(), data).content.decode()
    assert "Answer question 1.1" in page
    assert not Answer.objects.exists()


def test_a_grade_out_of_scale_is_refused_with_nothing_written(client, cast, hospital_request):
    sign_in(client, cast.contributor)
    page = client.post(
        hospital_request.get_absolute_url(), complete_post(hospital_request, grade="9")
    ).content.decode()
    assert "Grade your agency&#x27;s involvement as outstanding" in page
    assert not Answer.objects.exists()


def test_the_workbook_comes_back_as_the_agencys_answers(client, cast, hospital_request):
    sign_in(client, cast.contributor)
    rows = downloaded_rows(client, hospital_request)
    assert rows[0] == ["Reference", "Section", "Question", "Answer with", "Answer"]
    for row in rows[1:]:
        row[4] = {"Yes, partly, no or not applicable": "Partly", "Text": "Better."}.get(
            row[3], "Good"
        )
    response = client.post(
        reverse("audits:request_upload", args=[hospital_request.pk]), {"file": xlsx_upload(rows)}
    )
    assert response.status_code == 302
    hospital_request.refresh_from_db()
    assert hospital_request.status == AuditRequest.Status.IN_PROGRESS
    assert hospital_request.grade == 3
    layout = selectors.layout(hospital_request.case.audit.tool_version)
    assert Answer.objects.filter(request=hospital_request).count() == len(layout.questions)
    assert SectionReturn.objects.filter(request=hospital_request).count() == len(layout.sections)
    assert "Partly" in client.get(hospital_request.get_absolute_url()).content.decode()


def test_a_workbook_with_wrong_columns_is_refused_naming_row_and_column(
    client, cast, hospital_request
):
    sign_in(client, cast.contributor)
    rows = downloaded_rows(client, hospital_request)
    rows[0][4] = "Reply"
    page = client.post(
        reverse("audits:request_upload", args=[hospital_request.pk]), {"file": xlsx_upload(rows)}
    ).content.decode()
    assert "Row 1, column &#x27;Answer&#x27;" in page
    assert not Answer.objects.exists()


def test_a_workbook_answering_a_question_not_in_the_tool_writes_nothing(
    client, cast, hospital_request
):
    sign_in(client, cast.contributor)
    rows = downloaded_rows(client, hospital_request)
    rows[1][4] = "Yes"
    rows.append(["9.9", "Other", "A question from another tool", "Text", "Something"])
    page = client.post(
        reverse("audits:request_upload", args=[hospital_request.pk]), {"file": xlsx_upload(rows)}
    ).content.decode()
    assert f"Row {len(rows)}, column &#x27;Reference&#x27;" in page
    assert not Answer.objects.exists()


def test_a_workbook_grade_out_of_scale_writes_nothing(client, cast, hospital_request):
    sign_in(client, cast.contributor)
    rows = downloaded_rows(client, hospital_request)
    rows[1][4] = "Yes"
    rows[-1][4] = "Excellent"
    page = client.post(
        reverse("audits:request_upload", args=[hospital_request.pk]), {"file": xlsx_upload(rows)}
    ).content.decode()
    assert f"Row {len(rows)}, column &#x27;Answer&#x27;: Grade your agency" in page
    assert not Answer.objects.exists()
