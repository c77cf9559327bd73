"""Connect the actions' check, their template function and their places in the privacy notice."""

from pelican import signals

from editor_checks import check_site

from .actions import collection_points, site_actions, template_functions
from .checks import check_action_hosts


def add_template_function(generator) -> None:
    """``calls_to_action(branch=None)`` and ``next_steps(branch=None)`` in every template
    (actions.template_functions)."""
    generator.env.globals.update(template_functions(generator.settings))


def add_collection_points(pelican) -> None:
    """This site's actions among PRIVACY_COLLECTION_POINTS, after the places the party lists itself.

    A branch's settings are a copy of the party's, made after this ran for the party's site: the
    party's own action places are taken out and this site's put in (a branch with its own newsletter
    does not list the party's form, which its pages do not show)."""
    settings = pelican.settings
    made_for_party = collection_points(settings, site_actions(settings, None))
    listed = [point for point in settings["PRIVACY_COLLECTION_POINTS"] if point not in made_for_party]
    addresses = {point["url"] for point in listed}
    own = collection_points(settings, site_actions(settings, settings.get("BRANCH")))
    settings["PRIVACY_COLLECTION_POINTS"] = listed + [point for point in own if point["url"] not in addresses]


def register():
    check_site.connect(check_action_hosts)
    signals.initialized.connect(add_collection_points)
    signals.generator_init.connect(add_template_function)
