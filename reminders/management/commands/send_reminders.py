from reminders import services
from reminders.management.commands._base import JobCommand


class Command(JobCommand):
    help = (
        "Send the daily learner reminders: one e-mail per person listing their overdue, "
        "due-soon and expiring modules. Safe to run twice."
    )
    job = staticmethod(services.run_learner_reminders)
