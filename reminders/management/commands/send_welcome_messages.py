from reminders import services
from reminders.management.commands._base import JobCommand


class Command(JobCommand):
    help = (
        "Send welcome messages to staff who have become subject to a required module since "
        "the last run (once per person and module); also queues again notifications a broker "
        "outage left unsent."
    )
    job = staticmethod(services.run_welcome_messages)

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--baseline",
            action="store_true",
            help="Record every current person and module as welcomed without sending "
            "anything (once, when switching welcome messages on for existing staff).",
        )

    def run_job(self, **kwargs):
        result = services.run_welcome_messages(baseline=self.options["baseline"], **kwargs)
        requeued = services.requeue_unsent(dry_run=kwargs["dry_run"])
        if requeued:
            self.stdout.write(f"{requeued} unsent notifications queued again")
        return result

    def handle(self, *args, **options):
        self.options = options
        super().handle(*args, **options)
