"""Connect the browser editor's writer (to come: the admin pages and the CMS configuration)."""


def register():
    pass
