from django.apps import AppConfig

from core.navigation import NavItem


class LearningConfig(AppConfig):
    name = "learning"
    verbose_name = "The learning spine"
    navigation = (
        NavItem("Action plan", "learning:action_plan", 40),
        NavItem("Learning", "learning:index", 45),
    )

    def ready(self):
        from learning import policy, similar_work  # noqa: F401  (policy registers its permissions)

        similar_work.register_all()
