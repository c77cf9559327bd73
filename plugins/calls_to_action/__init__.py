"""calls_to_action: Join, Donate, Volunteer and the newsletter sign-up, handed to the party's own providers.

Each is a setting (a branch.yaml may give its own `volunteer:` and `newsletter:`); the theme shows
them in every page's header and footer and, through the `next_step` macro
(components/calls_to_action.html), on the pages where a reader decides. Their addresses must be https
on an official domain (`make check` says where one is not), they are listed on the official-channels
page and in the privacy notice, and the newsletter form's host is the only other one the server
configurations' Content-Security-Policy lets a form post to.
"""

from .register import register

__all__ = ["register"]
