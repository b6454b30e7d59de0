import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from partnership.models import (
    Group,
    Organisation,
    Partnership,
    PartnershipLink,
    Role,
    RoleAssignment,
    User,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_allowed")]


def test_the_demo_loads_both_partnerships_sharing_one_child_death_overview_panel():
    call_command("load_demo", verbosity=0)
    assert set(Partnership.objects.values_list("slug", flat=True)) >= {
        "south-tees",
        "hartlepool-stockton",
    }
    panel = Group.objects.get(kind=Group.Kind.CHILD_DEATH_OVERVIEW_PANEL)
    assert set(panel.serves.values_list("slug", flat=True)) == {"south-tees", "hartlepool-stockton"}
    assert (
        PartnershipLink.objects.accepted()
        .between(*Partnership.objects.filter(slug__in=["south-tees", "hartlepool-stockton"]))
        .exists()
    )
    assert Organisation.objects.filter(
        partnership__slug="south-tees", name="Cleveland Police", standing="statutory_partner"
    ).exists()


def test_the_demo_has_every_role_in_each_partnership():
    call_command("load_demo", verbosity=0)
    for slug in ("south-tees", "hartlepool-stockton"):
        held = set(
            RoleAssignment.objects.filter(partnership__slug=slug).values_list("role", flat=True)
        )
        assert held == set(Role.values)


def test_south_tees_has_a_partner_lead_for_each_statutory_partner():
    """Sign-off needs every safeguarding partner: Children Act 2004 s16E (local authority, ICB, police)."""
    call_command("load_demo", verbosity=0)
    leads = RoleAssignment.objects.filter(
        partnership__slug="south-tees", role=Role.PARTNER_LEAD
    ).count()
    assert leads == 4


def _rows_of_every_model() -> dict[str, int]:
    """How many rows every model holds: records, the audit trail, deadlines, the task queue."""
    return {model._meta.label: model._base_manager.count() for model in apps.get_models()}


def test_loading_the_demo_again_changes_nothing():
    call_command("load_demo", verbosity=0)
    counts = _rows_of_every_model()
    call_command("load_demo", verbosity=0)
    assert _rows_of_every_model() == counts


def test_demo_people_are_plainly_fictional():
    call_command("load_demo", verbosity=0)
    assert all(
        user.email.endswith(".example") and "Demo" in user.full_name for user in User.objects.all()
    )


@pytest.mark.parametrize("command", [("load_demo",), ("demo_code", "manager@test.example")])
def test_the_demo_commands_refuse_to_run_without_debug(settings, command):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="for the demo only: run it with DEBUG=true"):
        call_command(*command, verbosity=0)
    assert not User.objects.exists()


def test_the_demo_code_is_printed_for_a_demo_account_with_debug(capsys):
    call_command("load_demo", verbosity=0)
    capsys.readouterr()  # what load_demo printed
    call_command("demo_code", "business.unit.manager@south-tees.example")
    assert capsys.readouterr().out.strip().isdigit()
