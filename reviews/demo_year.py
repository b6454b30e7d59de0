"""South Tees' reviews in the reporting year 2025-26 (April 2025 to March 2026), told day by day
through the services a person uses (`partnership.demo.on_day`): referrals and their triage, two
rapid reviews with the partners' decisions, an LCSPR taken to publication through the real
publication gate with its 7-minute briefing and newsletter, and a non-statutory review.

Every child is a pseudonym ("Child S"); every name, date and event is fictional.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.utils import timezone

from learning import services as learning
from learning.models import (
    Action,
    Briefing,
    DisseminationChannel,
    EvidenceOfImpact,
    Finding,
    Recommendation,
    Theme,
)
from partnership.demo import SOUTH_TEES, demo_email, on_day
from partnership.models import Group, Organisation, Partnership, Role, User
from reviews import services, services_reports, services_reviews
from reviews.models import AgencyRequest, LearningReferral, RapidReview, Review, ReviewerAssignment

Outcome = LearningReferral.Outcome

# day, pseudonymous title, referred by (role), triaged on, outcome, reason
REFERRALS = (
    (
        "2025-05-07",
        "Child S: a baby with a fractured skull",
        Role.AGENCY_CONTRIBUTOR,
        "2025-05-07",
        Outcome.RAPID_REVIEW,
        "A baby seriously harmed where abuse is suspected: notify the national panel.",
    ),
    (
        "2025-06-16",
        "Strategy discussions held without health",
        Role.GROUP_MEMBER,
        "2025-06-23",
        Outcome.AUDIT,
        "An area of practice, not one case: added to the multi-agency audit programme.",
    ),
    (
        "2025-07-08",
        "Child N: neglect known to many agencies",
        Role.PRACTITIONER,
        "2025-07-15",
        Outcome.CASE_REVIEW,
        "Below the serious incident threshold; a multi-agency learning review is proportionate.",
    ),
    (
        "2025-08-11",
        "Child M: a bruise on a toddler",
        Role.PRACTITIONER,
        "2025-08-18",
        Outcome.NO_FURTHER_ACTION,
        "The bruise was explained and the protocol followed well; nothing further to learn.",
    ),
    (
        "2025-09-01",
        "Child U: a teenager hurt while being exploited",
        Role.PRACTITIONER,
        "2025-09-02",
        Outcome.RAPID_REVIEW,
        "A child seriously harmed where exploitation is suspected: notify the national panel.",
    ),
    (
        "2025-11-03",
        "Neglect where there are many children in the family",
        Role.GROUP_MEMBER,
        "2025-11-10",
        Outcome.AUDIT,
        "A recurring theme across agencies: audit twenty families' cases.",
    ),
    (
        "2025-12-01",
        "Child L: a school's late referral",
        Role.PRACTITIONER,
        "2025-12-08",
        Outcome.NO_FURTHER_ACTION,
        "Single-agency learning for the school, shared with its designated safeguarding lead.",
    ),
    (
        "2026-02-09",
        "Child K: a domestic abuse notification not passed on",
        Role.AGENCY_CONTRIBUTOR,
        "2026-02-16",
        Outcome.NO_FURTHER_ACTION,
        "The learning is the same as the published LCSPR's; it is in its action plan already.",
    ),
    (
        "2026-03-09",
        "Child J: missed health appointments",
        Role.PRACTITIONER,
        "2026-03-16",
        Outcome.AUDIT,
        "Added to the audit of 'was not brought' practice in health services.",
    ),
)


@dataclass(frozen=True)
class Incident:
    pseudonym: str
    summary: str
    incident: date
    aware: date
    notified: date
    age: int
    answers: dict
    decided: date
    decision: str
    rationale: str
    learning_identified: str
    alternative_learning: str


CHILD_S = Incident(
    pseudonym="Child S",
    summary="Child S, a baby of ten weeks, was admitted to hospital with a fractured skull.",
    incident=date(2025, 5, 5),
    aware=date(2025, 5, 7),
    notified=date(2025, 5, 9),
    age=0,
    answers={
        "abuse_or_neglect": "suspected",
        "seriously_harmed": True,
        "interagency_concerns": "concerns",
        "immediate_actions": "Child S's older brother was seen the same day and is safe with his grandmother.",
        "context": "A young family, new to the area, living with debt and poor housing.",
        "parallel_processes": "Police investigation.",
        "highlights_improvements": True,
        "highlights_recurrent_themes": True,
        "highlights_interagency_concerns": True,
        "panel_considered_local_review": False,
    },
    decided=date(2025, 5, 27),
    decision=RapidReview.Decision.LCSPR,
    rationale="Serious harm to a baby, and cause for concern about how agencies shared what they knew.",
    learning_identified="A bruise seen by the health visitor was not shared with the GP or children's services.",
    alternative_learning="",
)
CHILD_U = Incident(
    pseudonym="Child U",
    summary="Child U, aged 15, was stabbed while being criminally exploited.",
    incident=date(2025, 8, 29),
    aware=date(2025, 9, 2),
    notified=date(2025, 9, 4),
    age=15,
    answers={
        "abuse_or_neglect": "known",
        "seriously_harmed": True,
        "interagency_concerns": "no_concerns_definitive",
        "immediate_actions": "A safety plan with the police and the youth justice service.",
        "context": "Child U had been missing from home three times in the summer.",
        "parallel_processes": "Criminal trial of the adults who exploited Child U.",
        "highlights_improvements": False,
        "highlights_recurrent_themes": True,
        "highlights_interagency_concerns": False,
        "panel_considered_local_review": False,
    },
    decided=date(2025, 9, 22),
    decision=RapidReview.Decision.NO_LCSPR,
    rationale="Agencies worked well together; the learning is about exploitation outside the home.",
    learning_identified="Return home interviews were timely and shared with the exploitation panel.",
    alternative_learning="A practitioner learning event on exploitation outside the home, and a 7-minute briefing.",
)


def _day(text: str) -> date:
    return date.fromisoformat(text)


def _person(role: str) -> User:
    return User.objects.get(email=demo_email(SOUTH_TEES, role))


def _organisation(partnership: Partnership, name: str) -> Organisation:
    return Organisation.objects.get(partnership=partnership, name=name)


def load(partnership: Partnership) -> None:
    """The year's work; the caller loads it once."""
    officer = _person(Role.BUSINESS_UNIT_OFFICER)
    referrals = {}
    for submitted, title, role, triaged, outcome, reason in REFERRALS:
        with on_day(_day(submitted)):
            referral = services.learning_referral_submit(
                partnership=partnership,
                referred_by=_person(role),
                title=title,
                what_happened="A fictional case for the demonstration.",
                agencies_involved="Children's services, health, police, schools",
                why_learning="Agencies may not have shared what they knew.",
                child_voice="The child's own words, as a practitioner recorded them (fictional).",
            )
        with on_day(_day(triaged)):
            services.learning_referral_triage(
                referral=referral, outcome=outcome, reason=reason, by=officer
            )
        referrals[title.split(":")[0]] = referral
    _published_lcspr(partnership, referrals["Child S"], officer)
    rapid_review_decided(
        partnership, CHILD_U, referral=referrals["Child U"], sent_on=date(2025, 9, 24), by=officer
    )
    _case_review(partnership, referrals["Child N"], officer)


def rapid_review_decided(
    partnership: Partnership,
    incident: Incident,
    *,
    referral: LearningReferral | None,
    sent_on: date | None,
    by: User,
) -> RapidReview:
    """A notified incident whose rapid review ends in the partners' decision, signed off by every
    statutory partner and (when `sent_on`) sent to the national panel."""
    with on_day(incident.aware):
        notification = services.notification_create(
            partnership=partnership,
            incident_summary=incident.summary,
            incident_date=incident.incident,
            aware_date=incident.aware,
            notified_date=incident.notified,
            referral=referral,
            notifying_authority=_organisation(partnership, "Middlesbrough Council"),
            by=by,
        )
        services.notified_child_add(
            notification=notification,
            pseudonym=incident.pseudonym,
            outcome="seriously_harmed",
            age=incident.age,
            full_name=f"Demochild Fictional {incident.pseudonym[-1]}",
            address=f"{ord(incident.pseudonym[-1])} Example Road, Demotown",
            by=by,
        )
        rapid_review = notification.rapid_review
        services.versioned_update(
            record=rapid_review,
            data=incident.answers,
            expected_version=rapid_review.version,
            by=by,
        )
    with on_day(incident.decided):
        services.rapid_review_decide(
            rapid_review=rapid_review,
            decision=incident.decision,
            national_review_recommended=False,
            rationale=incident.rationale,
            learning_identified=incident.learning_identified,
            alternative_learning=incident.alternative_learning,
            by=by,
        )
        for lead in services.partner_leads(partnership):
            services.partner_sign_off(rapid_review=rapid_review, by=lead, agrees=True, comment="")
    if sent_on:
        with on_day(sent_on):
            services.rapid_review_send_to_panel(rapid_review=rapid_review, sent_on=sent_on, by=by)
    return rapid_review


def _themes(partnership: Partnership, *names: str) -> list[Theme]:
    return list(Theme.objects.for_partnership(partnership).filter(name__in=names))


def _reviewer_and_terms(review: Review, officer: User, *, terms: str, lines: str) -> None:
    services_reviews.reviewer_assign(
        review=review,
        person=_person(Role.INDEPENDENT_REVIEWER),
        role=ReviewerAssignment.Role.INDEPENDENT_REVIEWER,
        involved_with=[],
        involved_in_case=False,
        statement="I have not worked for any of the partnership's agencies.",
        by=officer,
    )
    draft = services_reviews.terms_of_reference_draft(
        review=review, text=terms, key_lines_of_enquiry=lines, by=officer
    )
    services_reviews.terms_of_reference_approve(terms=draft, by=_person(Role.PARTNER_LEAD))


def _signed_off_and_agreed(review: Review, *, summary: str, body: str) -> None:
    """The reviewer's final draft, signed off by every statutory partner and agreed."""
    draft = services_reports.report_draft_add(
        review=review, summary=summary, body=body, by=_person(Role.INDEPENDENT_REVIEWER)
    )
    for lead in services.partner_leads(review.partnership):
        services.partner_sign_off(report_draft=draft, by=lead, agrees=True, comment="")
    services_reports.review_agree_final(review=review, by=_person(Role.BUSINESS_UNIT_MANAGER))


def _published_lcspr(partnership: Partnership, referral: LearningReferral, officer: User) -> Review:
    manager = _person(Role.BUSINESS_UNIT_MANAGER)
    contributor = _person(Role.AGENCY_CONTRIBUTOR)
    hospital = _organisation(partnership, "South Tees Hospitals NHS Foundation Trust")
    rapid_review = rapid_review_decided(
        partnership, CHILD_S, referral=referral, sent_on=date(2025, 5, 29), by=officer
    )
    with on_day(_day("2025-06-20")):
        services.rapid_review_panel_response(
            rapid_review=rapid_review,
            response=RapidReview.PanelResponse.AGREES,
            responded_on=_day("2025-06-20"),
            notes="The panel agrees that an LCSPR is the right response.",
            by=officer,
        )
    with on_day(_day("2025-06-02")):
        review = services_reviews.review_open(
            partnership=partnership,
            review_type=Review.Type.LCSPR,
            title="Child S",
            rapid_review=rapid_review,
            by=officer,
        )
        services.versioned_update(
            record=review,
            data={
                "organisations_under_review": [
                    hospital,
                    _organisation(partnership, "Middlesbrough Council"),
                ]
            },
            expected_version=review.version,
            by=officer,
        )
        _reviewer_and_terms(
            review,
            officer,
            terms="The review covers Child S's life from birth to the injury.",
            lines="How did agencies share what they saw of Child S's injuries?",
        )
    with on_day(_day("2025-06-11")):
        request = services.agency_request_send(
            review=review,
            organisation=hospital,
            kind=AgencyRequest.Kind.CHRONOLOGY,
            due_date=_day("2025-07-09"),
            details="Contact with Child S and the family from birth to the injury.",
            by=officer,
        )
    with on_day(_day("2025-07-03")):
        for event in (
            "Health visitor's new birth visit: a small bruise on Child S's ear noted",
            "Child S brought to the emergency department with a head injury",
        ):
            services_reviews.chronology_entry_add(
                review=review,
                organisation=hospital,
                request=request,
                date=_day("2025-03-10") if "birth" in event else CHILD_S.incident,
                event=event,
                by=contributor,
            )
        services.agency_request_return(request=request, response="", by=contributor)
    with on_day(_day("2025-11-20")):
        services.versioned_update(
            record=review,
            data={
                "family_involvement": "Child S's mother and grandmother met the reviewer twice.",
                "child_voice": "Child S is a baby: the review asked what a day was like for him.",
            },
            expected_version=review.version,
            by=officer,
        )
    with on_day(_day("2026-01-19")):
        _signed_off_and_agreed(
            review,
            summary="Share every bruise on a baby who is not yet mobile with children's services.",
            body=(
                "Child S was known to the health visitor, the GP and the hospital. A small bruise "
                "seen on a home visit was recorded but not shared, and the bruising protocol was "
                "not followed. The review recommends training on the protocol for every agency."
            ),
        )
        for milestone in review.milestones.filter(completed_on__isnull=True):
            services_reviews.milestone_complete(
                milestone=milestone, completed_on=_day("2026-01-19"), by=officer
            )
        findings, recommendation = _lcspr_learning(review, officer)
        task = services_reports.review_plan_publication(
            review=review, publication_date=_day("2026-02-17"), by=manager
        )
    _lcspr_actions(recommendation, officer)
    with on_day(_day("2026-01-21")):
        services_reports.review_task_done(task=task, done_on=_day("2026-01-21"), by=officer)
    with on_day(_day("2026-02-17")):
        report = services_reports.review_publish(review=review, by=manager)
    with on_day(_day("2026-03-02")):
        for task in review.tasks.filter(done_on__isnull=True):
            services_reports.review_task_done(task=task, done_on=_day("2026-03-02"), by=officer)
    _spread(review, findings, report, officer, manager)
    return review


def _lcspr_learning(review: Review, officer: User) -> tuple[list[Finding], Recommendation]:
    partnership = review.partnership
    findings = [
        learning.finding_record(
            source=review,
            title=title,
            description=description,
            aim=aim,
            themes=_themes(partnership, *themes),
            voice_of_the_child=voice,
            by=officer,
        )
        for title, description, aim, themes, voice in (
            (
                "A bruise on a baby was recorded but not shared",
                "The health visitor recorded a bruise on a baby who was not yet mobile but did "
                "not follow the bruising protocol.",
                Finding.Aim.MUST_IMPROVE,
                ("Non-accidental injury in babies", "Information sharing"),
                "",
            ),
            (
                "The father was not part of the assessment",
                "Every assessment spoke to the mother only; the father's role was not explored.",
                Finding.Aim.MUST_IMPROVE,
                ("Fathers and male carers", "Professional curiosity"),
                "",
            ),
            (
                "The emergency department acted quickly",
                "Staff recognised a possible non-accidental injury and called the police at once.",
                Finding.Aim.WORKS_WELL,
                ("Non-accidental injury in babies",),
                "",
            ),
        )
    ]
    recommendation = learning.recommendation_record(
        source=review,
        findings=findings[:2],
        text="Every agency trains its staff in the bruising protocol and in seeing fathers.",
        owning_group=Group.objects.get(partnership=partnership, name="Case Review sub-group"),
        by=officer,
    )
    return findings, recommendation


# description, owning agency, owner's role, due in so many days from today, status, latest note
LCSPR_ACTIONS = (
    (
        "Share the 7-minute briefing at every locality team meeting",
        "Redcar & Cleveland Borough Council",
        Role.PRACTITIONER,
        21,
        Action.Status.ON_TRACK,
        "Shared at four of the six locality team meetings so far.",
    ),
    (
        "Audit the emergency department's use of the bruising protocol",
        "South Tees Hospitals NHS Foundation Trust",
        Role.GROUP_MEMBER,
        60,
        Action.Status.NOT_STARTED,
        "",
    ),
    (
        "Add the father's details to every assessment template",
        "Middlesbrough Council",
        Role.PARTNER_LEAD,
        -14,
        Action.Status.AT_RISK,
        "The case recording system's supplier has not yet made the change.",
    ),
)


def _lcspr_actions(recommendation: Recommendation, officer: User) -> None:
    """The action plan agreed with the report; each owner's latest progress a week ago."""
    today = timezone.localdate()
    for description, agency, role, due_in, status, note in LCSPR_ACTIONS:
        owner = _person(role)
        with on_day(_day("2026-01-19")):
            action = learning.action_create(
                recommendation=recommendation,
                description=description,
                owner_organisation=_organisation(recommendation.partnership, agency),
                owner_person=owner,
                due_date=today + timedelta(days=due_in),
                by=officer,
            )
        if note:
            with on_day(today - timedelta(days=7)):
                learning.action_update_progress(action=action, status=status, note=note, by=owner)
    contributor = _person(Role.AGENCY_CONTRIBUTOR)
    with on_day(_day("2026-01-19")):
        trained = learning.action_create(
            recommendation=recommendation,
            description="Train every health visitor in the bruising protocol",
            owner_organisation=contributor.organisation,
            owner_person=contributor,
            due_date=_day("2026-03-31"),
            by=officer,
        )
    with on_day(_day("2026-03-20")):
        evidence = learning.action_close(
            action=trained,
            what_changed="Health visitors refer every bruise on a baby who is not yet mobile.",
            method=EvidenceOfImpact.Method.RE_AUDIT,
            how_known="A re-audit of thirty records: the protocol was followed in twenty-eight.",
            by=contributor,
        )
    with on_day(_day("2026-03-24")):
        learning.evidence_sign_off(evidence=evidence, by=_person(Role.GROUP_MEMBER))


def _spread(review: Review, findings: list[Finding], report, officer: User, manager: User) -> None:
    """The LCSPR's 7-minute briefing and the newsletter that carries it, both through the
    publication gate, and its dissemination plan done."""
    partnership = review.partnership
    with on_day(_day("2026-02-18")):
        briefing = learning.briefing_create(
            partnership=partnership,
            title="Child S: bruising in babies who are not yet mobile",
            findings=findings[:2],
            sections={
                "background": "A local child safeguarding practice review of serious harm to a baby.",
                "why_it_matters": "A bruise on a baby who cannot move is rare and can signal abuse.",
                "information_1": "Any bruise on a non-mobile baby needs a referral under the protocol.",
                "information_2": "Ask who cares for the baby, including fathers and partners.",
                "information_3": "Share what you see with the GP and children's services the same day.",
                "reflect": "When did you last use the bruising protocol?",
                "what_to_do": "Read the protocol and the review, and talk about them in supervision.",
            },
            by=officer,
        )
        learning.briefing_advance(briefing=briefing, to=Briefing.Status.IN_REVIEW, by=officer)
    with on_day(_day("2026-02-24")):
        learning.briefing_advance(briefing=briefing, to=Briefing.Status.APPROVED, by=manager)
        briefing_publication = learning.briefing_publish(briefing=briefing, by=manager)
    with on_day(_day("2026-03-06")):
        newsletter = learning.newsletter_create(
            partnership=partnership,
            title="Learning Hub newsletter: spring 2026",
            introduction="This issue brings the partnership's first LCSPR report of the year.",
            items=[report, briefing_publication],
            extra_items="Book onto the bruising protocol training on the partnership's website.",
            by=officer,
        )
    with on_day(_day("2026-03-10")):
        learning.newsletter_approve(newsletter=newsletter, by=manager)
        learning.newsletter_publish(newsletter=newsletter, by=manager)
    plan = learning.dissemination_plan_open(source=review, by=officer)
    for channel, planned, done, audience, reach in (
        (DisseminationChannel.Channel.WEBSITE, "2026-02-17", "2026-02-17", "The public", 0),
        (DisseminationChannel.Channel.BRIEFING, "2026-02-28", "2026-02-26", "Practitioners", 420),
        (DisseminationChannel.Channel.NEWSLETTER, "2026-03-15", "2026-03-10", "Mailing list", 1800),
        (DisseminationChannel.Channel.TRAINING, "2026-03-31", "2026-03-25", "Health visitors", 64),
    ):
        with on_day(_day("2026-01-19")):
            added = learning.dissemination_channel_add(
                plan=plan, channel=channel, owner=officer, target_date=_day(planned), by=officer
            )
        with on_day(_day(done)):
            learning.dissemination_activity_record(
                channel=added,
                happened_on=_day(done),
                description=f"{added.get_channel_display()}: the learning from Child S's review.",
                audience=audience,
                reach=reach,
                by=officer,
            )
            learning.dissemination_channel_finish(
                channel=added, status=DisseminationChannel.Status.DONE, by=officer
            )


def _case_review(partnership: Partnership, referral: LearningReferral, officer: User) -> Review:
    """A multi-agency learning review (non-statutory) from a triaged referral, its report agreed."""
    with on_day(_day("2025-07-22")):
        review = services_reviews.review_open(
            partnership=partnership,
            review_type=Review.Type.MULTI_AGENCY,
            title="Child N",
            referral=referral,
            by=officer,
        )
        _reviewer_and_terms(
            review,
            officer,
            terms="The review covers the two years before Child N was taken into care.",
            lines="Why did neglect known to many agencies not lead to a child protection plan sooner?",
        )
    with on_day(_day("2025-12-08")):
        _signed_off_and_agreed(
            review,
            summary="Neglect was seen by every agency but no one added up what they saw.",
            body="Each agency held part of the picture of Child N's neglect; a chronology shared "
            "earlier would have shown it.",
        )
        finding = learning.finding_record(
            source=review,
            title="No agency added up the signs of neglect",
            description="Each agency saw part of the picture and waited for another to act.",
            aim=Finding.Aim.MUST_IMPROVE,
            themes=_themes(partnership, "Neglect", "Escalation and challenge"),
            by=officer,
        )
        learning.recommendation_record(
            source=review,
            findings=[finding],
            text="Use the neglect screening tool in every agency and escalate when concerns persist.",
            owning_group=Group.objects.get(
                partnership=partnership, name="Quality and Performance sub-group"
            ),
            by=officer,
        )
    return review
