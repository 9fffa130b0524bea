"""What "My learning" shows. Kept out of the page model so the page stays thin."""

from __future__ import annotations

from organisation.models import staff_for_user


def dashboard_context(user, page) -> dict:
    return {"staff": staff_for_user(user)}
