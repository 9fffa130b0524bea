from reminders import services
from reminders.management.commands._base import JobCommand


class Command(JobCommand):
    help = (
        "Send the weekly supervisor digests: overdue and soon-due staff of the service points "
        "each supervisor supervises. Sent once per supervisor per ISO week."
    )
    job = staticmethod(services.run_supervisor_digests)
