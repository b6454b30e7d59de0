from django.apps import AppConfig

from core.navigation import NavItem


def _send_reminders() -> dict[str, int]:
    from training.reminders import send_training_reminders

    return send_training_reminders()


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training"
    navigation = (NavItem("Training", "training:course_list", 60, shown_to="training.view_course"),)
    reminders = staticmethod(_send_reminders)

    def ready(self):
        from training import policy  # noqa: F401  (policy registers its permissions)
