"""Large imports of quarterly values, checked and applied by the background worker."""

from django_tasks import task

from partnership.models import User
from performance import services
from performance.models import PerformanceImport


@task()
def check_import(import_id: int) -> str:
    performance_import = PerformanceImport.objects.get(pk=import_id)
    return services.performance_import_check(performance_import=performance_import).status


@task()
def apply_import(import_id: int, by_id: int) -> str:
    performance_import = PerformanceImport.objects.get(pk=import_id)
    by = User.objects.get(pk=by_id)
    return services.performance_import_write(performance_import=performance_import, by=by).status
