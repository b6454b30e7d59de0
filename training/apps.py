from django.apps import AppConfig

from core.navigation import NavItem


def _send_reminders() -> dict[str, int]:
    from training.reminders import send_training_reminders
    from training.services_evaluation import evaluation_before_deadlines

    return {**send_training_reminders(), **evaluation_before_deadlines()}


class TrainingConfig(AppConfig):
    name = "training"
    verbose_name = "Training"
    navigation = (NavItem("Training", "training:course_list", 60, shown_to="training.view_course"),)
    reminders = staticmethod(_send_reminders)

    def ready(self):
        from core.yearly import register as register_yearly_summary
        from learning import citations
        from training import policy, selectors_evaluation, yearly  # noqa: F401  (policy registers its permissions)

        citations.register(selectors_evaluation.citable_results)
        register_yearly_summary("training", yearly.summarise)
