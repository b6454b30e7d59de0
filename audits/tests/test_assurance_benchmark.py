"""The section 11 benchmark's world (`benchmarks/audits_assurance.py`): its heat map reads no more
queries at 40 agencies x 8 standards x 10 years than at one agency in two years."""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.urls import reverse

from audits.models_assurance import AssuranceRound
from benchmarks import audits_assurance
from benchmarks.runner import World
from core.testing import count_queries, sign_in
from partnership.models import Role

pytestmark = pytest.mark.django_db


@dataclass
class Recorder:
    """Stands in for the harness: keeps the pages `measure` would time."""

    pages: list = field(default_factory=list)

    def page(self, label, url, person):
        self.pages.append((label, url, person))


def _seed(partnership, manager) -> None:
    audits_assurance.seed(
        World(
            partnerships=[partnership],
            people={(partnership.pk, Role.BUSINESS_UNIT_MANAGER): manager},
            today=date(2026, 12, 5),
        )
    )


def _queries(client, person, url) -> int:
    client.logout()
    sign_in(client, person)
    answers = [client.get(url)]
    queries = count_queries(lambda: answers.append(client.get(url)))
    assert [answer.status_code for answer in answers] == [200, 200]
    return queries


def test_the_benchmark_heat_map_reads_no_more_queries_at_full_scale(client, cast, monkeypatch):
    monkeypatch.setattr(audits_assurance, "AGENCIES", 1)
    monkeypatch.setattr(audits_assurance, "YEARS", 2)
    _seed(cast.other_partnership, cast.outsider)
    latest = AssuranceRound.objects.filter(partnership=cast.other_partnership).latest("year")
    small = _queries(client, cast.outsider, reverse("audits:assurance_heat_map", args=[latest.pk]))
    monkeypatch.undo()
    _seed(cast.partnership, cast.manager)
    bench = Recorder()
    audits_assurance.measure(bench)
    [(label, url, person)] = bench.pages
    assert "40 agencies x 8 standards, 10 years" in label
    assert _queries(client, person, url) <= small
