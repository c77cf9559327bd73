"""responsive_images: pictures published without metadata, the right way up, at the right widths;
the cache; every kind of bad picture reported with file and line; link previews and share cards."""

from __future__ import annotations

import io
import itertools
import re
import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageCms

from content_schema import ContentProblems
from editor_checks.run import check_project
from kit_testing import (
    ALPHA_IMPRINT,
    KIT_SITE,
    NATIONAL_IMPRINT,
    broken_links,
    build,
    copy_fixture,
    project_settings,
    tree_digest,
)
from responsive_images.config import ImageSettingsError, image_settings
from responsive_images.pipeline import variant_widths

SERIAL = "SN-0042-SECRET"
PHOTOGRAPHER = "Jane Activist"
GPS_LATITUDE = (53.0, 22.0, 51.96)  # Sheffield
SECRETS = [SERIAL.encode(), PHOTOGRAPHER.encode(), b"Pixelphone", b"GPS", b"2026:09:12", b"xmpmeta", b"Taken by"]


def phone_exif(orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Pixelphone"  # Make
    exif[0x0110] = "PX-7"  # Model
    exif[0x013B] = PHOTOGRAPHER  # Artist
    exif[0x0112] = orientation
    exif.get_ifd(0x8769)[0xA431] = SERIAL  # BodySerialNumber
    exif.get_ifd(0x8769)[0x9003] = "2026:09:12 14:03:27"  # DateTimeOriginal
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2], gps[3], gps[4] = "N", GPS_LATITUDE, "W", (1.0, 28.0, 12.36)
    return exif.tobytes()


XMP = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{PHOTOGRAPHER}</dc:creator></x:xmpmeta>'.encode()


def with_iptc(jpeg: bytes) -> bytes:
    """Add a Photoshop APP13 segment holding an IPTC by-line, as photo desks do."""
    record = b"\x1c\x02\x50" + struct.pack(">H", len(PHOTOGRAPHER)) + PHOTOGRAPHER.encode()
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record + b"\x00" * (len(record) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


SRGB_PROFILE = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def phone_jpeg(size=(1700, 60), colour=(200, 30, 30), orientation=1, image=None) -> bytes:
    """A JPEG as a phone writes it: EXIF with GPS, serial number and photographer, XMP, IPTC, a comment,
    a colour profile."""
    image = image or Image.new("RGB", size, colour)
    out = io.BytesIO()
    image.save(
        out,
        "JPEG",
        quality=90,
        exif=phone_exif(orientation),
        xmp=XMP,
        comment=b"Taken by Jane",
        icc_profile=SRGB_PROFILE,
    )
    return with_iptc(out.getvalue())


def phone_png(size=(300, 40)) -> bytes:
    from PIL import PngImagePlugin

    info = PngImagePlugin.PngInfo()
    info.add_text("Author", PHOTOGRAPHER)
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    out = io.BytesIO()
    Image.new("RGB", size, (20, 90, 40)).save(out, "PNG", pnginfo=info, exif=phone_exif())
    return out.getvalue()


def news(title: str, body: str = "Text.", **front) -> str:
    lines = [f"title: {title}", "date: 2026-03-01 10:00", *(f"{k}: {v}" for k, v in front.items())]
    return "---\n" + "\n".join(lines) + "\n---\n" + body + "\n"


def write(project: Path, files: dict) -> Path:
    for rel, data in files.items():
        path = project / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return project


def pictured_project(path: Path) -> Path:
    """The two-branch fixture with pictures: front matter, in the text, linked, in a branch, unused."""
    project = copy_fixture("two_branches", path)
    return write(
        project,
        {
            "content/images/wide.jpg": phone_jpeg((1700, 60)),
            "content/images/small.jpg": phone_jpeg((700, 350), (30, 30, 200)),
            "content/images/turned.jpg": phone_jpeg(image=_turned_test_image(), orientation=6),
            "content/images/poster.png": phone_png(),
            "content/images/unused.jpg": phone_jpeg((100, 50)),
            "content/news/2026-03-01-pictures.md": news(
                "Pictures",
                "First words.\n\n![A small blue square](images/small.jpg)\n\n"
                "Then ![The turned picture](../images/turned.jpg) and "
                "![A poster]({static}/images/poster.png).\n\n"
                "The [poster at full size]({static}/images/poster.png).\n",
                image="images/wide.jpg",
                image_alt="A wide red band",
            ),
            "content/news/2026-03-02-text-only.md": news(
                "Only words", "Some words.\n\n![A small blue square](images/small.jpg)\n"
            ),
            "content/pages/decorated.md": "---\ntitle: Decorated\nimage: images/small.jpg\n"
            "image_decorative: true\n---\nWords.\n",
            "branches/alpha/images/branch-photo.jpg": phone_jpeg((1000, 40), (200, 200, 30)),
            "branches/alpha/news/2026-03-03-branch-photo.md": news(
                "Branch photo", image="images/branch-photo.jpg", image_alt="A yellow band"
            ),
        },
    )


def _turned_test_image() -> Image.Image:
    """Stored 40 wide and 80 high, red on top; EXIF orientation 6 says: turn it a quarter clockwise."""
    image = Image.new("RGB", (40, 80), (0, 0, 255))
    image.paste((255, 0, 0), (0, 0, 40, 40))
    return image


@pytest.fixture(scope="module")
def pictured(tmp_path_factory):
    """The pictured project built once (SOURCE_DATE_EPOCH fixed); tests must not change it."""
    project = pictured_project(tmp_path_factory.mktemp("pictured") / "project")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        output = build(project)
    return project, output


def published_pictures(output: Path) -> list[Path]:
    return sorted(p for p in output.rglob("*") if p.suffix in (".jpg", ".jpeg", ".png", ".webp"))


# ---- metadata, orientation ---------------------------------------------------------


def test_no_published_picture_carries_any_metadata(pictured):
    _, output = pictured
    files = published_pictures(output)
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, (path, secret)
        with Image.open(path) as image:
            image.load()
            assert not image.getexif(), path
            leaked = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "icc_profile", "Author"}
            assert leaked.isdisjoint(image.info), (path, image.info.keys())
            if image.format == "JPEG":
                assert not image.applist or all(marker == "APP0" for marker, _ in image.applist), path


def test_originals_are_never_copied_and_unused_pictures_not_published(pictured):
    project, output = pictured
    originals = {p.read_bytes() for folder in ("content", "branches") for p in (project / folder).rglob("images/*")}
    assert len(originals) == 6
    assert all(p.read_bytes() not in originals for p in published_pictures(output))
    assert not (output / "images/unused.jpg").exists()
    # the stripped full-size copy takes the original's place, so links to it keep working
    assert (output / "images/wide.jpg").is_file()
    assert 'href="/images/poster.png"' in (output / "news/2026/pictures/index.html").read_text()


def test_orientation_is_applied_to_the_pixels(pictured):
    _, output = pictured
    for name in ("images/turned.jpg", "images/turned-80w.jpg", "images/turned-80w.webp"):
        with Image.open(output / name) as image:
            assert image.size == (80, 40), name  # 40 by 80, turned a quarter
            right, left = image.convert("RGB").getpixel((70, 20)), image.convert("RGB").getpixel((10, 20))
            assert right[0] > 200 and right[2] < 60, name  # red, which was at the top, is now on the right
            assert left[2] > 200 and left[0] < 60, name


def test_colour_profiles_are_applied_then_dropped():
    from responsive_images.pipeline import clean_pixels

    image = Image.new("RGB", (4, 4), (200, 30, 30))
    image.info["icc_profile"] = SRGB_PROFILE
    clean = clean_pixels(image)
    assert clean.info == {} and all(abs(a - b) <= 2 for a, b in zip(clean.getpixel((0, 0)), (200, 30, 30), strict=True))
    image.info["icc_profile"] = b"not a profile"  # a broken profile is ignored, as browsers do
    assert clean_pixels(image).getpixel((0, 0)) == (200, 30, 30)


# ---- widths, srcset, sizes, lazy loading -------------------------------------------


def test_variant_widths_never_upscale():
    assert variant_widths(4000, (480, 960, 1600)) == [480, 960, 1600]
    assert variant_widths(1200, (480, 960, 1600)) == [480, 960, 1200]
    assert variant_widths(700, (480, 960, 1600)) == [480, 700]
    assert variant_widths(300, (480, 960, 1600)) == [300]


def test_variants_have_the_right_sizes_and_no_upscaling(pictured):
    _, output = pictured
    for width, height in ((480, 17), (960, 34), (1600, 56)):
        for ext in ("jpg", "webp"):
            with Image.open(output / f"images/wide-{width}w.{ext}") as image:
                assert image.size == (width, height)
    assert sorted(p.name for p in (output / "images").glob("small*")) == [
        "small-480w.jpg",
        "small-480w.webp",
        "small-700w.jpg",
        "small-700w.webp",
        "small.jpg",
    ]
    with Image.open(output / "images/small.jpg") as image:
        assert image.size == (700, 350)


def pictures_in(html: str) -> list[str]:
    return re.findall(r"<picture>.*?</picture>", html)


def test_html_has_srcset_sizes_width_height_and_lazy_loading(pictured):
    _, output = pictured
    html = (output / "news/2026/pictures/index.html").read_text()
    hero, small, turned, poster = pictures_in(html)
    sizes = 'sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)"'
    assert hero == (
        '<picture><source type="image/webp" srcset="/images/wide-480w.webp 480w, /images/wide-960w.webp 960w, '
        f'/images/wide-1600w.webp 1600w" {sizes}><img src="/images/wide-960w.jpg" srcset="/images/wide-480w.jpg 480w, '
        f'/images/wide-960w.jpg 960w, /images/wide-1600w.jpg 1600w" {sizes} width="1600" height="56" '
        'alt="A wide red band" decoding="async"></picture>'
    )
    assert '<figure class="kit-hero">' + hero in html
    assert 'src="/images/small-700w.jpg"' in small and 'width="700" height="350"' in small
    assert 'srcset="/images/small-480w.webp 480w, /images/small-700w.webp 700w"' in small
    # the page's own picture comes first, so every picture in the text waits until it is scrolled to
    for picture in (small, turned, poster):
        assert 'loading="lazy" decoding="async"' in picture
    assert 'alt="The turned picture"' in turned and 'width="80" height="40"' in turned


def test_first_picture_in_the_text_loads_at_once_when_there_is_no_page_picture(pictured):
    _, output = pictured
    (picture,) = pictures_in((output / "news/2026/text-only/index.html").read_text())
    assert "loading=" not in picture and 'decoding="async"' in picture


def test_decorative_picture_has_empty_alt(pictured):
    _, output = pictured
    html = (output / "decorated/index.html").read_text()
    assert 'alt=""' in pictures_in(html)[0]
    assert "og:image:alt" not in html


def test_pictured_site_has_no_broken_links_in_src_or_srcset(pictured):
    _, output = pictured
    assert broken_links(output) == []


def test_feed_entries_carry_the_rewritten_pictures(pictured):
    _, output = pictured
    feed = (output / "feeds/all.atom.xml").read_text()
    assert "/images/small-480w.jpg" in feed
    assert "images/small.jpg&quot;" not in feed


# ---- link previews and share cards ------------------------------------------------------


def meta(html: str) -> dict:
    return dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[\w:]+)" content="([^"]*)">', html))


def test_page_with_a_picture_shares_it(pictured):
    _, output = pictured
    tags = meta((output / "news/2026/pictures/index.html").read_text())
    assert tags["og:title"] == "Pictures" and tags["twitter:title"] == "Pictures"
    assert tags["og:url"] == "/news/2026/pictures/"
    assert tags["og:type"] == "article"
    assert tags["og:image"] == tags["twitter:image"] == "/images/wide-1600w.jpg"
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1600", "56")
    assert tags["og:image:alt"] == "A wide red band"
    assert tags["twitter:card"] == "summary_large_image"
    assert "og:description" in tags and "twitter:description" in tags


def test_page_without_a_picture_gets_a_card_1200_by_630(pictured):
    _, output = pictured
    tags = meta((output / "news/2026/text-only/index.html").read_text())
    assert tags["og:image"] == "/cards/news-text-only.png"
    assert tags["og:image:alt"] == "The Test Party: Only words"
    with Image.open(output / "cards/news-text-only.png") as card:
        assert card.size == (1200, 630) and card.format == "PNG"
    branch = meta((output / "branches/alpha/about/index.html").read_text())
    assert branch["og:image"] == "/branches/alpha/cards/page-about.png"
    assert (output / "branches/alpha/cards/page-about.png").is_file()


def test_every_page_has_link_preview_tags(pictured):
    _, output = pictured
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        tags = meta(page.read_text())
        for name in ("og:title", "og:description", "og:url", "og:image", "twitter:card", "twitter:image"):
            assert name in tags, (page, name)
        image = tags["og:image"]
        assert (output / image.lstrip("/")).is_file(), (page, image)
    home = meta((output / "index.html").read_text())
    assert home["og:image"] == "/cards/site.png" and home["og:url"] == "/"


# ---- the cache ------------------------------------------------------------------------


def test_a_rebuild_processes_nothing_and_says_so(tmp_path, capsys):
    project = pictured_project(tmp_path / "project")
    build(project)
    first = capsys.readouterr().err
    assert "responsive_images: pictures 5 processed, 0 reused;" in first
    build(project, BUILD_SKIP_UNCHANGED=False)  # the main site built again, with nothing changed
    second = capsys.readouterr().err
    assert "responsive_images: pictures 0 processed, 4 reused; share cards 0 drawn," in second
    # a branch rebuilt for another reason reuses its pictures from its own cache
    (project / "branches/alpha/news/2026-02-01-alpha-news.md").touch()
    build(project)
    third = capsys.readouterr().err
    assert "pictures 0 processed, 5 reused;" in third and "and 1 branches built" in third
    assert (tmp_path / "project/.cache/branches/alpha/pelican/responsive-images/pictures").is_dir()
    # a changed picture is processed again, and what it replaced leaves the cache
    before = sorted((project / ".cache/main/responsive-images/pictures").iterdir())
    (project / "content/images/small.jpg").write_bytes(phone_jpeg((640, 320), (90, 90, 90)))
    build(project)
    assert "pictures 1 processed, 3 reused;" in capsys.readouterr().err
    after = sorted((project / ".cache/main/responsive-images/pictures").iterdir())
    assert len(after) == len(before) and after != before


def test_two_clean_builds_are_byte_identical(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = build(pictured_project(tmp_path / "one"))
    second = build(pictured_project(tmp_path / "two"))
    digests = tree_digest(first)
    assert digests == tree_digest(second)
    assert any(name.endswith(".webp") for name in digests) and any(name.startswith("cards/") for name in digests)


# ---- bad pictures: each an error at the file and line that uses it ---------------------


def _png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header says it is ``width`` × ``height`` (a decompression bomb's trick)."""
    out = io.BytesIO()
    Image.new("L", (1, 1)).save(out, "PNG")
    data = bytearray(out.getvalue())
    ihdr = bytes(data[12:16]) + struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:24] = struct.pack(">II", width, height)
    data[29:33] = struct.pack(">I", zlib.crc32(ihdr))
    return bytes(data)


def _animated_png() -> bytes:
    out = io.BytesIO()
    frames = [Image.new("RGB", (8, 8), c) for c in ("red", "blue")]
    frames[0].save(out, "PNG", save_all=True, append_images=frames[1:])
    return out.getvalue()


BAD_PICTURES = [
    # (file written, its bytes, what the check says, what the fix says)
    ("images/cut.jpg", phone_jpeg((400, 300))[:900], "is damaged: the file is cut short", "Copy the picture again"),
    ("images/junk.jpg", b"<html><body>not a picture</body></html>", "is not a picture the site can read", "again"),
    ("images/really.jpg", phone_png(), "is really a PNG picture, but its name says JPEG", "Rename the file"),
    ("images/bomb.png", _png_claiming(30000, 30000), "900 megapixels", "do not use it"),
    (
        "images/logo.svg",
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
        "is an SVG drawing; SVG files can carry programs",
        "Export the drawing as a PNG",
    ),
    ("images/sneaky.png", b'<?xml version="1.0"?>\n<svg><script/></svg>', "is an SVG drawing", "PNG"),
    ("images/phone.heic", b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00", "iPhone HEIC photo", "JPEG"),
    ("images/moving.png", _animated_png(), "is an animated picture", "still picture"),
]


def check(project: Path, **settings) -> list[tuple[str, int, str, str, str]]:
    report = check_project(project_settings(project, **settings))
    return [(p.path, p.line, p.severity, p.message, p.fix) for p in report.sorted()]


@pytest.mark.parametrize(("name", "data", "message", "fix"), BAD_PICTURES, ids=[b[0] for b in BAD_PICTURES])
def test_bad_picture_files_are_errors_at_the_line_using_them(tmp_path, name, data, message, fix):
    post = news("Bad", f"Words.\n\nMore words.\n\n![Something]({name})\n")
    write(tmp_path, {"content/news/2026-03-01-bad.md": post, f"content/{name}": data})
    problems = check(tmp_path)
    assert [(p[0], p[1], p[2]) for p in problems] == [("content/news/2026-03-01-bad.md", 9, "error")], problems
    assert message in problems[0][3] and f"`{name}`" in problems[0][3], problems
    assert fix in problems[0][4]


def test_picture_over_the_pixel_limit(tmp_path):
    post = news("Big", image="images/big.jpg", image_alt="A big picture")
    write(tmp_path, {"content/news/2026-03-01-big.md": post, "content/images/big.jpg": phone_jpeg((400, 300))})
    assert check(tmp_path) == []
    ((path, line, severity, message, fix),) = check(tmp_path, RESPONSIVE_IMAGES_MAX_PIXELS=100_000)
    assert (path, line, severity) == ("content/news/2026-03-01-big.md", 4, "error")
    assert message == (
        "`images/big.jpg` is 400 × 300 pixels (0.1 megapixels); pictures may have at most 0.1 megapixels"
    )
    assert "4000 pixels across" in fix


@pytest.mark.parametrize(
    ("front", "body", "line", "message", "fix"),
    [
        ({"image": "images/photo.jpg"}, "", 4, "the picture has no `image_alt` text", "image_decorative: true"),
        (
            {"image": "images/photo.jpg", "image_alt": "A photo", "image_decorative": "true"},
            "",
            6,
            "has `image_alt` text but is also marked `image_decorative: true`",
            "Keep one",
        ),
        ({}, "![](images/photo.jpg)", 5, "has no words saying what it shows (alt text)", "![Volunteers"),
        ({}, '<img src="images/photo.jpg">', 5, "has no words saying what it shows", "square brackets"),
        ({"image": "images/missing.jpg", "image_alt": "x"}, "", 4, "`image` is `images/missing.jpg`, but there", ""),
        ({}, "![A photo](images/missing.jpg)", 5, "the picture `images/missing.jpg` is missing", "spelling"),
        ({"image": "../secret.jpg", "image_alt": "x"}, "", 4, "pictures must be in this site's images/", ""),
        ({}, "![A photo](/news/photo.jpg)", 5, "is not in this site's images/ folder", "Put the picture in"),
        ({}, "![A photo](https://example.org/photo.jpg)", 5, "is on another website", "save the picture"),
        ({}, "![A dot](data:image/png;base64,iVBORw0KGgo=)", 5, "written into the text itself", "Save"),
        ({}, "See [the photo]({static}/images/gone.png).", 5, "`{static}/images/gone.png` is missing", ""),
        ({}, "![A photo](images/photo-480w.jpg)", 5, "a name the site keeps for the smaller copies", "photo-480.jpg"),
    ],
)
def test_picture_references_name_line_and_fix(tmp_path, front, body, line, message, fix):
    post = news("Photo", body, **front)
    write(tmp_path, {"content/news/2026-03-01-photo.md": post, "content/images/photo.jpg": phone_jpeg((64, 32))})
    problems = check(tmp_path)
    assert any(
        p[:3] == ("content/news/2026-03-01-photo.md", line, "error") and message in p[3] and fix in p[4]
        for p in problems
    ), problems


def test_a_decorative_picture_and_described_ones_are_fine(tmp_path):
    write(
        tmp_path,
        {
            "content/images/photo.jpg": phone_jpeg((64, 32)),
            "content/pages/decor.md": "---\ntitle: Decor\nimage: images/photo.jpg\nimage_decorative: true\n---\n",
            "content/news/2026-03-01-photo.md": news("Photo", "![A photo](images/photo.jpg)\n\n```\n![](x.jpg)\n```"),
            "content/events/2027-01-01-walk.md": "---\ntitle: Walk\nstart: 2027-01-01 10:00\nduration: 1h\n"
            "image: images/photo.jpg\nimage_alt: Walkers\n---\nCome along.\n",
        },
    )
    assert check(tmp_path) == []


def test_every_problem_in_every_site_is_reported_at_once_and_nothing_is_built(tmp_path):
    project = copy_fixture("two_branches", tmp_path / "project")
    write(
        project,
        {
            "content/images/cut.jpg": phone_jpeg((400, 300))[:900],
            "content/news/2026-03-01-a.md": news("A", "![Cut](images/cut.jpg)\n\n![](images/cut.jpg)"),
            "content/events/2027-06-01-fair.md": "---\ntitle: Fair\nstart: 2027-06-01 10:00\nduration: 1h\n"
            "image: images/fair.jpg\n---\nCome.\n",
            "branches/alpha/images/logo.svg": b"<svg><script>alert(1)</script></svg>",
            "branches/alpha/pages/logo.md": "---\ntitle: Logo\nimage: images/logo.svg\nimage_alt: Our logo\n---\n",
        },
    )
    problems = check(project)
    found = {(p[0], p[1], p[3].split(";")[0][:40]) for p in problems if p[2] == "error"}
    assert found == {
        ("content/news/2026-03-01-a.md", 5, "`images/cut.jpg` is damaged: the file is"),
        ("content/news/2026-03-01-a.md", 7, "the picture `images/cut.jpg` has no word"),
        ("content/news/2026-03-01-a.md", 7, "`images/cut.jpg` is damaged: the file is"),
        ("content/events/2027-06-01-fair.md", 5, "the picture has no `image_alt` text"),
        ("content/events/2027-06-01-fair.md", 5, "`image` is `images/fair.jpg`, but there "),
        ("branches/alpha/pages/logo.md", 3, "`images/logo.svg` is an SVG drawing"),
    }
    with pytest.raises(ContentProblems):
        build(project)
    assert not (project / "output").exists()


def test_without_the_checks_a_bad_picture_is_logged_and_never_published(tmp_path, caplog):
    project = copy_fixture("two_branches", tmp_path / "project")
    write(
        project,
        {
            "content/images/cut.jpg": phone_jpeg((400, 300))[:900],
            "content/news/2026-03-01-cut.md": news("Cut", "Words.\n\n![A cut picture](images/cut.jpg)\n"),
        },
    )
    output = build(project, EDITOR_CHECKS_ON_BUILD=False)
    assert "content/news/2026-03-01-cut.md:7: `images/cut.jpg` is damaged" in caplog.text
    assert '<img alt="A cut picture" src="images/cut.jpg">' in (output / "news/2026/cut/index.html").read_text()
    assert not (output / "images/cut.jpg").exists()


def test_a_known_good_picture_is_not_opened_again(tmp_path, monkeypatch):
    write(
        tmp_path,
        {
            "content/images/photo.jpg": phone_jpeg((64, 32)),
            "content/news/2026-03-01-photo.md": news("Photo", "![A photo](images/photo.jpg)"),
        },
    )
    assert check(tmp_path) == []
    import responsive_images.checks

    def refuse(*args):
        raise AssertionError("opened again")

    monkeypatch.setattr(responsive_images.checks, "open_picture", refuse)
    assert check(tmp_path) == []


def test_image_decorative_without_an_image_is_a_warning(tmp_path):
    write(tmp_path, {"content/pages/p.md": "---\ntitle: P\nimage_decorative: true\n---\n"})
    assert check(tmp_path) == [
        (
            "content/pages/p.md",
            3,
            "warning",
            "`image_decorative` is given, but there is no `image`",
            "Delete the `image_decorative` line, or add the picture with `image:`.",
        )
    ]


def test_settings_are_checked():
    settings = {"RESPONSIVE_IMAGES_WIDTHS": [480, 960]}
    assert image_settings(settings).widths == (480, 960)
    with pytest.raises(ImageSettingsError, match="whole number"):
        image_settings({"RESPONSIVE_IMAGES_WIDTHS": [480, "big"]})


# ---- in a browser, under the site's Content-Security-Policy ------------------------------


def test_pictures_load_as_webp_under_the_csp_and_pass_axe(pictured, serve, open_page, run_axe):
    _, output = pictured
    base = serve(output)
    page = open_page(width=360)
    page.goto(f"{base}/news/2026/pictures/")
    page.wait_for_load_state("load")
    hero = page.locator(".kit-hero img")
    assert hero.evaluate("img => img.complete && img.naturalWidth > 0")
    assert hero.evaluate("img => img.currentSrc").endswith("-480w.webp")  # 328 css pixels wide, at 1x
    box = hero.bounding_box()
    assert box["width"] <= 360 and abs(box["height"] - box["width"] * 56 / 1600) < 2
    assert page.problems == []
    assert run_axe(page) == []


# ---- the imprint on every card ----------------------------------------------------------


def card_colours():
    from responsive_images.cards import CardColours

    return CardColours(background="#ffffff", text="#1a1a1a", highlight="#0b6e4f")


def card_pixels(data: bytes) -> Image.Image:
    """The card's palette indices: 0 is the background, anything else is ink."""
    image = Image.open(io.BytesIO(data))
    assert image.mode == "P"
    return image


def ink_rows(image: Image.Image, top: int, bottom: int) -> list[int]:
    width = image.size[0]
    pixels = image.load()
    return [y for y in range(top, bottom) if any(pixels[x, y] for x in range(width))]


def ink_columns(image: Image.Image, top: int, bottom: int) -> list[int]:
    pixels = image.load()
    return [x for x in range(image.size[0]) if any(pixels[x, y] for y in range(top, bottom))]


def test_a_card_is_drawn_with_its_imprint_whole_in_the_imprint_band():
    from responsive_images.cards import CARD_SIZE, PAD, CardText, draw_card, fit_imprint, imprint_band

    colours = card_colours()
    text = CardText("Alphaton branch", "About us", KIT_SITE["SITENAME"], ALPHA_IMPRINT)
    top, bottom = imprint_band(ALPHA_IMPRINT)
    with_it = card_pixels(draw_card(text, colours))
    # the imprint alone in its band: the same card with no bottom line, with and without the imprint
    alone = card_pixels(draw_card(CardText(text.top, text.title, "", ALPHA_IMPRINT), colours))
    without = card_pixels(draw_card(CardText(text.top, text.title, "", ""), colours))
    assert ink_rows(without, top, bottom) == []
    assert (
        alone.crop((0, top, CARD_SIZE[0], bottom)).tobytes() == with_it.crop((0, top, CARD_SIZE[0], bottom)).tobytes()
    )
    rows = ink_rows(alone, top, bottom)
    font, lines = fit_imprint(ALPHA_IMPRINT)
    assert len(lines) >= 2 and " ".join(lines) == ALPHA_IMPRINT  # wrapped, every word kept
    assert lines[-1].endswith("S1 4BY.") and not lines[-2].endswith("S1")  # a postcode is never broken
    runs = 1 + sum(1 for a, b in itertools.pairwise(rows) if b != a + 1)
    assert runs == len(lines)  # one band of ink per line
    # legible where link previews show the card about 500 px wide: at least 10.8 px there
    assert font.size * 500 / CARD_SIZE[0] >= 10.8
    columns = ink_columns(with_it, top, bottom)
    assert columns[0] >= PAD - 4 and columns[-1] <= CARD_SIZE[0] - PAD + 4  # never past the margins
    assert ink_rows(with_it, bottom + 1, CARD_SIZE[1] - 14) == []  # nor below the band, above the bar
    national = card_pixels(draw_card(CardText(text.top, text.title, text.bottom, NATIONAL_IMPRINT), colours))
    assert (
        national.crop((0, top, CARD_SIZE[0], bottom)).tobytes()
        != with_it.crop((0, top, CARD_SIZE[0], bottom)).tobytes()
    )


@pytest.mark.parametrize(
    "when",
    [
        "Tuesday 12 January 2027, 7pm to 9pm GMT",
        "Sunday 31 October 2027, 12:30am BST to Sunday 31 October 2027, 3:30am GMT",
    ],
)
def test_an_event_card_draws_its_date_whole_in_its_band_above_the_bottom_line(when):
    from responsive_images.cards import (
        CARD_SIZE,
        HIGHLIGHT_INKS,
        CardText,
        draw_card,
        fit_when,
        imprint_band,
        when_band,
    )

    colours = card_colours()
    text = CardText("Alphaton branch", "Branch meeting", KIT_SITE["SITENAME"], ALPHA_IMPRINT, when)
    undated = CardText(text.top, text.title, text.bottom, text.imprint)
    top, bottom = when_band(text)
    font, lines = fit_when(when)
    assert " ".join(lines) == when  # never cut short: a long one wraps
    assert font.size >= 32 and len(lines) <= 2
    with_it, without = card_pixels(draw_card(text, colours)), card_pixels(draw_card(undated, colours))
    assert ink_rows(without, top, bottom) == []
    rows = ink_rows(with_it, top, bottom)
    assert 1 + sum(1 for a, b in itertools.pairwise(rows) if b != a + 1) == len(lines)
    # in the highlight's shades (the palette's last seven), as the site's name is
    pixels = with_it.load()
    assert {pixels[x, y] for y in rows for x in range(CARD_SIZE[0])} - {0} <= set(HIGHLIGHT_INKS)
    # the bottom line and the imprint stay where they were
    below = (0, bottom, CARD_SIZE[0], imprint_band(ALPHA_IMPRINT)[1])
    assert with_it.crop(below).tobytes() == without.crop(below).tobytes()


def promoter_line_errors(project, branch):
    """The check's errors, each asserted to be at the branch.yaml's `promoter:` line, the only one."""
    line = next(n for n, text in enumerate(branch.read_text().splitlines(), 1) if text.startswith("promoter:"))
    problems = [p for p in check_project(project_settings(project)).problems if p.is_error]
    assert [(p.path, p.line) for p in problems] == [("branches/alpha/branch.yaml", line)]
    return problems


def assert_refused_as_too_long(project, problem):
    """The problem says the imprint does not fit, and the build draws no card."""
    assert problem.message.endswith(
        "does not fit a share card in 4 lines of 26 px, the smallest that stays legible where the card is shown"
    )
    assert problem.fix.startswith("Shorten the promoter's name or address")
    with pytest.raises(ContentProblems):
        build(project)
    assert not (project / "output").exists() or not list((project / "output").rglob("*.png"))


@pytest.mark.parametrize(
    "imprint",
    [
        "Promoted by Alex Agent, " + "Long Building Name, " * 20 + "Alphaton AB1 2CD.",  # too many lines
        "Promoted by " + "Averyveryverylongnamewithoutanyspaces" * 3 + ", 1 Station Road, Alphaton AB1 2CD.",  # a word
    ],
)
def test_an_imprint_too_long_for_a_card_is_an_error_naming_it(imprint):
    from responsive_images.cards import CardText, ImprintDoesNotFit, draw_card

    with pytest.raises(ImprintDoesNotFit) as stopped:
        draw_card(CardText("Alphaton branch", "About us", KIT_SITE["SITENAME"], imprint), card_colours())
    assert f"the imprint `{imprint}` does not fit a share card in 4 lines of 26 px" in str(stopped.value)


# as long as branch.yaml and front matter let them be: a name of 120 characters, an address of 200
LONG_NAME = "Alexandra " * 11 + "Agentsmith"
LONG_ADDRESS = "Flat 1, " + "Long Building Name, " * 8 + "Alphaton Parks, Alphaton AB1 2CD"


def test_a_branch_promoter_too_long_for_a_card_is_an_error_at_its_line(tmp_path):
    assert (len(LONG_NAME), len(LONG_ADDRESS)) == (120, 200)
    project = pictured_project(tmp_path / "project")
    branch = project / "branches/alpha/branch.yaml"
    branch.write_text(
        branch.read_text().replace("1 Station Road, Alphaton AB1 2CD", LONG_ADDRESS).replace("Alex Agent", LONG_NAME)
    )
    problems = promoter_line_errors(project, branch)
    assert problems[0].message.startswith(f"the imprint `Promoted by {LONG_NAME}, Flat 1, Long Building Name,")
    assert_refused_as_too_long(project, problems[0])


# with alpha's imprint (on the party's behalf) these fit a card in English ("Promoted by") but not in
# Welsh ("Hyrwyddwyd gan", three letters longer)
WELSH_TOO_LONG_NAME = ("Alexandra Agentsmith " * 6)[:104]
WELSH_TOO_LONG_ADDRESS = "Long Building Name, " * 4 + "Alphaton Parks, Alphaton AB1 2CD"


def test_a_branch_promoter_too_long_for_its_welsh_cards_is_an_error_at_its_line(tmp_path):
    project = pictured_project(tmp_path / "project")
    branch = project / "branches/alpha/branch.yaml"
    text = (
        branch.read_text()
        .replace("1 Station Road, Alphaton AB1 2CD", WELSH_TOO_LONG_ADDRESS)
        .replace("Alex Agent", WELSH_TOO_LONG_NAME)
    )
    branch.write_text(text)
    assert check_project(project_settings(project)).problems == []  # an English branch: its cards are in English
    branch.write_text(text + "languages: [cy, en]\n")
    problems = promoter_line_errors(project, branch)
    assert problems[0].message.startswith(
        f"in `cy`, the imprint `Hyrwyddwyd gan {WELSH_TOO_LONG_NAME}, {WELSH_TOO_LONG_ADDRESS}, ar ran "
    )
    assert_refused_as_too_long(project, problems[0])


def test_a_post_promoter_too_long_for_a_card_stops_the_build_naming_the_card(tmp_path):
    from branch_subsites.generator import BranchBuildFailed

    project = pictured_project(tmp_path / "project")
    (project / "branches/alpha/news/2026-03-01-vote-for-jo.md").write_text(
        f"---\ntitle: Vote for Jo\ndate: 2026-03-01 10:00\n"
        f"promoter: {{name: {LONG_NAME}, address: '{LONG_ADDRESS}'}}\n---\nJo is standing.\n",
        encoding="utf-8",
    )
    with pytest.raises(BranchBuildFailed) as stopped:
        build(project)
    assert (
        "branches/alpha: responsive_images.cards.ImprintDoesNotFit: responsive_images: cards/news-vote-for-jo.png: "
        f"the imprint `Promoted by {LONG_NAME}, Flat 1, Long Building Name,"
    ) in str(stopped.value)
    assert "does not fit a share card in 4 lines of 26 px" in str(stopped.value)
    assert not list((project / "output/branches/alpha").glob("cards/*.png"))


def built_card_text(project: Path, output: Path, card: str, imprint: str):
    """The words of a branch page's card as the build drew them, with ``imprint``."""
    from responsive_images.cards import CardText

    tags = meta((output / "branches/alpha/about/index.html").read_text())
    assert tags["og:image"] == f"/branches/alpha/{card}"
    top, title = tags["og:image:alt"].split(": ", 1)
    return CardText(top, title, project_settings(project)["SITENAME"], imprint)


def site_colours(project: Path):
    from responsive_images.cards import theme_colours

    settings = project_settings(project)
    config = image_settings(settings)
    return theme_colours(settings["THEME"], config.card_stylesheet, config.card_colours)


def test_a_branch_with_its_own_promoter_gets_its_own_card_and_a_new_promoter_redraws_it(pictured, tmp_path):
    from responsive_images.cards import draw_card

    project, output = pictured
    card = "cards/page-about.png"
    drawn = (output / "branches/alpha" / card).read_bytes()
    colours = site_colours(project)
    assert drawn == draw_card(built_card_text(project, output, card, ALPHA_IMPRINT), colours)
    assert drawn != draw_card(built_card_text(project, output, card, NATIONAL_IMPRINT), colours)
    # the national site's own cards carry the party's imprint
    national = built_card_text(project, output, card, NATIONAL_IMPRINT)
    assert (output / "cards/site.png").read_bytes() == draw_card(
        type(national)("", national.bottom, project_settings(project)["SITESUBTITLE"] or "", NATIONAL_IMPRINT),
        colours,
    )

    fresh = pictured_project(tmp_path / "project")
    built = build(fresh)
    branch = fresh / "branches/alpha/branch.yaml"
    branch.write_text(branch.read_text().replace("Alex Agent", "Bo Agent"))
    build(fresh)  # the same cache: the card is drawn again, not taken from it
    new = ALPHA_IMPRINT.replace("Alex Agent", "Bo Agent")
    assert (built / "branches/alpha" / card).read_bytes() == draw_card(
        built_card_text(fresh, built, card, new), site_colours(fresh)
    )
