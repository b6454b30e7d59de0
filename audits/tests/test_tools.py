"""Audit tools: the standard tool, copying it, and changes that never alter an audit's questions."""

import pytest
from django.urls import reverse

from audits import selectors, services, standard_tool
from audits.models import AuditTool, ToolQuestion
from audits.tests.factories import audit_for
from core.testing import sign_in

pytestmark = pytest.mark.django_db


def test_the_standard_tool_has_the_multi_agency_sections_and_is_seeded_once(cast):
    tool = services.standard_tool_seed(partnership=cast.partnership)
    assert services.standard_tool_seed(partnership=cast.partnership) == tool
    sections = [section.title for section in selectors.version_with_questions(tool.versions.get())]
    assert sections == [title for title, _ in standard_tool.SECTIONS]
    assert ToolQuestion.objects.filter(
        section__version__tool=tool, text="Was the child seen alone?"
    ).exists()


def test_the_business_unit_copies_the_standard_tool_and_adds_a_question(client, cast):
    standard = services.standard_tool_seed(partnership=cast.partnership)
    sign_in(client, cast.officer)
    client.post(reverse("audits:tool_copy", args=[standard.pk]), {"name": "Neglect audit tool"})
    copy = AuditTool.objects.get(name="Neglect audit tool")
    section = selectors.latest_version(copy).sections.get(position=1)
    response = client.post(
        reverse("audits:tool_question_add", args=[copy.pk]),
        {
            "version": copy.version,
            "section": section.pk,
            "text": "Was neglect named?",
            "kind": "yes_partly_no",
        },
    )
    assert response.status_code == 302
    assert selectors.latest_version(copy).number == 1
    assert "Was neglect named?" in client.get(copy.get_absolute_url()).content.decode()


def test_changing_a_tool_an_audit_uses_makes_a_new_version_and_the_audit_keeps_its_own(cast):
    standard = services.standard_tool_seed(partnership=cast.partnership)
    copy = services.tool_copy(
        version=standard.versions.get(), name="Neglect audit tool", by=cast.officer
    )
    planned = audit_for(cast)
    planned.tool_version = copy.versions.get()
    planned.save(update_fields=["tool_version"])
    question = ToolQuestion.objects.filter(section__version__tool=copy).first()
    services.tool_question_change(
        tool=copy,
        expected_version=copy.version,
        question=question,
        text="Was the baby seen?",
        kind="yes_partly_no",
        by=cast.officer,
    )
    assert copy.versions.count() == 2
    question.refresh_from_db()
    assert question.text != "Was the baby seen?"
    assert (
        selectors.latest_version(copy)
        .sections.get(position=1)
        .questions.filter(text="Was the baby seen?")
        .exists()
    )


def test_the_standard_tool_itself_is_not_changed(client, cast):
    standard = services.standard_tool_seed(partnership=cast.partnership)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:tool_section_add", args=[standard.pk]),
        {"version": standard.version, "title": "Extra"},
    )
    assert "The standard tool stays as it is" in response.content.decode()
    assert standard.versions.get().sections.count() == len(standard_tool.SECTIONS)


def test_a_change_from_a_stale_page_is_refused(client, cast):
    standard = services.standard_tool_seed(partnership=cast.partnership)
    copy = services.tool_copy(version=standard.versions.get(), name="Copy", by=cast.officer)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("audits:tool_section_add", args=[copy.pk]),
        {"version": copy.version + 1, "title": "Extra"},
    )
    assert "Someone else changed this record" in response.content.decode()
