import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english_messages():
    """Import messages are compared in English (the source language)."""
    with translation.override("en"):
        yield
