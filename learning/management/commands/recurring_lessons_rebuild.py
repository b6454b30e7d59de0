"""Rewrite the recurring-lessons summary from the findings (after loading findings in bulk).

manage.py recurring_lessons_rebuild
"""

from django.core.management.base import BaseCommand

from learning.services_recurring import recurring_lessons_rebuild
from partnership.models import Partnership


class Command(BaseCommand):
    help = "Rewrite the recurring-lessons summary of every partnership from its findings."

    def handle(self, *args, **options):
        rows = sum(
            recurring_lessons_rebuild(partnership=partnership)
            for partnership in Partnership.objects.order_by("pk")
        )
        self.stdout.write(f"{rows} summary rows written")
