"""Reading an editor's text file whole, up to a size: a file far larger than any editor writes
(a 50 MB post) is refused before it is read, not read and then parsed at length."""

from __future__ import annotations


class FileTooLarge(Exception):
    def __init__(self, size_limit: int):
        super().__init__(f"larger than {describe_size(size_limit)}")
        self.size_limit = size_limit
        self.message = f"the file is larger than {describe_size(size_limit)}, the most the kit reads"
        self.fix = (
            "Make it shorter: split a long text over several pages, and put pictures and documents "
            "in images/ instead of in the text."
        )


def describe_size(size: int) -> str:
    if size >= 1_000_000 and size % 100_000 == 0:
        return f"{size / 1_000_000:g} MB"
    if size >= 1000 and size % 100 == 0:
        return f"{size / 1000:g} KB"
    return f"{size} bytes"


def read_source_text(path: str, size_limit: int) -> str:
    """The UTF-8 text of ``path`` with its line ends made ``\\n``, as open() in text mode gives it;
    FileTooLarge when it has more than ``size_limit`` bytes (UnicodeDecodeError, its ``object`` the
    whole file, and OSError as open() raises them)."""
    with open(path, "rb") as handle:
        data = handle.read(size_limit + 1)
    if len(data) > size_limit:
        raise FileTooLarge(size_limit)
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def check_text_size(text: str, size_limit: int) -> None:
    """FileTooLarge when ``text``, as UTF-8, has more than ``size_limit`` bytes."""
    if len(text) > size_limit or len(text.encode("utf-8")) > size_limit:
        raise FileTooLarge(size_limit)
