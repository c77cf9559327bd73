"""PDF documents as they are published: without the details of who made and edited them.

A PDF carries its author's name, the program and computer it was made on, dates, and often a
record of its editing (XMP metadata, an editing program's private data), and it may carry
programs (JavaScript actions) and other files inside it. The published copy is the document's
pages and outline with all of that left out, so editors need not know how to remove it
themselves; a PDF that cannot be read, or is locked with a password, is refused instead.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader, PdfWriter
from pypdf.errors import PyPdfError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

# Entries of the document catalog that hold metadata, programs or other files.
CATALOG_ENTRIES = ("/Metadata", "/PieceInfo", "/OpenAction", "/AA", "/AcroForm", "/SpiderInfo")
NAME_TREES = ("/JavaScript", "/EmbeddedFiles")
PAGE_ENTRIES = ("/Metadata", "/PieceInfo", "/AA")
# Where any dictionary (a bookmark, a link, a form field, a page) keeps actions run by a reader.
ACTION_ENTRIES = ("/AA", "/OpenAction", "/JS")
# Web addresses a link in a published document may open; every other action (JavaScript, launching
# a program, submitting a form, a javascript: address) is taken out wherever it is.
LINK_SCHEMES = ("https:", "http:", "mailto:")


class DocumentTrouble(Exception):
    """What is wrong with a PDF, and the fix, in words for editors."""

    def __init__(self, message: str, fix: str):
        super().__init__(message)
        self.message = message
        self.fix = fix


def _drop(dictionary, keys) -> None:
    for key in keys:
        if key in dictionary:
            del dictionary[key]


def _is_web_link(action) -> bool:
    action = action.get_object()
    if not isinstance(action, DictionaryObject) or action.get("/S") != "/URI" or "/Next" in action:
        return False
    address = str(action.get("/URI", "")).strip().lower()
    return address.startswith(LINK_SCHEMES)


def _drop_actions(root) -> None:
    """Take every action but a plain web link out of every dictionary reachable from ``root``: an
    action can sit on any object (a bookmark's /A, a link's /AA), so none is looked for by place."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            if item.idnum in seen:
                continue
            seen.add(item.idnum)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            _drop(item, ACTION_ENTRIES)
            if "/A" in item and not _is_web_link(item["/A"]):
                del item["/A"]
            stack.extend(value for key, value in item.items() if key != "/Parent")
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def published_document(data: bytes, name: str) -> bytes:
    """The copy of the PDF ``data`` (the file ``name``, as editors see it) that is published."""
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its notes on odd files are not the editors' concern
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise DocumentTrouble(
                f"`{name}` is locked with a password, so readers could not open it",
                "Save a copy without the password (in the program that made it) and use that.",
            )
        writer = PdfWriter(clone_from=reader)
        writer._info = None  # author, title, programs, dates
        root = writer.root_object
        _drop(root, CATALOG_ENTRIES)
        names = root.get("/Names")
        if isinstance(names, DictionaryObject):
            _drop(names.get_object(), NAME_TREES)
        for page in writer.pages:
            _drop(page, PAGE_ENTRIES)
            if "/Annots" in page:
                kept = [a for a in page["/Annots"] if a.get_object().get("/Subtype") != "/FileAttachment"]
                for annotation in kept:
                    action = annotation.get_object().get("/A")
                    if action is not None and action.get_object().get("/S") != "/URI":  # only web links act
                        del annotation.get_object()["/A"]
                page[NameObject("/Annots")] = ArrayObject(kept)
        _drop_actions(root)
        out = io.BytesIO()
        writer.write(out)
    except DocumentTrouble:
        raise
    except (PyPdfError, ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        raise DocumentTrouble(
            f"`{name}` is not a PDF the site can read: it is damaged, or another kind of file ({exc})",
            "Open it on your computer to check it, then save (or print) it again as a PDF.",
        ) from None
    return out.getvalue()
