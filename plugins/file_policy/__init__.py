"""file_policy: which files a site may publish besides its pages, and from where.

A site publishes pictures (rewritten by responsive_images) and PDF documents (published without
their author and editing details); any other kind of file, a file whose name starts with a dot
(.htaccess, .well-known/...), a name that would need escaping in a page, and any symbolic link are
check errors, and the build never publishes them. The national site may be given more kinds
(FILE_POLICY_MAIN_SUFFIXES). Every address put into a page for a file is escaped where it is
written, and each page written is looked at for a file link Pelican could not turn into an address.
"""

from .register import register

__all__ = ["register"]
