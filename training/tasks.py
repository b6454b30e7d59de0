"""Background tasks of the training programme, run by the task worker (`manage.py db_worker`)."""

from django_tasks import task

from training import services


@task()
def offer_places(event_id: int) -> int:
    return len(services.offer_places(event_id=event_id))


@task()
def offer_lapse(booking_id: int) -> str:
    return services.offer_lapse(booking_id=booking_id).status
