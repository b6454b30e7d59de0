import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from learning.models import Action, Briefing, OtherSource, Publication, SimilarWorkEntry

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_allowed")]


def test_the_demo_has_learning_an_overdue_action_and_a_published_briefing():
    call_command("load_demo", verbosity=0)
    call_command("load_demo", verbosity=0)  # safe to run again
    source = OtherSource.objects.get()
    # Other capabilities' demos add actions of their own sources.
    of_source = Action.objects.filter(
        recommendation__source_type=ContentType.objects.get_for_model(source),
        recommendation__source_id=source.pk,
    )
    assert of_source.count() == 2
    briefing = Briefing.objects.get(
        findings__source_type=ContentType.objects.get_for_model(source),
        findings__source_id=source.pk,
    )
    assert briefing.status == Briefing.Status.PUBLISHED
    assert Publication.objects.filter(kind=Publication.Kind.BRIEFING).exists()


def test_the_demo_loads_its_work_into_the_similar_work_index():
    from learning import selectors
    from partnership.models import Partnership

    call_command("load_demo", verbosity=0)
    partnership = Partnership.objects.order_by("pk").first()
    assert SimilarWorkEntry.objects.filter(partnership=partnership).count() > 3
    assert selectors.similar_work(partnership=partnership, text="neglect")
