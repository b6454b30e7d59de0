"""Large chronology imports, run by the background worker (`manage.py db_worker`)."""

from django_tasks import task

from reviews import services_reviews
from reviews.models import ChronologyImport


@task()
def import_chronology(import_id: int) -> str:
    chronology_import = ChronologyImport.objects.select_related("request").get(pk=import_id)
    return services_reviews.chronology_import_run(chronology_import=chronology_import).status
