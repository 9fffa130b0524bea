from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def quiz_gate(cycle, module) -> bool:
    """Completion gate: if the module has a live quiz (in any language), the cycle needs a
    passed attempt at it. One query: a row per live quiz page, each saying whether it is
    passed in this cycle."""
    from django.db.models import Exists, OuterRef

    from assessments.models import Attempt, QuizPage

    passed = list(
        QuizPage.objects.live()
        .filter(module_key=cycle.module_key)
        .order_by()
        .annotate(
            passed=Exists(
                Attempt.objects.filter(
                    cycle_id=cycle.pk, passed=True, quiz_key=OuterRef("translation_key")
                )
            )
        )
        .values_list("passed", flat=True)
    )
    return not passed or any(passed)


class AssessmentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "assessments"
    verbose_name = _("Quizzes")

    def ready(self):
        from courses.completion import register_gate

        register_gate(quiz_gate)
