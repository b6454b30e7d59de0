from django.apps import apps
from django.core.management import call_command
from django.db import transaction

from partnership import demo
from partnership.management.demo_only import DemoOnlyCommand


class Command(DemoOnlyCommand):
    help = "Load the demo partnerships (South Tees; Hartlepool and Stockton-on-Tees) and their records. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            partnerships = demo.load()
            # Each capability may add its own demo records in a `demo.load(partnerships)` function.
            for config in apps.get_app_configs():
                if config.name == "partnership":
                    continue
                try:
                    module = __import__(f"{config.name}.demo", fromlist=["load"])
                except ModuleNotFoundError as missing:
                    if missing.name != f"{config.name}.demo":
                        raise
                    continue
                module.load(partnerships)
            # Demo records are written in bulk, past the services: index and summarise them at once.
            call_command("similar_work_reindex", stdout=self.stdout)
            call_command("recurring_lessons_rebuild", stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo partnerships loaded."))
        self.stdout.write(f"Demo sign-ins (password for all: {demo.DEMO_PASSWORD}):")
        for partnership in (demo.SOUTH_TEES, demo.HARTLEPOOL_STOCKTON):
            for role, _name, _title, _organisation in partnership.people:
                self.stdout.write(f"  {demo.demo_email(partnership, role):<52} {role.label}")
            if partnership is demo.SOUTH_TEES:
                for name, _title, organisation in demo.SOUTH_TEES_PARTNER_LEADS:
                    self.stdout.write(
                        f"  {demo.partner_lead_email(name):<52} Safeguarding partner lead ({organisation})"
                    )
        self.stdout.write(
            "Roles that see identifying details also need a security code: `manage.py demo_code EMAIL` prints it."
        )
