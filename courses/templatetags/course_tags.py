"""Small presentation helpers for course templates (no business logic)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

from django import template

from courses.blocks import PHRASE_LANGUAGES, RTL_LANGUAGES

register = template.Library()

_LANGUAGE_NAMES = dict(PHRASE_LANGUAGES)
_VIDEO_FILES = (".mp4", ".webm", ".ogv")


@register.filter
def video_embed(url: str) -> dict:
    """{"kind": "iframe"|"file"|"", "src": ...} for a YouTube/Vimeo address or a video file.
    No network access: the player address is derived from the URL."""
    parsed = urlparse(url or "")
    host = (parsed.hostname or "").removeprefix("www.").removeprefix("m.")
    video_id = ""
    if host in {"youtube.com", "youtube-nocookie.com"}:
        video_id = parse_qs(parsed.query).get("v", [""])[0]
        if not video_id and parsed.path.startswith("/embed/"):
            video_id = parsed.path.split("/")[2]
    elif host == "youtu.be":
        video_id = parsed.path.strip("/")
    if video_id.replace("-", "").replace("_", "").isalnum():
        return {"kind": "iframe", "src": f"https://www.youtube-nocookie.com/embed/{video_id}"}
    if host == "vimeo.com" and parsed.path.strip("/").isdigit():
        return {"kind": "iframe", "src": f"https://player.vimeo.com/video/{parsed.path.strip('/')}"}
    if parsed.scheme in {"http", "https"} and parsed.path.lower().endswith(_VIDEO_FILES):
        return {"kind": "file", "src": url}
    return {"kind": "", "src": ""}


@register.filter
def phrase_language_name(code: str) -> str:
    return str(_LANGUAGE_NAMES.get(code, code))


@register.filter
def is_rtl(code: str) -> bool:
    return code in RTL_LANGUAGES
