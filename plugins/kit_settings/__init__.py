"""kit_settings: every kit setting's default, type, check and help, filled in and checked in one place.

Not a Pelican plugin of its own: each kit plugin declares the settings it owns in its ``config.py``
(``SETTINGS``, ``RENAMED``); build_pipeline fills them in and checks them when a build starts.
``settings_reference`` writes docs/settings.md from those declarations.
"""
