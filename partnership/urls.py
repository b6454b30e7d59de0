from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from partnership import views, views_account, views_links, views_people

app_name = "partnership"

urlpatterns = [
    path("sign-in/", views_account.SignInView.as_view(), name="sign_in"),
    path("sign-out/", auth_views.LogoutView.as_view(), name="sign_out"),
    path("sign-in/code/", views_account.two_factor_verify, name="two_factor_verify"),
    path("account/", views_account.account, name="account"),
    path("account/two-factor/", views_account.two_factor_setup, name="two_factor_setup"),
    path("invitation/<str:token>/", views_account.accept_invitation, name="accept_invitation"),
    path(
        "sign-in/reset-password/",
        auth_views.PasswordResetView.as_view(
            template_name="partnership/password_reset.html",
            email_template_name="partnership/email/password_reset.txt",
            subject_template_name="partnership/email/password_reset_subject.txt",
            success_url=reverse_lazy("partnership:password_reset_sent"),
        ),
        name="password_reset",
    ),
    path(
        "sign-in/reset-password/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="partnership/password_reset_sent.html"
        ),
        name="password_reset_sent",
    ),
    path(
        "sign-in/reset-password/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="partnership/password_reset_confirm.html",
            success_url=reverse_lazy("partnership:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "sign-in/reset-password/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="partnership/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
    path("partnership/", views.overview, name="overview"),
    path("partnership/people/", views_people.person_list, name="person_list"),
    path("partnership/people/invite/", views_people.person_invite, name="person_invite"),
    path("partnership/people/<int:pk>/", views_people.person_detail, name="person_detail"),
    path("partnership/people/<int:pk>/edit/", views_people.person_edit, name="person_edit"),
    path(
        "partnership/people/<int:pk>/deactivate/",
        views_people.person_set_active,
        {"active": False},
        name="person_deactivate",
    ),
    path(
        "partnership/people/<int:pk>/reactivate/",
        views_people.person_set_active,
        {"active": True},
        name="person_reactivate",
    ),
    path(
        "partnership/people/<int:pk>/resend-invitation/",
        views_people.person_resend_invitation,
        name="person_resend_invitation",
    ),
    path(
        "partnership/people/<int:pk>/reset-two-factor/",
        views_people.person_two_factor_reset,
        name="person_two_factor_reset",
    ),
    path("partnership/groups/<int:pk>/members/add/", views.membership_add, name="membership_add"),
    path(
        "partnership/memberships/<int:pk>/remove/",
        views.membership_remove,
        name="membership_remove",
    ),
    path("partnership/links/", views_links.link_list, name="link_list"),
    path("partnership/links/request/", views_links.link_request, name="link_request"),
    path("partnership/links/<int:pk>/accept/", views_links.link_accept, name="link_accept"),
    path("partnership/links/<int:pk>/decline/", views_links.link_decline, name="link_decline"),
    path("partnership/links/<int:pk>/end/", views_links.link_end, name="link_end"),
    path("partnership/<slug:kind>/", views.structure_list, name="structure_list"),
    path("partnership/<slug:kind>/new/", views.structure_create, name="structure_create"),
    path("partnership/<slug:kind>/<int:pk>/", views.structure_detail, name="structure_detail"),
    path("partnership/<slug:kind>/<int:pk>/edit/", views.structure_edit, name="structure_edit"),
    path(
        "partnership/<slug:kind>/<int:pk>/archive/",
        views.structure_archive,
        name="structure_archive",
    ),
]
