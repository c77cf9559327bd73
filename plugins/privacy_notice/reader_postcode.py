"""Every place a reader's postcode goes, for the privacy notice: the one thing the kit's pages can
keep on a reader's device (only when they ask), and the addresses that carry the postcode or its area.

The theme's scripts decide it: reader-postcode.js keeps it only while "Remember my postcode on this
device" is ticked; branch-finder.js looks it up in the browser and puts it in the page's address;
events-filter.js and home-events.js ask for the file of its postcode area (near-events.js). A
change to what they do is a change here: the browser tests of the finder (test_branch_directory.py)
and of the events lists (test_events_listing.py) hold the scripts to what this says.
"""

from __future__ import annotations

from dataclasses import dataclass

from interface_language import ENGLISH

EXAMPLE_POSTCODE = "S1 2EW"
EXAMPLE_AREA = "S"  # its postcode area: the letters it starts with


@dataclass(frozen=True)
class PostcodeUse:
    """One place the reader's postcode goes, and what happens to it there."""

    where: str  # in plain words: "The branch finder"
    url: str | None  # the page, if it is one
    what: str  # what it does with the postcode, and what anyone else can learn of it


def postcode_uses(settings: dict, words=ENGLISH) -> list[PostcodeUse]:
    """The reader's device first, then each page that uses the postcode (on the main site: a
    branch's own pages use none), in the language of ``words`` (interface_language's translations)."""
    main = settings.get("MAIN_SITEURL")
    main = (settings["SITEURL"] if main is None else main).rstrip("/")  # "": a preview's root-relative addresses
    finder = f"{main}/{settings['BRANCH_DIRECTORY_URL']}"
    area_file = f"{main}/{settings['HOME_NEAR_EVENTS_SAVE_AS'].format(area=EXAMPLE_AREA)}"
    return [
        PostcodeUse(
            words.gettext("On your device, only if you ask"),
            None,
            words.gettext(
                "Beside the postcode box of the branch finder and of the events lists is a box “Remember my "
                "postcode on this device”, unticked until you tick it. Ticked, your browser keeps the postcode "
                "you look up in its local storage, so that the branch finder, the events lists "
                "and the home page can show what is near you without asking again. Untick the box (or press "
                "“Forget my postcode” on the home page) and your browser removes it. Unticked, nothing is kept."
            ),
        ),
        PostcodeUse(
            words.gettext("The branch finder"),
            finder,
            words.gettext(
                "It finds your branch in your browser, in the list of every branch that the website sends to "
                "everyone alike. It puts the postcode in the page's address (…?postcode=S1+2EW), so that the "
                "back button and a shared link work: like any address you visit, it is then in your browser's "
                "history, and in the server's log if the page is loaded with it (reloaded, or opened from a link)."
            ),
        ),
        PostcodeUse(
            words.gettext("The events lists and the home page"),
            f"{main}/{settings['EVENTS_URL']}",
            words.gettext(
                "To show the events of the branches near you, on every page of a list, your browser asks the "
                "website for the file of your postcode's area (for %(postcode)s, %(file)s). The "
                "server's log then holds that area (%(area)s), never the rest of your postcode. The home "
                "page asks for it only when your browser keeps your postcode."
            )
            % {"postcode": EXAMPLE_POSTCODE, "file": area_file, "area": EXAMPLE_AREA},
        ),
    ]
