"""Permission policies of the organisation admin screens.

Only HR users (`is_hr`) get anything, on top of the Django model permissions the HR group
holds. Some actions are reserved for city-wide HR (creating divisions, roles, HR scopes).
Row-level scope is enforced by the views' querysets (`for_user`); the policies answer the
per-instance questions the same way so buttons and menus agree with the querysets.
"""

from __future__ import annotations

from wagtail.permission_policies import ModelPermissionPolicy

from .models import hr_scope, is_hr


def is_city_wide_hr(user) -> bool:
    return is_hr(user) and hr_scope(user)[0]


class HRPermissionPolicy(ModelPermissionPolicy):
    #: actions only city-wide HR may perform
    city_wide_actions: frozenset[str] = frozenset()
    #: actions nobody may perform through the admin
    forbidden_actions: frozenset[str] = frozenset()

    def user_has_permission(self, user, action):
        if action in self.forbidden_actions or not is_hr(user):
            return False
        if action in self.city_wide_actions and not is_city_wide_hr(user):
            return False
        return super().user_has_permission(user, action)

    def scoped_queryset(self, user):
        manager = self.model._default_manager
        if hasattr(manager, "for_user"):
            return manager.for_user(user)
        return manager.all()

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scoped_queryset(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if self.user_has_any_permission(user, actions):
            return self.scoped_queryset(user)
        return self.model._default_manager.none()


class DivisionPolicy(HRPermissionPolicy):
    city_wide_actions = frozenset({"add", "delete"})


class ServicePointPolicy(HRPermissionPolicy):
    pass


class StaffMemberPolicy(HRPermissionPolicy):
    pass


class CityWidePolicy(HRPermissionPolicy):
    """Roles and HR scopes: any HR user may look, only city-wide HR may change them."""

    city_wide_actions = frozenset({"add", "change", "delete"})


class HRGrantPolicy(HRPermissionPolicy):
    """Granting scope is for city-wide HR only (a division HR cannot widen their own)."""

    city_wide_actions = frozenset({"view", "add", "change", "delete"})


class AuditEventPolicy(HRPermissionPolicy):
    """The audit trail is append-only: view, never add, change or delete."""

    forbidden_actions = frozenset({"add", "change", "delete"})

    def scoped_queryset(self, user):
        queryset = self.model._default_manager.all()
        if is_city_wide_hr(user):
            return queryset
        return queryset.filter(actor=user)
