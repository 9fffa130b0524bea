"""What "My learning" shows. Kept out of the page model so the page stays thin.

Required modules first (overdue first, then by due date), then optional modules. The
certificates app fills the template's `certificates` block. Queries: a fixed number
(pinned in tests/courses/test_dashboard.py) however many modules there are.
"""

from __future__ import annotations

from courses.progress import DUE_SOON_DAYS, dashboard_modules
from organisation.models import staff_for_user


def dashboard_context(user, page) -> dict:
    staff = staff_for_user(user)
    if staff is None:
        return {"staff": None, "required_modules": [], "optional_modules": []}
    required, optional = dashboard_modules(staff)
    return {
        "staff": staff,
        "required_modules": required,
        "optional_modules": optional,
        "due_soon_days": DUE_SOON_DAYS,
    }
