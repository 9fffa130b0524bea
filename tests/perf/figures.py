"""What every benchmark here shares: run only when asked, and the figures it prints."""

import os

import pytest

only_when_asked = pytest.mark.skipif(
    os.environ.get("RUN_BENCH") != "1", reason="benchmark: set RUN_BENCH=1 to run"
)


def percentile(values, share: float):
    """The value below which `share` of `values` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]
