import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StructBlockValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from courses import blocks
from courses.blocks import LessonStreamBlock

pytestmark = pytest.mark.django_db


def every_block():
    return LessonStreamBlock().child_blocks.items()


@pytest.mark.parametrize("name", [name for name, _block in every_block()])
def test_every_block_has_meta(name):
    block = LessonStreamBlock().child_blocks[name]
    meta = block.meta
    assert meta.icon and meta.template and meta.label and meta.description
    assert meta.preview_value is not None


@pytest.mark.parametrize("name", [name for name, _block in every_block()])
def test_every_block_renders_its_preview_value(name):
    block = LessonStreamBlock().child_blocks[name]
    value = block.to_python(block.get_prep_value(block.normalize(block.meta.preview_value)))
    html = block.render(value)
    assert html.strip()
    assert "<script" not in html


def test_image_renders_with_alt_text():
    image = Image.objects.create(title="Kuva", file=get_test_image_file())
    block = blocks.ImageBlock()
    value = block.to_python(
        {"image": image.pk, "alt_text": "Kaksi ihmistä", "caption": "Kuvateksti"}
    )
    html = block.render(value)
    assert 'alt="Kaksi ihmistä"' in html
    assert "<figcaption>Kuvateksti</figcaption>" in html


def test_image_alt_text_is_required():
    image = Image.objects.create(title="Kuva", file=get_test_image_file())
    block = blocks.ImageBlock()
    with pytest.raises((StructBlockValidationError, ValidationError)) as error:
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "caption": ""}))
    assert "alt_text" in error.value.block_errors


def test_video_transcript_is_required():
    block = blocks.VideoBlock()
    value = block.to_python({"title": "Video", "url": "https://youtu.be/abc123", "transcript": ""})
    with pytest.raises((StructBlockValidationError, ValidationError)) as error:
        block.clean(value)
    assert "transcript" in error.value.block_errors


def test_video_embeds_without_network_and_shows_transcript():
    block = blocks.VideoBlock()
    value = block.to_python(
        {"title": "Video", "url": "https://www.youtube.com/watch?v=abc123", "transcript": "Teksti"}
    )
    html = block.render(value)
    assert 'src="https://www.youtube-nocookie.com/embed/abc123"' in html
    assert 'title="Video"' in html
    assert "<details" in html and "Teksti" in html


def test_scenario_gives_feedback_per_response_without_javascript():
    block = blocks.EncounterScenarioBlock()
    html = block.render(block.to_python(block.meta.preview_value))
    assert html.count("<details>") == 2
    assert html.count("<summary>") == 2
    assert "Asiakas saa valita kielen" in html


def test_scenario_needs_two_to_four_responses():
    block = blocks.EncounterScenarioBlock()
    value = dict(block.meta.preview_value)
    value["responses"] = value["responses"][:1]
    with pytest.raises((StructBlockValidationError, ValidationError)):
        block.clean(block.to_python(value))


def test_phrase_card_marks_each_phrase_language():
    block = blocks.PhraseCardBlock()
    value = block.to_python(
        {
            "meaning": "Haen tulkin.",
            "phrases": [
                {"language": "ar", "text": "سأحضر مترجمًا", "pronunciation": ""},
                {"language": "sv", "text": "Jag hämtar en tolk.", "pronunciation": ""},
            ],
        }
    )
    html = block.render(value)
    assert 'lang="ar" dir="rtl"' in html
    assert 'lang="sv"' in html


def test_document_download_shows_type():
    from django.core.files.base import ContentFile

    document = Document.objects.create(
        title="Muistilista", file=ContentFile(b"x" * 10, "lista.pdf")
    )
    block = blocks.DocumentDownloadBlock()
    html = block.render(block.to_python({"document": document.pk, "title": "", "description": ""}))
    assert "Muistilista" in html and "PDF" in html


def test_lesson_page_renders_every_block(learner_client, tree):
    stream = LessonStreamBlock()
    lesson = tree.lessons[0]
    lesson.body = [
        (name, block.to_python(block.get_prep_value(block.normalize(block.meta.preview_value))))
        for name, block in stream.child_blocks.items()
    ]
    lesson.save_revision().publish()
    response = learner_client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    for css_class in ("scenario", "rewrite", "phrase-card", "takeaways", "callout", "lesson-video"):
        assert f'class="{css_class}' in html
