from django.apps import AppConfig

from core.navigation import NavItem


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training"
    navigation = (NavItem("Training", "training:course_list", 60, shown_to="training.view_course"),)

    def ready(self):
        from training import policy  # noqa: F401  (policy registers its permissions)
