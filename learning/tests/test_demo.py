import pytest
from django.core.management import call_command

from learning.models import Action, Briefing, OtherSource, Publication

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_allowed")]


def test_the_demo_has_learning_an_overdue_action_and_a_published_briefing():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # safe to run again
    assert OtherSource.objects.count() == 1
    assert Action.objects.count() == 2
    assert Briefing.objects.get().status == Briefing.Status.PUBLISHED
    assert Publication.objects.filter(kind=Publication.Kind.BRIEFING).exists()
