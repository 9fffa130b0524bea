"""Registers the reminder admin screens (the code lives in `reminders.viewsets`)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from reminders.models import Notification, ReminderPause
from reminders.viewsets import RemindersViewSetGroup, notification_policy, pause_policy

register_permission_policy(Notification, notification_policy)
register_permission_policy(ReminderPause, pause_policy)


@hooks.register("register_admin_viewset")
def register_reminder_viewsets():
    return RemindersViewSetGroup()
