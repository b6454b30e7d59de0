"""Pages of the learning spine: what each persona can do, bad input, and bounded queries."""

import csv
import io
from datetime import date

import pytest
import time_machine
from django.urls import reverse
from openpyxl import load_workbook

from core.models import AuditEvent
from core.testing import assert_queries_do_not_grow, sign_in
from learning import services, services_publication
from learning.models import Action, Briefing, EvidenceOfImpact, OtherSource, Publication
from learning.publication import Subjects
from learning.services_similar import similar_work_reindex
from learning.tests.factories import (
    ActionFactory,
    FindingFactory,
    OtherSourceFactory,
    ThemeFactory,
    published_newsletter,
)

pytestmark = pytest.mark.django_db


def source_of(cast):
    source = OtherSourceFactory(partnership=cast.partnership)
    services.dissemination_plan_open(source=source, by=cast.officer)
    return source


def action_of(cast, organisation=None, **fields):
    return ActionFactory(
        recommendation__source=source_of(cast),
        owner_organisation=organisation or cast.hospital,
        **fields,
    )


def test_the_business_unit_adds_learning_from_another_source_with_a_dissemination_plan(
    client, cast
):
    sign_in(client, cast.officer)
    response = client.post(
        reverse("learning:other_source_create"),
        {
            "kind": "national_review",
            "title": "Safeguarding children under one",
            "summary": "National panel review",
        },
    )
    source = OtherSource.objects.get()
    assert response.status_code == 302 and response["Location"] == source.get_absolute_url()
    assert source.learning_reference == "TTSCP-LS-001"
    page = client.get(source.get_absolute_url())
    assert b"Dissemination plan" in page.content and b"Plan a channel" in page.content


def test_missing_answers_are_named_and_nothing_is_saved(client, cast):
    sign_in(client, cast.officer)
    response = client.post(reverse("learning:other_source_create"), {"kind": "research"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert set(response.context["form"].errors) == {"title", "summary"}
    assert not OtherSource.objects.exists()


def test_a_source_with_an_open_channel_shows_why_it_cannot_close(client, cast):
    source = source_of(cast)
    sign_in(client, cast.officer)
    response = client.post(reverse("learning:other_source_close", args=[source.pk]), follow=True)
    assert (
        "It cannot be closed yet: The dissemination plan has no channels"
        in response.content.decode()
    )
    source.refresh_from_db()
    assert source.closed_at is None


def test_an_agency_contributor_updates_their_own_organisations_action(client, cast):
    action = action_of(cast, organisation=cast.hospital)
    sign_in(client, cast.contributor)
    response = client.post(
        reverse("learning:action_update", args=[action.pk]),
        {"status": "at_risk", "note": "Training delayed by staff shortages"},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.status == Action.Status.AT_RISK
    assert action.updates.get().by == cast.contributor


def test_an_agency_contributor_cannot_update_another_organisations_action(client, cast):
    action = action_of(cast, organisation=cast.police)
    sign_in(client, cast.contributor)
    response = client.post(
        reverse("learning:action_update", args=[action.pk]), {"status": "on_track", "note": "x"}
    )
    assert response.status_code == 403
    assert not action.updates.exists()


def test_closing_needs_every_part_of_the_evidence(client, cast):
    action = action_of(cast)
    sign_in(client, cast.officer)
    response = client.post(
        reverse("learning:action_close", args=[action.pk]), {"what_changed": "Better"}
    )
    assert set(response.context["form"].errors) == {"method", "how_known"}
    assert not EvidenceOfImpact.objects.exists()


def test_a_contributor_cannot_close_an_action(client, cast):
    action = action_of(cast)
    sign_in(client, cast.contributor)
    assert client.get(reverse("learning:action_close", args=[action.pk])).status_code == 403


@time_machine.travel("2026-11-26 12:00 +0000")
def test_the_action_plan_filters_overdue_actions_by_organisation(client, cast):
    late = action_of(cast, organisation=cast.hospital, due_date=date(2026, 11, 1))
    action_of(cast, organisation=cast.hospital, due_date=date(2027, 1, 1))
    action_of(cast, organisation=cast.police, due_date=date(2026, 11, 1))
    sign_in(client, cast.practitioner)
    response = client.get(
        reverse("learning:action_plan"), {"status": "overdue", "organisation": cast.hospital.pk}
    )
    assert [row["action_obj"] for row in response.context["rows"]] == [late]
    assert "Overdue" in response.content.decode()


def test_the_action_plan_filters_by_theme(client, cast):
    neglect = ThemeFactory(partnership=cast.partnership)
    themed = action_of(cast)
    finding = FindingFactory(source=themed.recommendation.source)
    finding.themes.set([neglect])
    themed.recommendation.findings.set([finding])
    action_of(cast)
    sign_in(client, cast.officer)
    response = client.get(reverse("learning:action_plan"), {"theme": neglect.pk})
    assert [row["action_obj"] for row in response.context["rows"]] == [themed]


def test_the_action_plan_queries_do_not_grow_with_actions(client, cast):
    action_of(cast)
    sign_in(client, cast.officer)
    assert_queries_do_not_grow(
        lambda: client.get(reverse("learning:action_plan")),
        lambda: [action_of(cast) for _ in range(3)],
    )


@time_machine.travel("2026-11-26 12:00 +0000")
def test_the_csv_export_derives_overdue_keeps_formulas_as_text_and_is_audited(client, cast):
    action_of(cast, description="=HYPERLINK(1)", due_date=date(2026, 11, 1))
    sign_in(client, cast.officer)
    response = client.get(reverse("learning:action_plan_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][0] == "Action" and rows[1][4] == "'=HYPERLINK(1)" and rows[1][-1] == "Overdue"
    assert AuditEvent.objects.filter(event=AuditEvent.Event.EXPORTED, actor=cast.officer).exists()


def test_the_spreadsheet_export_has_a_row_per_action(client, cast):
    action_of(cast)
    action_of(cast)
    sign_in(client, cast.officer)
    response = client.get(reverse("learning:action_plan_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 3


def test_the_printable_action_plan_is_a_pdf(client, cast):
    action_of(cast)
    sign_in(client, cast.officer)
    response = client.get(reverse("learning:action_plan_export", args=["pdf"]))
    assert response.content.startswith(b"%PDF")


def test_the_export_of_another_format_is_not_found(client, cast):
    sign_in(client, cast.officer)
    assert client.get(reverse("learning:action_plan_export", args=["exe"])).status_code == 404


def test_a_source_page_queries_do_not_grow_with_its_learning(client, cast):
    source = source_of(cast)
    sign_in(client, cast.officer)

    def add():
        for _ in range(2):
            finding = FindingFactory(source=source)
            finding.themes.set([ThemeFactory(partnership=cast.partnership)])
            ActionFactory(recommendation__source=source, owner_organisation=cast.council)

    add()  # with none, the page skips the queries that fetch related rows
    assert_queries_do_not_grow(lambda: client.get(source.get_absolute_url()), add)


def test_a_briefing_is_approved_by_the_manager_not_its_author_then_published(client, cast):
    finding = FindingFactory(source=source_of(cast))
    sign_in(client, cast.officer)
    sections = {name: f"{label} text" for name, label in Briefing.HEADINGS}
    client.post(
        reverse("learning:briefing_create"),
        {"title": "Safe sleep for babies", "findings": [finding.pk], **sections},
    )
    briefing = Briefing.objects.get()
    client.post(reverse("learning:briefing_advance", args=[briefing.pk, "in_review"]))
    assert (
        client.post(
            reverse("learning:briefing_advance", args=[briefing.pk, "approved"])
        ).status_code
        == 403
    )
    sign_in(client, cast.manager)
    client.post(reverse("learning:briefing_advance", args=[briefing.pk, "approved"]))
    client.post(reverse("learning:briefing_advance", args=[briefing.pk, "published"]))
    briefing.refresh_from_db()
    assert briefing.status == Briefing.Status.PUBLISHED
    assert briefing.publication.kind == Publication.Kind.BRIEFING
    assert client.get(briefing.publication.get_absolute_url()).status_code == 200


def test_publishing_from_a_source_lists_the_identifying_details_found(client, cast, monkeypatch):
    from learning.publication import Subjects

    source = source_of(cast)
    monkeypatch.setattr(
        OtherSource, "learning_subjects", Subjects(names=["Amber Testchild"]), raising=False
    )
    sign_in(client, cast.manager)
    response = client.post(
        reverse("learning:publication_create", args=[_type_id(source), source.pk]),
        {"kind": "review_report", "title": "Report", "summary": "About Testchild", "body": ""},
    )
    assert "line 2: name: Testchild" in response.content.decode()
    assert not Publication.objects.exists()


def _type_id(source):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(source).pk


def test_merging_a_duplicate_theme_through_the_page(client, cast):
    neglect = ThemeFactory(partnership=cast.partnership, name="Neglect")
    duplicate = ThemeFactory(partnership=cast.partnership, name="Neglect (duplicate)")
    sign_in(client, cast.officer)
    client.post(reverse("learning:theme_merge", args=[duplicate.pk]), {"into": neglect.pk})
    duplicate.refresh_from_db()
    assert duplicate.merged_into == neglect


def test_a_theme_name_already_used_is_refused(client, cast):
    ThemeFactory(partnership=cast.partnership, name="Neglect")
    sign_in(client, cast.officer)
    response = client.post(reverse("learning:theme_create"), {"name": "neglect"})
    assert response.context["form"].errors["name"] == ["There is already a theme called neglect"]


def test_similar_work_page_shows_why_each_item_matched(client, cast):
    FindingFactory(
        source=source_of(cast),
        title="Bruising in non-mobile babies",
        description="Bruising was not escalated.",
    )
    similar_work_reindex()
    sign_in(client, cast.practitioner)
    response = client.get(reverse("learning:similar_work"), {"text": "bruising in a baby"})
    assert "Matching words: bruising" in response.content.decode()


def test_recurring_lessons_page_queries_do_not_grow(client, cast):
    neglect = ThemeFactory(partnership=cast.partnership, name="Neglect")
    sign_in(client, cast.officer)

    def add():
        for _ in range(2):
            FindingFactory(source=source_of(cast)).themes.set([neglect])

    add()
    assert_queries_do_not_grow(lambda: client.get(reverse("learning:recurring_lessons")), add)


LISTS = {
    "learning:other_source_list": lambda cast: source_of(cast),
    "learning:briefing_list": lambda cast: services.briefing_create(
        partnership=cast.partnership,
        title="Briefing",
        findings=[FindingFactory(source=source_of(cast))],
        sections=dict.fromkeys((name for name, _ in Briefing.HEADINGS), "Text"),
        by=cast.officer,
    ),
    "learning:newsletter_list": lambda cast: published_newsletter(cast),
    "learning:practice_change_list": lambda cast: services.practice_change_record(
        partnership=cast.partnership,
        kind="procedure",
        title="Bruising protocol",
        description="Updated",
        findings=[FindingFactory(source=source_of(cast))],
        changed_on=date(2026, 1, 5),
        by=cast.officer,
    ),
    "learning:publication_list": lambda cast: services_publication.publication_publish(
        source=source_of(cast),
        title="Report",
        summary="s",
        body="b",
        kind="other",
        subjects=Subjects(),
        by=cast.manager,
    ),
    "learning:theme_list": lambda cast: ThemeFactory(partnership=cast.partnership),
}


@pytest.mark.parametrize("url_name", LISTS)
def test_list_pages_queries_do_not_grow(client, cast, url_name):
    LISTS[url_name](cast)
    sign_in(client, cast.officer)
    assert_queries_do_not_grow(
        lambda: client.get(reverse(url_name)), lambda: [LISTS[url_name](cast) for _ in range(3)]
    )


def test_a_procedure_change_is_recorded_against_the_findings_behind_it(client, cast):
    finding = FindingFactory(source=source_of(cast))
    sign_in(client, cast.officer)
    client.post(
        reverse("learning:practice_change_create"),
        {
            "kind": "procedure",
            "title": "Bruising protocol updated",
            "description": "New step",
            "findings": [finding.pk],
            "changed_on_0": "5",
            "changed_on_1": "1",
            "changed_on_2": "2026",
        },
    )
    assert list(finding.practice_changes.values_list("title", flat=True)) == [
        "Bruising protocol updated"
    ]


def test_the_action_plan_of_one_source(client, cast):
    mine = action_of(cast)
    action_of(cast)
    source = mine.recommendation.source
    sign_in(client, cast.officer)
    response = client.get(
        reverse("learning:action_plan"), {"source": f"{_type_id(source)}-{source.pk}"}
    )
    assert [row["action_obj"] for row in response.context["rows"]] == [mine]


def test_a_finding_page_shows_similar_learning_from_other_sources(client, cast):
    finding = FindingFactory(
        source=source_of(cast), title="Bruising missed", description="Bruising on a baby."
    )
    other = FindingFactory(
        source=source_of(cast), title="Bruising again", description="Bruising was not referred."
    )
    FindingFactory(
        source=finding.source, title="Bruising twice", description="Same source bruising."
    )
    similar_work_reindex()
    sign_in(client, cast.practitioner)
    response = client.get(finding.get_absolute_url())
    assert [item.url for item in response.context["similar"]] == [other.get_absolute_url()]


def test_withdrawing_a_recent_review_report_is_refused_with_the_date_it_may_go(client, cast):
    report = services_publication.publication_publish(
        source=source_of(cast),
        title="Report",
        summary="s",
        body="b",
        kind="review_report",
        subjects=Subjects(),
        by=cast.manager,
    )
    sign_in(client, cast.manager)
    response = client.post(
        reverse("learning:publication_withdraw", args=[report.pk]), {"reason": "Old"}
    )
    assert "must stay available for at least 12 months" in response.content.decode()
    report.refresh_from_db()
    assert report.withdrawn_at is None


def test_an_action_owner_must_work_for_the_owner_organisation(client, cast):
    recommendation = action_of(cast).recommendation
    sign_in(client, cast.officer)
    response = client.post(
        reverse("learning:action_add", args=[recommendation.pk]),
        {
            "description": "Train staff",
            "owner_organisation": cast.police.pk,
            "owner_person": cast.contributor.pk,
            "due_date_0": "1",
            "due_date_1": "3",
            "due_date_2": "2027",
        },
    )
    assert response.context["form"].errors["owner_person"] == [
        "Choose someone who works for Test Police"
    ]
    assert recommendation.actions.count() == 1


def test_an_action_is_named_with_its_words_recommendation_and_source_never_by_code_alone(
    client, cast
):
    source = OtherSourceFactory(partnership=cast.partnership, title="National review of neglect")
    action = ActionFactory(recommendation__source=source)
    sign_in(client, cast.officer)
    page = client.get(action.get_absolute_url()).content.decode()
    recommendation = action.recommendation.reference
    assert (
        f"{action.reference}: {action.description} ({recommendation}, {source.learning_reference})"
    ) in page
    assert f"Back to {source.learning_reference}: National review of neglect" in page
