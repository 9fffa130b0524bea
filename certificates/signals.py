"""Reactions of the certificates app to what courses announces.

`courses.signals.module_completed` is sent after the completing transaction committed;
we queue the issuing task (again on commit, in case a sender is inside a transaction)."""

from __future__ import annotations

from django.dispatch import receiver

from courses.signals import module_completed


@receiver(module_completed, dispatch_uid="certificates.issue_on_completion")
def issue_on_completion(sender, cycle, **kwargs) -> None:
    from certificates.services import queue_issue

    queue_issue(cycle.pk)
