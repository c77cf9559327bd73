"""responsive_images: pictures that are light, responsive and carry nothing but their pixels.

Every picture a page uses (its front matter `image`, pictures in its text, links to picture files)
is checked before the build, then published without any metadata (GPS position, camera serial
number ...), turned the right way up, at several widths in its own format and WebP, with srcset,
sizes, width and height in the HTML. Pelican never copies a picture file as it is. Every page gets
Open Graph and Twitter card tags; a page with no picture gets a share card drawn for it.
docs/images.md is the editors' guide.
"""

from .register import register

__all__ = ["register"]
