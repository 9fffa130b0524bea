"""Registers the organisation admin screens and their permission policies (no logic here)."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from . import permissions
from .models import AuditEvent, Division, HRGrant, Role, ServicePoint, StaffMember
from .viewsets import OrganisationViewSetGroup

register_permission_policy(Division, permissions.DivisionPolicy(Division))
register_permission_policy(ServicePoint, permissions.ServicePointPolicy(ServicePoint))
register_permission_policy(StaffMember, permissions.StaffMemberPolicy(StaffMember))
register_permission_policy(Role, permissions.CityWidePolicy(Role))
register_permission_policy(HRGrant, permissions.HRGrantPolicy(HRGrant))
register_permission_policy(AuditEvent, permissions.AuditEventPolicy(AuditEvent))


@hooks.register("register_admin_viewset")
def register_organisation_viewsets():
    return OrganisationViewSetGroup()
