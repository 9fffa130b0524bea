from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from certificates import admin_urls
from certificates.models import Certificate
from certificates.viewsets import CertificatePermissionPolicy, CertificateViewSet
from organisation.models import is_hr

register_permission_policy(Certificate, CertificatePermissionPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificate_register")


@hooks.register("register_admin_urls")
def register_certificate_admin_urls():
    return [path("certificates-admin/", include(admin_urls, namespace="certificates_admin"))]


class HRMenuItem(MenuItem):
    def is_shown(self, request):
        return is_hr(request.user)


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return HRMenuItem(
        _("Import completions"),
        reverse("certificates_admin:import"),
        icon_name="upload",
        order=330,
    )
