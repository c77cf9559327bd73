"""Draw the demo's pictures: simple scenes that look like phone photos to the build, metadata and all.

    .venv/bin/python scripts/make-demo-images.py

Each file carries what a real phone photo carries and the site must never publish: a GPS position,
the camera's make, model and serial number, the time it was taken, the photographer's name (EXIF,
XMP, IPTC and a comment), so the demo shows the stripping at work. One is stored sideways with an
EXIF orientation, as phones do. Seeded: the same files every run. Keep each under 150 KB.
"""

from __future__ import annotations

import io
import random
import struct
from pathlib import Path

import ttf_opensans
from PIL import Image, ImageDraw, ImageFont, PngImagePlugin

ROOT = Path(__file__).resolve().parent.parent
GREEN, DARK, YELLOW, CREAM = (29, 92, 46), (20, 40, 28), (255, 191, 71), (251, 250, 246)


def font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(ttf_opensans.OPENSANS_BOLD.path), size)


def sky(size, top, bottom) -> Image.Image:
    gradient = Image.linear_gradient("L").resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), gradient)


def person(draw, x, y, scale, rng):
    shirt = rng.choice([(200, 60, 50), (60, 90, 170), (240, 200, 60), (90, 140, 80), (120, 70, 130), (40, 40, 40)])
    skin = rng.choice([(240, 200, 170), (200, 150, 110), (140, 95, 60), (90, 60, 40)])
    draw.rounded_rectangle((x - 26 * scale, y, x + 26 * scale, y + 110 * scale), radius=int(18 * scale), fill=shirt)
    draw.ellipse((x - 18 * scale, y - 42 * scale, x + 18 * scale, y - 4 * scale), fill=skin)


def tree(draw, x, ground, height, rng):
    draw.rectangle((x - 14, ground - height * 0.45, x + 14, ground), fill=(100, 70, 45))
    for _ in range(7):
        dx, dy, r = rng.randint(-70, 70), rng.randint(-60, 40), rng.randint(55, 95)
        shade = rng.choice([(40, 110, 55), (55, 130, 60), (30, 95, 45)])
        cy = ground - height * 0.65 + dy
        draw.ellipse((x + dx - r, cy - r, x + dx + r, cy + r), fill=shade)


def conference_hall(rng) -> Image.Image:
    size = (2400, 1600)
    image = Image.new("RGB", size, (226, 220, 205))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 1050, 2400, 1600), fill=(150, 110, 80))  # floor
    draw.rectangle((500, 380, 1900, 760), fill=GREEN)  # banner
    draw.text((1200, 570), "SPRING CONFERENCE", font=font(120), fill=CREAM, anchor="mm")
    draw.rectangle((700, 820, 1700, 1000), fill=(110, 80, 60))  # stage table
    for x in (850, 1050, 1350, 1550):
        person(draw, x, 700, 1.0, rng)
    for row in range(4):
        for seat in range(11):
            x = 170 + seat * 210 + (row % 2) * 60
            y = 1120 + row * 120
            person(draw, x, y, 0.9 + row * 0.08, rng)
    return image


def kitchen_table(rng) -> Image.Image:
    size = (1800, 1200)
    image = sky(size, (250, 236, 210), (214, 190, 160))
    draw = ImageDraw.Draw(image)
    for x in (420, 980, 1540):
        person(draw, x, 380, 2.4, rng)
    draw.rectangle((0, 760, 1800, 1200), fill=(170, 120, 70))  # table
    for x in (260, 820, 1380):
        draw.polygon([(x, 740), (x + 300, 740), (x + 270, 520), (x + 30, 520)], fill=(60, 60, 70))  # screen
        draw.rectangle((x + 45, 540, x + 255, 720), fill=(190, 225, 240))
        draw.rectangle((x - 30, 740, x + 330, 780), fill=(90, 90, 100))  # keyboard
        draw.ellipse((x + 340, 700, x + 420, 780), fill=CREAM)  # a mug
    return image


def stall_poster() -> Image.Image:
    size = (1400, 1000)
    image = Image.new("RGB", size, CREAM)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 1400, 200), fill=GREEN)
    draw.text((700, 100), "PLANT A HEDGE", font=font(110), fill=CREAM, anchor="mm")
    for i in range(9):
        x = 120 + i * 145
        draw.ellipse((x - 60, 520, x + 60, 700), fill=(55, 130, 60))
        draw.ellipse((x - 40, 450, x + 40, 560), fill=(40, 110, 55))
    draw.rectangle((0, 700, 1400, 1000), fill=(120, 85, 55))
    draw.text((700, 330), "Saturdays, 10am", font=font(72), fill=DARK, anchor="mm")
    draw.text((700, 850), "hedgerow.example/get-involved", font=font(56), fill=CREAM, anchor="mm")
    return image


def allotment(rng) -> Image.Image:
    size = (2400, 1600)
    image = sky(size, (150, 200, 240), (225, 238, 248))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 700, 2400, 1600), fill=(95, 70, 45))
    for row in range(6):
        y = 760 + row * 140
        draw.rectangle((0, y, 2400, y + 60), fill=(70, 130, 60))
        for x in range(40, 2400, 130):
            draw.ellipse((x, y - 25, x + 60, y + 35), fill=(60 + row * 8, 150, 70))
    draw.rectangle((1800, 420, 2150, 720), fill=(150, 100, 60))  # shed
    draw.polygon([(1780, 430), (1975, 300), (2170, 430)], fill=(110, 60, 40))
    for x in (400, 700, 1000):
        person(draw, x, 560, 1.3, rng)
    tree(draw, 1500, 700, 600, rng)
    return image


def river_walk(rng) -> Image.Image:
    size = (2000, 1300)
    image = sky(size, (170, 190, 210), (220, 228, 235))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 650, 2000, 1300), fill=(80, 120, 70))
    draw.polygon([(700, 650), (1300, 650), (1900, 1300), (100, 1300)], fill=(90, 120, 150))  # the river
    for x in (150, 420, 1650, 1880):
        tree(draw, x, 660, 520, rng)
    for x in (300, 400, 500, 600):
        person(draw, x, 820, 1.2, rng)
    return image


def hedgerow_border(rng) -> Image.Image:
    size = (1600, 400)
    image = Image.new("RGB", size, CREAM)
    draw = ImageDraw.Draw(image)
    for x in range(-40, 1640, 70):
        r = rng.randint(50, 80)
        y = rng.randint(220, 300)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([(40, 110, 55), (55, 130, 60), (30, 95, 45)]))
        if rng.random() < 0.3:
            draw.ellipse((x - 12, y - r - 4, x + 12, y - r + 20), fill=(200, 60, 80))  # a berry
    draw.rectangle((0, 330, 1600, 400), fill=(120, 85, 55))
    return image


def tree_planting(rng) -> Image.Image:
    size = (2400, 1600)
    image = sky(size, (190, 210, 230), (235, 240, 240))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 900, 2400, 1600), fill=(90, 140, 70))
    for x in range(200, 2300, 260):
        draw.rectangle((x - 6, 820, x + 6, 960), fill=(100, 70, 45))  # saplings in guards
        draw.rectangle((x - 22, 880, x + 22, 960), fill=(200, 210, 190))
        draw.ellipse((x - 45, 760, x + 45, 850), fill=(60, 140, 60))
    for x in (500, 900, 1500, 1900):
        person(draw, x, 780, 1.4, rng)
    return image


# ---- what a phone writes into its photos ---------------------------------------------------


def exif_bytes(where: tuple[float, float], serial: str, orientation: int = 1) -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Pixelphone"  # Make
    exif[0x0110] = "PX-7 Pro"  # Model
    exif[0x013B] = "Jane Organiser"  # Artist
    exif[0x0112] = orientation
    photo = exif.get_ifd(0x8769)
    photo[0x9003] = "2026:09:12 14:03:27"  # DateTimeOriginal
    photo[0xA431] = serial  # BodySerialNumber
    gps = exif.get_ifd(0x8825)
    lat, lon = where

    def dms(value):
        value = abs(value)
        degrees, minutes = int(value), int(value * 60) % 60
        return (float(degrees), float(minutes), round((value * 3600) % 60, 2))

    gps[1], gps[2] = ("N" if lat >= 0 else "S"), dms(lat)
    gps[3], gps[4] = ("E" if lon >= 0 else "W"), dms(lon)
    return exif.tobytes()


XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
    b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Jane Organiser</dc:creator>'
    b"</rdf:Description></rdf:RDF></x:xmpmeta>"
)


def with_iptc(jpeg: bytes, byline: str) -> bytes:
    """An APP13 (Photoshop IPTC) segment after the JPEG's first marker, naming the photographer."""
    record = b"\x1c\x02\x50" + struct.pack(">H", len(byline)) + byline.encode()  # 2:80 By-line
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record + b"\x00" * (len(record) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def save_jpeg(image, path, where, serial, orientation=1):
    if orientation == 6:  # stored as a phone held upright stores it: turned a quarter to the left
        image = image.transpose(Image.Transpose.ROTATE_90)
    out = io.BytesIO()
    image.save(
        out, "JPEG", quality=80, exif=exif_bytes(where, serial, orientation), xmp=XMP, comment=b"Taken by Jane O."
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(with_iptc(out.getvalue(), "Jane Organiser"))


def save_png(image, path, where, serial):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Jane Organiser")
    info.add_text("Comment", "Drawn at the kitchen table")
    info.add_itxt("XML:com.adobe.xmp", XMP.decode())
    path.parent.mkdir(parents=True, exist_ok=True)
    image.quantize(colors=32, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).save(
        path, "PNG", pnginfo=info, exif=exif_bytes(where, serial), optimize=True
    )


def main() -> None:
    rng = random.Random(6)
    leicester, sheffield, cardiff = (52.6345, -1.1290), (53.3811, -1.4701), (51.4980, -3.2050)
    save_jpeg(conference_hall(rng), ROOT / "content/images/conference-hall.jpg", leicester, "PX7-0042-1187")
    save_jpeg(kitchen_table(rng), ROOT / "content/images/kitchen-table.jpg", sheffield, "PX7-0042-1187", 6)
    save_png(stall_poster(), ROOT / "content/images/plant-a-hedge-poster.png", sheffield, "PX7-0042-1187")
    save_jpeg(allotment(rng), ROOT / "branches/sheffield/images/allotment-open-day.jpg", sheffield, "PX7-0042-2291")
    save_jpeg(river_walk(rng), ROOT / "branches/sheffield/images/don-valley.jpg", (53.4025, -1.4370), "PX7-0042-2291")
    save_png(hedgerow_border(rng), ROOT / "branches/sheffield/images/hedgerow-border.png", sheffield, "PX7-0042-2291")
    save_jpeg(tree_planting(rng), ROOT / "branches/cardiff/images/taff-trail-planting.jpg", cardiff, "SM-A55-77310")
    for path in sorted(ROOT.glob("**/images/*.*")):
        if "output" not in path.parts and ".cache" not in path.parts:
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    main()
