"""Importing e-learning completions through HTTP: all or nothing, with each problem named by row and
column, people matched by email within the partnership."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from core.testing import sign_in
from training.models import Completion, Course
from training.tests.factories import CourseFactory

pytestmark = pytest.mark.django_db

URL = "training:completions_import"


def _upload(client, text: str):
    return client.post(reverse(URL), {"file": SimpleUploadedFile("completions.csv", text.encode())})


def _e_learning(cast):
    return CourseFactory(
        created_by=cast.manager, title="Neglect online", course_format=Course.Format.E_LEARNING
    )


def test_completions_are_imported_matching_people_by_email(client, cast):
    course = _e_learning(cast)
    sign_in(client, cast.officer)
    response = _upload(
        client,
        "Email,Course,Completed on\n"
        "PRACTITIONER@test.example,Neglect online,2026-01-12\n"
        "contributor@test.example,neglect online,13/01/2026\n",
    )
    assert response.status_code == 302
    sign_in(client, cast.practitioner)
    record = client.get(reverse("training:training_record")).content.decode()
    assert "E-learning completed" in record and "Neglect online, 12 January 2026" in record
    assert set(Completion.objects.values_list("person__email", "course", "partnership")) == {
        ("practitioner@test.example", course.pk, cast.partnership.pk),
        ("contributor@test.example", course.pk, cast.partnership.pk),
    }


def test_bad_rows_are_named_by_row_and_column_and_nothing_is_written(client, cast):
    _e_learning(cast)
    sign_in(client, cast.officer)
    response = _upload(
        client,
        "email,course,completed on\n"
        "practitioner@test.example,Neglect online,2026-01-12\n"
        "outsider@test.example,Neglect online,2026-01-12\n"
        "contributor@test.example,Neglect online,2026-02-30\n"
        "practitioner@test.example,Neglect online,2026-01-14\n",
    )
    page = response.content.decode()
    assert "The file has 3 problems: nothing was imported" in page
    # Someone of another partnership is not matched, even with an account.
    assert (
        "Row 3, column &#x27;email&#x27;: no one in the partnership has the email outsider@test.example"
        in page
    )
    assert "Row 4, column &#x27;completed on&#x27;: 2026-02-30 is not a date like" in page
    assert (
        "Row 5, column &#x27;email&#x27;: practitioner@test.example already completed this course in row 2"
        in page
    )
    assert not Completion.objects.exists()


def test_only_the_business_unit_imports_completions(client, cast):
    _e_learning(cast)
    sign_in(client, cast.practitioner)
    response = _upload(
        client, "email,course,completed on\npractitioner@test.example,Neglect online,2026-01-12\n"
    )
    assert response.status_code == 403
    assert not Completion.objects.exists()
