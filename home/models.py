from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home import site_roots
from learning.pages import ServedPageMixin


def _routes_by_default(page: Page) -> bool:
    cls = page.specific_class
    return cls is not None and cls.route is Page.route and hasattr(cls, "served_related")


class HomePage(ServedPageMixin, Page):
    """The site root in each language: a landing page for visitors and the learner's
    "My learning" dashboard once they have logged in."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        """The live home page in the active language. A root read from the site cache
        (`home.site_roots`) carries its translations: no query."""
        known = getattr(self, "translations_by_language", None)
        if known is not None:
            page = known.get(translation.get_language())
            if page is not None:
                return page
        return super().localized

    def route(self, request, path_components):
        """Find the page for a URL below this root in one query by its stored `url_path`
        (Wagtail's walk costs two queries per level), then load its specific page.

        The same answer as Wagtail's walk: a live page reached through its ancestors'
        slugs, else 404. A path through a page that routes by itself (a routable page) is
        left to that walk."""
        site_roots.remember(request)
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[: n + 1]) + "/"
            for n in range(len(path_components))
        ]
        chain = list(
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path).order_by("depth")
        )
        if len(chain) != len(prefixes) or not all(map(_routes_by_default, chain)):
            return super().route(request, path_components)
        parent = self
        for page in chain:
            page._cached_parent_obj = parent
            parent = page
        target_class = chain[-1].specific_class
        target = target_class.objects.select_related(*target_class.served_related).get(
            pk=chain[-1].pk
        )
        target._cached_parent_obj = chain[-2] if len(chain) > 1 else self
        return target.route(request, [])

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
