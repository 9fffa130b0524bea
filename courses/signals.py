"""Signals that courses sends to the apps above it.

`module_completed` is sent once, after the transaction that completed a cycle has
committed, with `cycle` (a ModuleCycle). The certificates app listens to it to queue the
certificate task; nothing here imports that app.
"""

import django.dispatch

module_completed = django.dispatch.Signal()
