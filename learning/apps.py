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
        from learning import similar_work

        similar_work.register_all()
