"""The training programme's pages: courses, events, bookings."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from training import policy, selectors

COURSE_PAGE = 50


@login_required
def course_list(request):
    partnership = policy.require_reader(request)
    page = Paginator(selectors.courses(partnership), COURSE_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "training/course_list.html",
        {
            "courses": page,
            "page": page,
            "can_manage": policy.can_manage_training(request.user, partnership),
        },
    )
