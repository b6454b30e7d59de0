"""The one shape of every form page in reviews: validate, call a service, say what happened."""

from collections.abc import Callable

from django.contrib import messages
from django.shortcuts import redirect, render

from core.concurrency import EditConflict
from partnership import access
from reviews.models import Review
from reviews.services import RefusedError, versioned_update

# Long lists are paged so that a page costs the same however many records a partnership has.
PER_PAGE = 50


def get_review(request, pk, *, write: bool = False) -> Review:
    """A review the person may see (404 otherwise); with `write`, one they may change (403)."""
    return access.get_for_user(request.user, Review.objects.all(), pk, write=write)


def form_page(
    request,
    form,
    *,
    title: str,
    caption: str,
    back: str,
    save: Callable[[dict], object],
    done: str,
    button: str = "Save",
    intro: str = "",
    similar=None,
):
    """Render `form`; when it is valid, call `save(cleaned_data)` and go to the record it returns.

    A refusal or an edit conflict from the service shows as an error at the top of the form,
    nothing written.
    """
    if request.method == "POST" and form.is_valid():
        try:
            record = save(form.cleaned_data)
        except (RefusedError, EditConflict) as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, done)
            return redirect(record)
    return render(
        request,
        "reviews/form.html",
        {
            "form": form,
            "title": title,
            "caption": caption,
            "back": back,
            "button": button,
            "intro": intro,
            "similar": similar,
        },
    )


def refused_or_done(request, action: Callable[[], object], *, done: str, to):
    """Run a one-button action; a refusal is shown on the page it came back to."""
    try:
        action()
    except RefusedError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, done)
    return redirect(to)


def edit_page(request, record, form, *, title: str, done: str):
    """The page that edits a Versioned record through a VersionedModelForm."""

    def save(data):
        versioned_update(
            record=record,
            data=form.changed_values(),
            expected_version=data["version"],
            by=request.user,
        )
        return record

    return form_page(
        request,
        form,
        title=title,
        caption=str(record),
        back=record.get_absolute_url(),
        save=save,
        done=done,
    )
