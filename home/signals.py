"""Cached page data (`home.site_roots`, `home.page_links`, the header's catalogue link) is
dropped when it changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import CourseIndexPage
from home import context_processors, page_links, site_roots
from home.models import HomePage


@receiver(page_published, sender=HomePage)
@receiver(page_unpublished, sender=HomePage)
@receiver(post_delete, sender=HomePage)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_site_roots(sender, **kwargs):
    site_roots.forget()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_page_links(sender, instance, **kwargs):
    page_links.forget([instance])
    if isinstance(instance, CourseIndexPage):
        context_processors.forget_catalogue_urls()


@receiver(post_delete)
def forget_deleted_page_links(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_links.forget([instance])
    if isinstance(instance, CourseIndexPage):
        context_processors.forget_catalogue_urls()
