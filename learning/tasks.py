"""Background tasks of the learning spine, run by the task worker (`manage.py db_worker`)."""

from django.contrib.contenttypes.models import ContentType
from django_tasks import task

from learning import services_similar


@task()
def similar_work_index(content_type_id: int, object_id: int) -> None:
    services_similar.similar_work_index_record(
        content_type=ContentType.objects.get_for_id(content_type_id), object_id=object_id
    )


@task()
def similar_work_index_learning(content_type_id: int, object_id: int) -> None:
    services_similar.similar_work_index_learning(
        content_type=ContentType.objects.get_for_id(content_type_id), object_id=object_id
    )
