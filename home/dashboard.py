"""What "My learning" shows. Kept out of the page model so the page stays thin."""

from __future__ import annotations

from organisation.models import StaffMember


def dashboard_context(user, page) -> dict:
    staff = (
        StaffMember.objects.select_related("service_point__division", "role")
        .filter(user=user)
        .first()
    )
    return {"staff": staff}
