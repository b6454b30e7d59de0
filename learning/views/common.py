"""What the learning views share: finding a source of learning from its URL, through the access layer."""

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from learning import policy
from partnership import access


def source_for_user(user, type_id: int, source_id: int, *, write: bool = False):
    """The source of learning (any app's) at this address, if the person may see (or change) it."""
    try:
        model = ContentType.objects.get_for_id(type_id).model_class()
    except ContentType.DoesNotExist:
        raise Http404("No such source") from None
    if model is None or not hasattr(model, "learning_reference"):
        raise Http404("No such source")
    return access.get_for_user(user, model._default_manager.all(), source_id, write=write)


def source_kwargs(source) -> dict:
    return {
        "type_id": ContentType.objects.get_for_model(source).pk,
        "source_id": source.pk,
    }


def refusal(error: Exception) -> list[str]:
    """The messages of a service's refusal (a validation error or an edit conflict), for a form."""
    return getattr(error, "messages", None) or [str(error)]


def partnership_list(request, template: str, records, **extra):
    """A paged list of the current partnership's records of one kind."""
    partnership = policy.require_reader(request)
    page = Paginator(records.filter(partnership=partnership), 50).get_page(request.GET.get("page"))
    return render(
        request,
        template,
        {
            "records": page,
            "page": page,
            "can_manage": policy.can_manage_learning(request.user, partnership),
            **extra,
        },
    )
