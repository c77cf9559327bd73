"""Connect the imprint's check, its template function and its feed receiver."""

from jinja2 import pass_context
from pelican import signals

from editor_checks import check_site
from interface_language import template_translations

from .checks import check_national_imprint
from .feeds import feed_imprints
from .promoters import content_imprint

# What Pelican's and the kit's templates call the one piece of content they show.
CONTENT_NAMES = ("article", "page", "event")


def add_template_function(generator) -> None:
    """``imprint()`` in every template: the imprint sentence of the post, page or event the
    template shows (``article``, ``page``, ``event``: its own, else its site's), else its site's."""
    settings = generator.settings

    @pass_context
    def imprint(context) -> str:
        content = next((context[name] for name in CONTENT_NAMES if context.get(name) is not None), None)
        metadata = getattr(content, "metadata", None)
        if metadata is None and content is not None and getattr(content, "promoter", None) is not None:
            metadata = {"promoter": content.promoter}
        found = content_imprint(settings, metadata)
        return found.sentence(template_translations(settings, context)) if found else ""

    generator.env.globals["imprint"] = imprint


def register():
    check_site.connect(check_national_imprint)
    signals.generator_init.connect(add_template_function)
    signals.feed_generated.connect(feed_imprints)
