"""StreamField blocks for lessons.

Each block renders semantic HTML that works without JavaScript (see
`courses/templates/courses/blocks/`). Text that people read is in CharBlock / TextBlock /
RichTextBlock so wagtail-localize offers it for translation. Accessibility is enforced at
authoring time: an image needs its alt text, a video needs its transcript.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
CALLOUT_TEXT_FEATURES = ["bold", "italic", "ul", "link"]

# Languages offered on phrase cards: the official languages and the languages most spoken
# by residents whose first language is something else. Labels are in the UI language; the
# phrase itself gets a `lang` attribute so screen readers pronounce it right.
PHRASE_LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
    ("se", _("Northern Sami")),
    ("ru", _("Russian")),
    ("et", _("Estonian")),
    ("ar", _("Arabic")),
    ("so", _("Somali")),
    ("uk", _("Ukrainian")),
    ("fa", _("Persian")),
    ("ku", _("Kurdish")),
    ("zh", _("Chinese")),
    ("es", _("Spanish")),
    ("fr", _("French")),
    ("tr", _("Turkish")),
    ("vi", _("Vietnamese")),
    ("sq", _("Albanian")),
    ("th", _("Thai")),
]
RTL_LANGUAGES = {"ar", "fa", "ku"}


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=120)

    class Meta:
        icon = "title"
        template = "courses/blocks/heading.html"
        label = _("Heading")
        description = _("A section heading inside the lesson.")
        preview_value = {"text": "Kohtaaminen asiakaspalvelussa"}


class TextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "courses/blocks/text.html"
        label = _("Text")
        description = _("Paragraphs, lists and links.")
        preview_value = (
            "<p>Hyvä kohtaaminen alkaa tervehdyksestä ja siitä, että asiakas tulee kuulluksi.</p>"
        )


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alt text"),
        max_length=255,
        required=True,
        help_text=_("What the image shows, for people who cannot see it. Required."),
    )
    caption = blocks.CharBlock(label=_("caption"), max_length=255, required=False)

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"
        label = _("Image")
        description = _("An image with its alt text and an optional caption.")
        preview_value = {
            "image": None,
            "alt_text": "Asiakaspalvelija ja asiakas palvelutiskillä",
            "caption": "Palvelutilanne",
        }


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=200)
    url = blocks.URLBlock(
        label=_("video address"),
        help_text=_("A YouTube or Vimeo address, or a link to a video file."),
    )
    transcript = blocks.TextBlock(
        label=_("transcript"),
        required=True,
        help_text=_("Everything said and shown in the video, as text. Required."),
    )

    class Meta:
        icon = "media"
        template = "courses/blocks/video.html"
        label = _("Video")
        description = _("An embedded video with its transcript.")
        preview_value = {
            "title": "Tervehdys monella kielellä",
            "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
            "transcript": (
                "Asiakaspalvelija tervehtii asiakasta ja kysyy, millä kielellä hän haluaa asioida."
            ),
        }


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("kind"),
        choices=[("tip", _("Tip")), ("important", _("Important"))],
        default="tip",
    )
    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("text"), features=CALLOUT_TEXT_FEATURES)

    class Meta:
        icon = "warning"
        template = "courses/blocks/callout.html"
        label = _("Callout")
        description = _("A tip or an important note that stands out from the text.")
        preview_value = {
            "kind": "tip",
            "title": "Vinkki",
            "text": "<p>Kysy asiakkaalta, millä kielellä hän haluaa asioida.</p>",
        }


class ScenarioResponseBlock(blocks.StructBlock):
    response = blocks.CharBlock(label=_("response"), max_length=300)
    works = blocks.BooleanBlock(label=_("this response works well"), required=False)
    feedback = blocks.TextBlock(label=_("feedback: why it works or not"))


class EncounterScenarioBlock(blocks.StructBlock):
    situation = blocks.TextBlock(label=_("situation"))
    question = blocks.CharBlock(label=_("question"), max_length=300)
    responses = blocks.ListBlock(
        ScenarioResponseBlock(), label=_("responses"), min_num=2, max_num=4
    )

    class Meta:
        icon = "group"
        template = "courses/blocks/encounter_scenario.html"
        label = _("Encounter scenario")
        description = _(
            "A realistic customer situation with 2-4 possible responses and feedback on each. "
            "Practice, not graded."
        )
        preview_value = {
            "situation": "Asiakas tulee tiskille ja sanoo englanniksi, ettei puhu suomea.",
            "question": "Mitä teet?",
            "responses": [
                {
                    "response": "Jatkan suomeksi mutta hitaammin.",
                    "works": False,
                    "feedback": "Asiakas ei ymmärrä, vaikka puhuisit hitaasti.",
                },
                {
                    "response": "Kysyn, sopiiko englanti tai tarvitaanko tulkki.",
                    "works": True,
                    "feedback": "Asiakas saa valita kielen, ja asia hoituu.",
                },
            ],
        }


class PlainLanguageRewriteBlock(blocks.StructBlock):
    original = blocks.TextBlock(label=_("bureaucratic version"))
    rewrite = blocks.TextBlock(label=_("clear-language version"))
    note = blocks.CharBlock(label=_("what changed"), max_length=300, required=False)

    class Meta:
        icon = "edit"
        template = "courses/blocks/plain_language_rewrite.html"
        label = _("Plain-language rewrite")
        description = _("A bureaucratic sentence and its clear-language version side by side.")
        preview_value = {
            "original": "Hakemuksen käsittely edellyttää liitteiden toimittamista.",
            "rewrite": "Lähetä liitteet, niin voimme käsitellä hakemuksesi.",
            "note": "Puhuttele lukijaa ja käytä verbejä.",
        }


class PhraseBlock(blocks.StructBlock):
    language = blocks.ChoiceBlock(label=_("language"), choices=PHRASE_LANGUAGES)
    text = blocks.CharBlock(label=_("phrase"), max_length=300)
    pronunciation = blocks.CharBlock(label=_("pronunciation"), max_length=300, required=False)


class PhraseCardBlock(blocks.StructBlock):
    meaning = blocks.CharBlock(
        label=_("meaning"), max_length=200, help_text=_("What the phrase says, in this language.")
    )
    phrases = blocks.ListBlock(PhraseBlock(), label=_("phrases"), min_num=1)

    class Meta:
        icon = "openquote"
        template = "courses/blocks/phrase_card.html"
        label = _("Phrase card")
        description = _("One useful phrase in several languages.")
        preview_value = {
            "meaning": "Haen meille tulkin.",
            "phrases": [
                {"language": "fi", "text": "Haen meille tulkin.", "pronunciation": ""},
                {"language": "en", "text": "I will get an interpreter for us."},
            ],
        }


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    title = blocks.CharBlock(
        label=_("link text"),
        max_length=200,
        required=False,
        help_text=_("Empty: the document's title."),
    )
    description = blocks.CharBlock(label=_("description"), max_length=300, required=False)

    class Meta:
        icon = "doc-full"
        template = "courses/blocks/document_download.html"
        label = _("Document download")
        description = _("A link to download a document, with its type and size.")
        preview_value = {"document": None, "title": "Muistilista", "description": ""}


class KeyTakeawaysBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("title"), max_length=120, required=False)
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), label=_("takeaways"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "courses/blocks/key_takeaways.html"
        label = _("Key takeaways")
        description = _("The few things to remember from the lesson.")
        preview_value = {
            "title": "Muista",
            "items": ["Tervehdi ja katso asiakasta.", "Kysy kieli.", "Varmista ymmärrys."],
        }


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    text = TextBlock()
    image = ImageBlock()
    video = VideoBlock()
    callout = CalloutBlock()
    encounter_scenario = EncounterScenarioBlock()
    plain_language_rewrite = PlainLanguageRewriteBlock()
    phrase_card = PhraseCardBlock()
    document = DocumentDownloadBlock()
    key_takeaways = KeyTakeawaysBlock()
