from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class DemoOnlyCommand(BaseCommand):
    """A command of the demo, whose accounts share a published password and authenticator key.

    It runs only with DEBUG=true, so that it can never create those accounts in a deployment, or
    print codes for them there.
    """

    def execute(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                f"{self.__module__.rsplit('.', 1)[-1]} is for the demo only: run it with DEBUG=true "
                "on a machine of your own, never in a deployment"
            )
        return super().execute(*args, **options)
