from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def quiz_gate(cycle, module) -> bool:
    """Completion gate: if the module has a live quiz (in any language), the cycle needs a
    passed attempt at it. Two small queries."""
    from assessments.models import Attempt, QuizPage

    keys = list(
        QuizPage.objects.live()
        .filter(module_key=cycle.module_key)
        .order_by()
        .values_list("translation_key", flat=True)
        .distinct()
    )
    if not keys:
        return True
    return Attempt.objects.filter(cycle=cycle, passed=True, quiz_key__in=keys).exists()


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = _("Quizzes")

    def ready(self):
        from courses.completion import register_gate

        register_gate(quiz_gate)
