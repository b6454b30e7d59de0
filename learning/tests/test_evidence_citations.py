"""Evidence of impact citing results held elsewhere in the hub, through the spine's registry."""

import pytest
from django.urls import reverse

from core.models import AuditEvent
from core.testing import sign_in
from learning import citations
from learning.models import EvidenceOfImpact
from learning.tests.test_views import action_of, source_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey_results(monkeypatch):
    """An app offering, for each action, the other source it came from as citable results."""
    monkeypatch.setattr(citations, "_finders", [])

    def finder(action):
        source = action.recommendation.source
        return [
            citations.Citable(
                record=source,
                title=f"Survey {source.pk}",
                summary="Confidence rose from 2.5 to 4.0",
                url=source.get_absolute_url(),
            )
        ]

    citations.register(finder)


def _close(client, action, **extra):
    return client.post(
        reverse("learning:action_close", args=[action.pk]),
        {
            "what_changed": "Practitioners escalate sooner",
            "method": "practitioner_survey",
            "how_known": "Follow-up evaluations",
            **extra,
        },
    )


def test_closing_an_action_keeps_the_results_it_cites_as_they_read_then(
    client, cast, survey_results
):
    action = action_of(cast)
    source = action.recommendation.source
    sign_in(client, cast.officer)
    assert (
        f"Survey {source.pk}: Confidence rose"
        in client.get(reverse("learning:action_close", args=[action.pk])).content.decode()
    )

    _close(client, action, citing=[f"learning.othersource:{source.pk}"])

    (citation,) = EvidenceOfImpact.objects.get(action=action).citations.all()
    assert (citation.cited_id, citation.summary) == (source.pk, "Confidence rose from 2.5 to 4.0")
    page = client.get(action.get_absolute_url()).content.decode()
    assert "Results cited" in page and "Confidence rose from 2.5 to 4.0" in page
    closed = AuditEvent.objects.get(event=AuditEvent.Event.DECIDED, subject_id=str(action.pk))
    assert closed.details["cites"] == [f"Survey {source.pk}"]


def test_results_not_offered_for_the_action_cannot_be_cited(client, cast, survey_results):
    action = action_of(cast)
    elsewhere = source_of(cast)
    sign_in(client, cast.officer)
    response = _close(client, action, citing=[f"learning.othersource:{elsewhere.pk}"])
    assert response.context["form"].errors["citing"] == [
        "Select only results listed for this action"
    ]
    assert not EvidenceOfImpact.objects.exists()


def test_with_nothing_to_cite_the_form_does_not_ask(client, cast, monkeypatch):
    monkeypatch.setattr(citations, "_finders", [])
    action = action_of(cast)
    sign_in(client, cast.officer)
    assert (
        "Results to cite"
        not in client.get(reverse("learning:action_close", args=[action.pk])).content.decode()
    )
    _close(client, action)
    assert not EvidenceOfImpact.objects.get(action=action).citations.exists()
