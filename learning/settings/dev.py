from .base import *  # noqa: F403

DEBUG = env.bool("DEBUG", default=True)
SHOW_DEMO_PASSWORDS = True
