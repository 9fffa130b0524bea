"""Demo modules, requirements and progress, called by `seed_demo` after the organisation.

- Five modules in Finnish with Swedish and English translations made with wagtail-localize
  (a `TranslationSource` per page, translated strings stored as `StringTranslation`s, then
  `Translation.save_target`), so "Sync translated pages" keeps working on the demo too.
- Requirements: modules 1-3 for everyone serving customers, due 90 days after the start
  date; modules 4 and 5 for chosen divisions.
- Varied progress for the demo staff (completed, in progress, not started, overdue).

Idempotent: pages are found by slug, requirements by module, progress only for people who
have none yet for that module.
"""

from __future__ import annotations

import datetime
import html
import io
import random

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)
from wagtail_localize.strings import StringValue

from courses.models import (
    CourseIndexPage,
    CourseObjective,
    CoursePage,
    LessonPage,
    LessonProgress,
    ModuleCycle,
    Requirement,
)
from courses.services import add_months
from home.demo.course_content import CATALOGUE, IN_MODERATION, MODULES
from home.models import HomePage
from organisation.models import Division, Role, ServicePoint, StaffMember

LANGUAGES = ("fi", "sv", "en")
TARGETS = ("sv", "en")
SEED = 2030

# Who must take what (role codes and division codes come from home.demo.organisation).
SERVING_ROLES = ["customer-service", "guidance", "manager"]
DIVISION_REQUIREMENTS = {
    "tulkkaus": (["SOTE", "KUVA"], 120),
    "kotoutumispalvelut": (["KANSLIA", "SOTE", "KASKO"], 180),
}
FIXED_DATE_POINT = "KIR-KAL"


# --- building pages ------------------------------------------------------------------------


def _paragraphs(items) -> dict[str, str]:
    """Rich text in each language from a list of (fi, sv, en) paragraphs or ("ul", [...])."""
    out = {}
    for i, code in enumerate(LANGUAGES):
        parts = []
        for item in items:
            if isinstance(item, tuple) and item and item[0] == "ul":
                parts.append(
                    "<ul>"
                    + "".join(f"<li>{html.escape(li[i], quote=False)}</li>" for li in item[1])
                    + "</ul>"
                )
            else:
                parts.append(f"<p>{html.escape(item[i], quote=False)}</p>")
        out[code] = "".join(parts)
    return out


def _strings_of(items) -> list[tuple[str, str, str]]:
    pairs = []
    for item in items:
        if isinstance(item, tuple) and item and item[0] == "ul":
            pairs.extend(item[1])
        else:
            pairs.append(item)
    return pairs


class Collector:
    """Collects (fi, sv, en) string triples while building the Finnish content, so the
    Swedish and English strings can be given to wagtail-localize afterwards."""

    def __init__(self):
        self.triples: list[tuple[str, str, str]] = []

    def t(self, triple) -> str:
        self.triples.append(tuple(triple))
        return triple[0]

    def rich(self, items) -> str:
        self.triples.extend(_strings_of(items))
        return _paragraphs(items)["fi"]


def _body(blocks, collector: Collector, assets: dict) -> list[tuple[str, object]]:
    c = collector
    body = []
    for kind, data in blocks:
        if kind == "heading":
            body.append(("heading", {"text": c.t(data)}))
        elif kind == "text":
            body.append(("text", c.rich(data)))
        elif kind == "image":
            body.append(
                (
                    "image",
                    {
                        "image": assets["image"],
                        "alt_text": c.t(data["alt"]),
                        "caption": c.t(data["caption"]),
                    },
                )
            )
        elif kind == "video":
            body.append(
                (
                    "video",
                    {
                        "title": c.t(data["title"]),
                        "url": data["url"],
                        "transcript": c.t(data["transcript"]),
                    },
                )
            )
        elif kind == "callout":
            body.append(
                (
                    "callout",
                    {
                        "kind": data["kind"],
                        "title": c.t(data["title"]),
                        "text": c.rich(data["text"]),
                    },
                )
            )
        elif kind == "scenario":
            body.append(
                (
                    "encounter_scenario",
                    {
                        "situation": c.t(data["situation"]),
                        "question": c.t(data["question"]),
                        "responses": [
                            {"response": c.t(r), "works": works, "feedback": c.t(f)}
                            for r, works, f in data["responses"]
                        ],
                    },
                )
            )
        elif kind == "rewrite":
            body.append(
                (
                    "plain_language_rewrite",
                    {
                        "original": c.t(data["original"]),
                        "rewrite": c.t(data["rewrite"]),
                        "note": c.t(data["note"]),
                    },
                )
            )
        elif kind == "phrases":
            body.append(
                (
                    "phrase_card",
                    {
                        "meaning": c.t(data["meaning"]),
                        "phrases": [
                            # A phrase is the same in every translation of the page.
                            {
                                "language": lang,
                                "text": c.t((text, text, text)),
                                "pronunciation": c.t((pron, pron, pron)),
                            }
                            for lang, text, pron in data["phrases"]
                        ],
                    },
                )
            )
        elif kind == "document":
            body.append(
                (
                    "document",
                    {
                        "document": assets["document"],
                        "title": c.t(data["title"]),
                        "description": c.t(data["description"]),
                    },
                )
            )
        elif kind == "takeaways":
            body.append(
                (
                    "key_takeaways",
                    {"title": c.t(data["title"]), "items": [c.t(item) for item in data["items"]]},
                )
            )
        else:  # pragma: no cover - a typo in the content
            raise ValueError(kind)
    return body


def _translate(page: Page, triples: list[tuple[str, str, str]]) -> None:
    """Create (or update) the Swedish and English translations of `page` with
    wagtail-localize, using the translated strings of `triples`."""
    page = page.specific
    source, _created = TranslationSource.get_or_create_from_instance(page)
    lookups = {code: {} for code in TARGETS}
    for triple in triples:
        for code, text in zip(TARGETS, triple[1:], strict=True):
            lookups[code][triple[0]] = text
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for code in TARGETS:
        locale = Locale.objects.get(language_code=code)
        for segment in segments:
            data = segment.string.data.replace("<br/>", "\n").replace("<br>", "\n")
            plain = html.unescape(data)
            translated = lookups[code].get(plain)
            if translated is None:
                continue
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": StringValue.from_plaintext(translated).data},
            )
        translation, _ = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        translation.save_target(publish=True)


def _image(spec) -> Image:
    title = f"Aspa 2030 demo: {spec['name']}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    from PIL import Image as PILImage
    from PIL import ImageDraw

    picture = PILImage.new("RGB", (960, 540), spec["background"])
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 380, 960, 540), fill="#d9d2c5")  # counter
    for x, colour in spec["people"]:
        draw.ellipse((x - 55, 120, x + 55, 230), fill="#8d5524" if colour == "b" else "#f1c27d")
        draw.rounded_rectangle((x - 90, 240, x + 90, 480), radius=40, fill=spec["clothes"])
    for i, bubble in enumerate(spec.get("bubbles", [])):
        x = 180 + i * 380
        draw.rounded_rectangle((x, 20, x + 300, 100), radius=30, fill="#ffffff")
        draw.text((x + 30, 48), bubble, fill="#1a1a1a")
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG")
    image = Image(title=title, description=spec["description"])
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"{spec['name']}.png")
    image.save()
    return image


def _document(spec) -> Document:
    title = f"Aspa 2030: {spec['name']}"
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title)
    document.file = ContentFile(spec["text"].encode("utf-8"), name=f"{spec['name']}.txt")
    document.save()
    return document


def _catalogue(home: HomePage) -> CourseIndexPage:
    index = CourseIndexPage.objects.child_of(home).first()
    if index is None:
        c = Collector()
        index = CourseIndexPage(
            title=c.t(CATALOGUE["title"]),
            slug=CATALOGUE["slug"][0],
            intro=c.rich(CATALOGUE["intro"]),
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        c.triples.append(CATALOGUE["slug"])
        _translate(index, c.triples)
    return index


def _module(index: CourseIndexPage, spec: dict, stdout) -> CoursePage:
    existing = CoursePage.objects.child_of(index).filter(slug=spec["slug"][0]).first()
    if existing is not None:
        return existing
    c = Collector()
    assets = {"image": _image(spec["image"]), "document": _document(spec["document"])}
    module = CoursePage(
        title=c.t(spec["title"]),
        slug=spec["slug"][0],
        summary=c.t(spec["summary"]),
        estimated_minutes=spec["minutes"],
        validity_months=spec["validity_months"],
        image=assets["image"],
        image_alt=c.t(spec["image"]["alt"]),
    )
    module.objectives = [CourseObjective(text=c.t(o)) for o in spec["objectives"]]
    index.add_child(instance=module)
    module.tags.add(*spec["tags"])
    module.save_revision().publish()
    c.triples.append(spec["slug"])
    _translate(module, c.triples)
    for lesson_spec in spec["lessons"]:
        lc = Collector()
        lesson = LessonPage(
            title=lc.t(lesson_spec["title"]),
            slug=lesson_spec["slug"][0],
            body=_body(lesson_spec["body"], lc, assets),
        )
        module.add_child(instance=lesson)
        lesson.save_revision().publish()
        lc.triples.append(lesson_spec["slug"])
        _translate(lesson, lc.triples)
    if stdout:
        stdout.write(f"module: {spec['title'][0]} (fi, sv, en; {len(spec['lessons'])} lessons)")
    return module


# --- requirements and progress -------------------------------------------------------------


def _requirements(modules: dict[str, CoursePage]) -> None:
    roles = list(Role.objects.filter(code__in=SERVING_ROLES))
    for key in ("kohtaamisosaaminen", "yhdenvertaisuus", "selkea-kieli"):
        module = modules[key]
        if not Requirement.objects.filter(module_key=module.translation_key).exists():
            requirement = Requirement.objects.create(module=module, due_days=90)
            requirement.roles.set(roles)
    for key, (division_codes, days) in DIVISION_REQUIREMENTS.items():
        module = modules[key]
        if not Requirement.objects.filter(module_key=module.translation_key).exists():
            requirement = Requirement.objects.create(module=module, due_days=days)
            requirement.divisions.set(Division.objects.filter(code__in=division_codes))
            # A campaign with a fixed date at one library, so "due soon" shows too.
            point = ServicePoint.objects.filter(code=FIXED_DATE_POINT).first()
            if key == "kotoutumispalvelut" and point is not None:
                due = timezone.localdate() + datetime.timedelta(days=21)
                campaign = Requirement.objects.create(module=module, due_date=due)
                campaign.service_points.set([point])


def _module_in_moderation(index: CourseIndexPage, stdout) -> None:
    """A new module drafted by the demo editor and waiting for the moderator's approval in
    Wagtail's "Moderators approval" workflow."""
    spec = IN_MODERATION
    if CoursePage.objects.child_of(index).filter(slug=spec["slug"]).exists():
        return
    editor = get_user_model().objects.filter(username="toimittaja").first()
    module = CoursePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        estimated_minutes=20,
        live=False,
        owner=editor,
    )
    index.add_child(instance=module)
    lesson = LessonPage(
        title=spec["lesson_title"],
        slug=spec["lesson_slug"],
        body=[("text", spec["lesson_text"])],
        live=False,
        owner=editor,
    )
    module.add_child(instance=lesson)
    lesson.save_revision(user=editor)
    module.save_revision(user=editor)
    workflow = module.get_workflow()
    if workflow is not None and editor is not None:
        workflow.start(module, editor)
        if stdout:
            stdout.write(f"module in moderation: {spec['title']} (approve it as moderaattori)")


def _progress(modules: dict[str, CoursePage], stdout) -> None:
    """Deterministic, varied progress: about half have completed module 1, fewer the
    later ones; some are part-way; the rest have not started. Written in bulk (these are
    records of the past, not completions happening now)."""
    rng = random.Random(SEED)
    now = timezone.now()
    lesson_keys = {
        key: list(
            LessonPage.objects.live()
            .child_of(page)
            .order_by("path")
            .values_list("translation_key", flat=True)
        )
        for key, page in modules.items()
    }
    # Idempotent: a module that already has learning records gets no demo progress.
    seeded = set(
        ModuleCycle.objects.filter(
            module_key__in=[m.translation_key for m in modules.values()]
        ).values_list("module_key", flat=True)
    )
    modules = {k: m for k, m in modules.items() if m.translation_key not in seeded}
    if not modules:
        return
    completion_share = {
        "kohtaamisosaaminen": 0.55,
        "yhdenvertaisuus": 0.4,
        "selkea-kieli": 0.3,
        "tulkkaus": 0.25,
        "kotoutumispalvelut": 0.15,
    }
    staff = list(StaffMember.objects.filter(active=True).order_by("employee_id"))
    cycles, progress_for = [], []
    for person in staff:
        for key, module in modules.items():
            roll = rng.random()
            lessons = lesson_keys[key]
            if person.user.username == "oppija":
                roll = {"kohtaamisosaaminen": 0.0, "yhdenvertaisuus": 0.99}.get(key, 2.0)
            if roll < completion_share[key]:
                days_ago = rng.randint(5, 400)
                completed_at = now - datetime.timedelta(days=days_ago, hours=rng.randint(0, 8))
                months = module.validity_months
                expires = add_months(timezone.localdate(completed_at), months) if months else None
                cycle = ModuleCycle(
                    staff=person,
                    module_key=module.translation_key,
                    started_at=completed_at - datetime.timedelta(days=rng.randint(0, 20)),
                    completed_at=completed_at,
                    expires_on=expires,
                )
                cycles.append(cycle)
                progress_for.append((cycle, lessons, completed_at))
            elif roll < completion_share[key] + 0.2 or roll == 0.99:
                started_at = now - datetime.timedelta(days=rng.randint(1, 60))
                cycle = ModuleCycle(
                    staff=person, module_key=module.translation_key, started_at=started_at
                )
                cycles.append(cycle)
                done = lessons[: max(1, len(lessons) - 1 - rng.randint(0, 1))]
                progress_for.append((cycle, done, started_at))
    with transaction.atomic():
        ModuleCycle.objects.bulk_create(cycles, batch_size=500)
        saved = {
            (c.staff_id, c.module_key): c
            for c in ModuleCycle.objects.filter(
                module_key__in=[m.translation_key for m in modules.values()], number=1
            )
        }
        rows = []
        for cycle, keys, at in progress_for:
            stored = saved[(cycle.staff_id, cycle.module_key)]
            rows.extend(LessonProgress(cycle=stored, lesson_key=k, completed_at=at) for k in keys)
        LessonProgress.objects.bulk_create(rows, batch_size=1000, ignore_conflicts=True)
    if stdout:
        stdout.write(f"progress: {len(cycles)} module cycles for {len(staff)} staff")


def seed(stdout=None) -> dict[str, CoursePage]:
    """Create the demo modules, their requirements and the staff's progress."""
    home = HomePage.objects.get(locale__language_code=settings.LANGUAGE_CODE)
    # No surrounding transaction: wagtail-localize publishes each translation when its own
    # transaction commits, and a translated parent must be published before its children
    # are added (otherwise the parent's stale revision would be published last).
    index = _catalogue(home)
    modules = {spec["key"]: _module(index, spec, stdout) for spec in MODULES}
    with transaction.atomic():
        _requirements(modules)
    _module_in_moderation(index, stdout)
    _progress(modules, stdout)
    return modules
