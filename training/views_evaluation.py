"""Pages of attendance and evaluation: the register (on a phone), a person's training record, the
three stages of evaluation, the certificate, the results reports and training needs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import posted
from core.pdf import pdf_response
from partnership import access
from partnership.models import User
from training import evaluation, policy, selectors_evaluation, services_evaluation
from training.forms_evaluation import (
    CompletionsImportForm,
    EvaluationForm,
    RegisterForm,
    TrainerForm,
)
from training.models import Booking, Course, Evaluation, Event


def _event(request, pk) -> Event:
    event = access.get_for_user(
        request.user, Event.objects.select_related("course", "partnership"), pk
    )
    if not policy.can_take_register(request.user, event):
        raise PermissionDenied("Only the event's trainers and the business unit take its register")
    return event


def _trainer_form(event, data=None) -> TrainerForm:
    people = User.objects.filter(
        role_assignments__partnership=event.partnership, is_active=True
    ).distinct()
    return TrainerForm(data, people=people)


@login_required
@require_http_methods(["GET", "POST"])
def event_register(request, pk):
    event = _event(request, pk)
    bookings = selectors_evaluation.register(event)
    unmarked = [b for b in bookings if selectors_evaluation.attendance_of(b) is None]
    form = RegisterForm(posted(request), bookings=unmarked)
    if form.is_valid():
        try:
            services_evaluation.register_take(event=event, marks=form.marks(), by=request.user)
        except ValidationError as refused:
            form.add_error(None, refused.messages[0])
        else:
            messages.success(request, "Register saved")
            return redirect("training:event_register", event.pk)
    can_manage = policy.can_manage_training(request.user, event)
    return render(
        request,
        "training/register.html",
        {
            "event": event,
            "bookings": bookings,
            "form": form,
            "unmarked": unmarked,
            "marked": [b for b in bookings if b not in unmarked],
            "is_open": evaluation.register_is_open(
                starts_on=timezone.localdate(event.starts_at), today=timezone.localdate()
            ),
            "trainers": event.trainer_links.select_related("person"),
            "trainer_form": _trainer_form(event) if can_manage else None,
        },
    )


@login_required
@require_POST
def event_trainer_add(request, pk):
    event = access.get_for_user(request.user, Event.objects.all(), pk, write=True)
    form = _trainer_form(event, request.POST)
    if form.is_valid():
        services_evaluation.event_trainer_add(
            event=event, person=form.cleaned_data["person"], by=request.user
        )
        messages.success(request, f"{form.cleaned_data['person']} can now take the register")
    else:
        messages.error(request, form.errors["person"][0])
    return redirect("training:event_register", event.pk)


@login_required
def training_record(request):
    partnership = policy.require_reader(request)
    return render(
        request,
        "training/training_record.html",
        {
            "rows": selectors_evaluation.training_record(request.user, partnership),
            "events_run": selectors_evaluation.events_run_by(request.user, partnership)[:50],
            "completions": selectors_evaluation.completions_of(request.user, partnership),
        },
    )


def _own_booking(request, pk) -> Booking:
    booking = access.get_for_user(
        request.user,
        Booking.objects.select_related("event__course", "partnership", "person"),
        pk,
    )
    if not policy.can_evaluate(request.user, booking):
        raise PermissionDenied("Only the person who booked gives their evaluation")
    return booking


@login_required
@require_http_methods(["GET", "POST"])
def evaluation_give(request, pk, stage):
    if stage not in Evaluation.Stage.values:
        raise Http404("No such stage")
    booking = _own_booking(request, pk)
    title = f"{Evaluation.Stage(stage).label}: {booking.event.course.title}"
    refusal = services_evaluation.evaluation_refusal(booking=booking, stage=stage)
    form = EvaluationForm(
        None if refusal else posted(request),
        stage=stage,
        outcomes=booking.event.course.outcomes.all(),
    )
    if not refusal and form.is_valid():
        try:
            services_evaluation.evaluation_give(
                booking=booking,
                stage=stage,
                answers=services_evaluation.Answers(**form.answers()),
                by=request.user,
            )
        except ValidationError as refused:
            form.add_error(None, refused.messages[0])
        else:
            messages.success(
                request,
                "Thank you: your evaluation is saved"
                + (". Your certificate is ready" if stage == Evaluation.Stage.AFTER else ""),
            )
            return redirect("training:training_record")
    return render(
        request,
        "training/evaluation_form.html",
        {"booking": booking, "stage": stage, "title": title, "form": form, "refusal": refusal},
    )


@login_required
def certificate(request, pk):
    booking = _own_booking(request, pk)
    row = next(
        (
            row
            for row in selectors_evaluation.training_record(request.user, booking.partnership)
            if row.booking.pk == booking.pk
        ),
        None,
    )
    if row is None or not row.certificate:
        raise PermissionDenied(
            "Your certificate is ready once you have attended and given your evaluation after the course"
        )
    return pdf_response(
        "training/certificate_print.html",
        {"booking": booking, "attendance": row.attendance},
        f"certificate-{booking.pk}.pdf",
    )


@login_required
def results(request):
    partnership = policy.require_results_reader(request)
    return render(
        request,
        "training/results.html",
        {
            "attendance": selectors_evaluation.attendance_report(partnership),
            "courses": selectors_evaluation.course_results(
                selectors_evaluation.evaluated_courses(partnership)
            ),
            "practice_changes": selectors_evaluation.practice_changes(partnership)[:20],
        },
    )


@login_required
def course_results(request, pk):
    course = access.get_for_user(request.user, Course.objects.all(), pk)
    if not policy.can_see_training_results(request.user, course):
        raise PermissionDenied("Training results are for the partnership's business unit")
    (result,) = selectors_evaluation.course_results([course])
    return render(
        request,
        "training/course_results.html",
        {
            "result": result,
            "practice_changes": selectors_evaluation.practice_changes(
                course.partnership, course=course
            ),
        },
    )


@login_required
def training_needs(request):
    partnership = policy.require_results_reader(request)
    return render(
        request,
        "training/training_needs.html",
        {"needs": selectors_evaluation.training_needs(partnership)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def completions_import(request):
    partnership = policy.require_manager(request)
    form = CompletionsImportForm(posted(request), request.FILES or None)
    problems = []
    if form.is_valid():
        try:
            counts = services_evaluation.completions_import(
                partnership=partnership, upload=form.cleaned_data["file"], by=request.user
            )
        except services_evaluation.CompletionsRefused as refused:
            problems = refused.problems
            form.add_error(
                "file",
                f"The file has {len(problems)} problem{'s' if len(problems) != 1 else ''}: "
                "nothing was imported. Correct them and upload the file again",
            )
        else:
            messages.success(
                request,
                f"{counts['imported']} completions imported"
                + (
                    f"; {counts['already recorded']} were already recorded"
                    if counts["already recorded"]
                    else ""
                ),
            )
            return redirect("training:completions_import")
    return render(request, "training/completions_import.html", {"form": form, "problems": problems})
