"""Completion gates: extra conditions a module's cycle must meet besides its lessons.

The assessments app registers a gate ("the quiz is passed, if the module has one") in its
AppConfig.ready(); courses never imports it. `courses.services` asks every gate.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from courses.models import CoursePage, ModuleCycle

Gate = Callable[["ModuleCycle", "CoursePage"], bool]
_gates: list[Gate] = []


def register_gate(gate: Gate) -> Gate:
    if gate not in _gates:
        _gates.append(gate)
    return gate


def gates() -> tuple[Gate, ...]:
    return tuple(_gates)
