"""The site's URLs plus a bare page (`/<lang>/bare/`: the site's `base.html`, nothing
else), the floor the learner-page benchmark measures every page against."""

from django.conf.urls.i18n import i18n_patterns
from django.template.response import TemplateResponse
from django.urls import path

from learning.urls import urlpatterns as site_urlpatterns


def bare(request):
    return TemplateResponse(request, "base.html", {})


urlpatterns = i18n_patterns(path("bare/", bare), prefix_default_language=True)
urlpatterns += site_urlpatterns
