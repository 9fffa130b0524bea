from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page


class HomePage(Page):
    """The site root in each language: a landing page for visitors and the learner's
    "My learning" dashboard once they have logged in."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_template(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            return "courses/dashboard.html"
        return "home/landing.html"

    def get_context(self, request, *args, **kwargs):
        from courses.dashboard import dashboard_context

        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            context.update(dashboard_context(request.user, self))
        return context
