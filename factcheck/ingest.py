"""Reading source files into Documents: the only place that touches the disk, so bad input stops here as one line.

What is read:

- ``.txt`` and ``.md``: the text exactly as it is in the file (line endings kept, so claim offsets match the file),
  minus a UTF-8 byte-order mark and minus YAML front matter when the file begins with one (``---`` ... ``---``).
- ``.html`` / ``.htm``: the main text that trafilatura extracts (boilerplate, menus and comments dropped), with the
  title, date, canonical URL, author and site name it finds in the markup.
- ``-``: standard input, as text (or as HTML when it starts like an HTML page); its source id is ``stdin``.

Metadata comes from three places; a later one wins field by field: what trafilatura found in HTML, a sidecar file
``<stem>.meta.yaml`` beside the source (so a text file can stay byte-identical to its original), front matter.

Bad input never raises out of :func:`iter_documents`: each problem is an :class:`InputError` whose ``str()`` is one
line that names the file and says what to do. A file that is not UTF-8 but decodes as Windows-1252 (cp1252) is
read, not skipped, and reported as an :class:`InputWarning`.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
import warnings
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from hashlib import sha1
from pathlib import Path
from typing import Optional, Union

import yaml

from .models import Document

MAX_BYTES = 20 * 1024 * 1024
"""Files larger than this (20 MB) are skipped without being read: no news article is that long."""

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
SIDECAR_SUFFIX = ".meta.yaml"
META_FIELDS = ("title", "outlet", "url", "published", "author", "kind")
SOURCE_KINDS = ("primary", "report", "aggregator")
STDIN = "-"

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_FRONT_OPEN = re.compile(r"---[ \t]*\r?\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


class InputError(Exception):
    """A source that cannot be read; ``str()`` is one line: the file, what is wrong, what to do."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputWarning(UserWarning):
    """A source that was read, but not quite as given (e.g. decoded as cp1252); ``str()`` is one line."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


Warn = Callable[[InputWarning], None]


def _python_warning(w: InputWarning) -> None:
    warnings.warn(w, stacklevel=3)


# --- the public API -------------------------------------------------------------------------------------------------


def load_document(path: Union[str, Path], source_id: Optional[str] = None, warn: Optional[Warn] = None) -> Document:
    """Read one source file (or ``-`` for stdin) into a Document; raises InputError with a one-line reason.

    Encoding notes go to ``warn`` (default: Python's ``warnings``), so a library caller is not left guessing.
    """
    warn = warn or _python_warning
    name = str(path)
    if name == STDIN:
        return _load_stdin(source_id or "stdin", warn)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUFFIXES:
        if not p.exists() and not p.is_symlink():
            raise InputError(name, "no such file or directory; check the path")
        raise InputError(name, "not a .txt, .md or .html file; convert it to text first")
    data = _read_bytes(p, name)
    meta = _read_sidecar(p, name)
    if suffix in HTML_SUFFIXES:
        body, found = _html_body(data, name)
        meta = {**found, **meta}
    else:
        text = _decode(data, name, warn)
        front, body = _split_front_matter(text, name)
        meta.update(front)
        if not body.strip():
            raise InputError(name, "no text after the front matter; add the article text below the closing '---'")
    return Document(source_id=source_id or slugify(p.stem), path=name, body=body, **meta)


def iter_documents(paths: Iterable[Union[str, Path]], warn: Optional[Warn] = None) -> Iterator[Union[Document, InputError]]:
    """Each source under ``paths`` (files, directories walked recursively in sorted order, ``-``), one at a time.

    Yields a Document per readable source and an InputError per skipped one; never raises for a bad file.
    Only one file is in memory at a time. Source ids come from file names; when two files in one run give the same
    id, the later one gets a suffix made from its path, so the same command gives the same ids every time.
    """
    warn = warn or _python_warning
    seen_ids: set[str] = set()
    seen_files: set[str] = set()
    for arg in paths:
        for item in _expand(arg):
            if isinstance(item, InputError):
                yield item
                continue
            key = item if item == STDIN else _real(item)
            if key in seen_files:
                continue
            seen_files.add(key)
            source_id = "stdin" if item == STDIN else slugify(Path(item).stem)
            if source_id in seen_ids:
                source_id = f"{source_id}-{sha1(item.encode('utf-8')).hexdigest()[:6]}"
            try:
                doc = load_document(item, source_id=source_id, warn=warn)
            except InputError as e:
                yield e
                continue
            except Exception as e:  # noqa: BLE001 - a bug must not stop the other files
                yield InputError(item, f"could not be read ({type(e).__name__}: {_one_line(e)}); please report this")
                continue
            seen_ids.add(source_id)
            yield doc


def slugify(stem: str) -> str:
    """A stable, URL- and SQL-friendly id from a file name stem: lower case ASCII letters, digits and hyphens."""
    ascii_ = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_.lower()).strip("-")
    return slug or "source-" + sha1(stem.encode("utf-8")).hexdigest()[:8]


# --- finding files --------------------------------------------------------------------------------------------------


def _expand(arg: Union[str, Path]) -> Iterator[Union[str, InputError]]:
    """The files one command-line argument stands for, or an InputError for a directory with none."""
    name = str(arg)
    if name == STDIN:
        yield STDIN
        return
    p = Path(name)
    if not p.is_dir():
        yield name
        return
    found = False
    for f in _walk(p):
        if isinstance(f, InputError):
            yield f
            continue
        found = True
        yield str(f)
    if not found:
        yield InputError(name, "no .txt, .md or .html files in this directory; point at the folder with the articles")


def _walk(d: Path) -> Iterator[Union[Path, InputError]]:
    """Source files under ``d``, sorted, recursively; hidden entries, sidecars and other types are passed over."""
    try:
        with os.scandir(d) as it:
            entries = sorted(it, key=lambda e: e.name)
    except PermissionError:
        yield InputError(str(d), "permission denied while listing the directory; check its permissions")
        return
    except OSError as e:
        yield InputError(str(d), f"cannot list the directory ({_one_line(e)})")
        return
    for e in entries:
        if e.name.startswith(".") or e.name.lower().endswith(SIDECAR_SUFFIX):
            continue
        if e.is_dir(follow_symlinks=False):
            yield from _walk(Path(e.path))
        elif e.is_file() and Path(e.name).suffix.lower() in SUFFIXES:
            yield Path(e.path)


def _real(name: str) -> str:
    try:
        return os.path.realpath(name)
    except (OSError, ValueError):
        return name


# --- reading bytes --------------------------------------------------------------------------------------------------


def _read_bytes(p: Path, name: str) -> bytes:
    """The file's bytes, after checking it exists, is a regular file and is not too large (checked before reading)."""
    try:
        st = p.stat()
    except FileNotFoundError:
        raise InputError(name, "no such file or directory; check the path") from None
    except PermissionError:
        raise InputError(name, "permission denied; check the file's permissions") from None
    except OSError as e:
        raise InputError(name, f"cannot be read ({_one_line(e)})") from None
    if p.is_dir():
        raise InputError(name, "is a directory")
    if not p.is_file():
        raise InputError(name, "not a regular file; save the article as a .txt, .md or .html file")
    if st.st_size > MAX_BYTES:
        raise InputError(name, f"too large ({_mb(st.st_size)} MB, limit {_mb(MAX_BYTES)} MB); split it into smaller files")
    if st.st_size == 0:
        raise InputError(name, "empty file; add the article text or remove the file")
    try:
        with open(p, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except PermissionError:
        raise InputError(name, "permission denied; check the file's permissions") from None
    except OSError as e:
        raise InputError(name, f"cannot be read ({_one_line(e)})") from None
    if len(data) > MAX_BYTES:  # grew after stat
        raise InputError(name, f"too large (over {_mb(MAX_BYTES)} MB); split it into smaller files")
    return data


def _load_stdin(source_id: str, warn: Warn) -> Document:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        data = stream.read(MAX_BYTES + 1)
    else:  # a text-only stdin (some test harnesses)
        data = sys.stdin.read(MAX_BYTES + 1).encode("utf-8")
    if len(data) > MAX_BYTES:
        raise InputError(STDIN, f"too large (over {_mb(MAX_BYTES)} MB); split it into smaller files")
    if not data.strip():
        raise InputError(STDIN, "empty input on stdin; pipe the article text in")
    head = data[:512].lstrip(_UTF8_BOM).lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        body, meta = _html_body(data, STDIN)
    else:
        front, body = _split_front_matter(_decode(data, STDIN, warn), STDIN)
        meta = front
        if not body.strip():
            raise InputError(STDIN, "no text after the front matter; add the article text below the closing '---'")
    return Document(source_id=source_id, path=STDIN, body=body, **meta)


def _decode(data: bytes, name: str, warn: Warn) -> str:
    """Text from bytes: UTF-8 (BOM stripped), else UTF-16 with a BOM, else cp1252 with a warning; binary refused."""
    if data.startswith(_UTF8_BOM):
        data = data[len(_UTF8_BOM):]
    elif data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(name, "starts like UTF-16 but is not; re-save it as UTF-8 text") from None
        warn(InputWarning(name, "read as UTF-16; re-save it as UTF-8 so offsets match other tools"))
        return _check_text(text, name)
    if b"\x00" in data:
        raise InputError(name, "binary file, not text; export the article as .txt, .md or .html first")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError(name, "neither UTF-8 nor Windows-1252 (cp1252) text; re-save it as UTF-8") from None
        text = _check_text(text, name)
        warn(InputWarning(name, "not UTF-8, read as Windows-1252 (cp1252); check the text and re-save it as UTF-8"))
        return text
    if not text.strip():
        raise InputError(name, "only whitespace; add the article text or remove the file")
    return _check_text(text, name)


def _check_text(text: str, name: str) -> str:
    """Refuse decoded 'text' that is mostly control characters: a binary file that happened to decode."""
    sample = text[:65536]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 100):
        raise InputError(name, "binary file, not text; export the article as .txt, .md or .html first")
    return text


# --- metadata -------------------------------------------------------------------------------------------------------


def _split_front_matter(text: str, name: str) -> tuple[dict, str]:
    """(metadata, body) for text that may begin with YAML front matter; the body is everything after it, untouched."""
    opening = _FRONT_OPEN.match(text)
    if not opening:
        return {}, text
    closing = _FRONT_CLOSE.search(text, opening.end())
    if not closing:
        raise InputError(name, "front matter starts with '---' but has no closing '---' line; add one")
    raw = text[opening.end():closing.start()]
    first_line = text.count("\n", 0, opening.end()) + 1
    return _parse_meta(raw, name, "front matter", first_line), text[closing.end():]


def _read_sidecar(p: Path, name: str) -> dict:
    sidecar = p.with_name(p.stem + SIDECAR_SUFFIX)
    try:
        raw = sidecar.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(name, f"its metadata file {sidecar.name} cannot be read ({_one_line(e)})") from None
    return _parse_meta(raw, name, sidecar.name)


class _MetaLoader(yaml.SafeLoader):
    """YAML without implicit timestamps, so a bad date like 2024-02-30 reaches our own one-line check."""


_MetaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _parse_meta(raw: str, name: str, where: str, first_line: int = 1) -> dict:
    """Validated Document fields from a YAML mapping; the InputError names the field and what it should be."""
    try:
        data = yaml.load(raw, Loader=_MetaLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        at = f" at line {mark.line + first_line}" if mark is not None else ""
        problem = getattr(e, "problem", None) or "invalid YAML"
        raise InputError(name, f"{where} is not valid YAML{at} ({problem}); fix or remove it") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(name, f"{where} must be 'key: value' lines ({', '.join(META_FIELDS)})")
    meta: dict = {}
    for key, value in data.items():
        if key not in META_FIELDS or value is None:
            continue
        if key == "published":
            meta[key] = _parse_date(value, name, where)
        elif key == "kind":
            if value not in SOURCE_KINDS:
                raise InputError(name, f"{where}: 'kind' must be primary, report or aggregator, not {value!r}")
            meta[key] = value
        elif isinstance(value, (str, int, float)) and not isinstance(value, bool):
            meta[key] = str(value).strip()
        else:
            raise InputError(name, f"{where}: '{key}' must be a single line of text")
    return meta


def _parse_date(value, name: str, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
        except ValueError:
            pass
    raise InputError(name, f"{where}: 'published' must be an ISO date like 2025-11-18, not {str(value)!r}")


# --- HTML -----------------------------------------------------------------------------------------------------------


def _html_body(data: bytes, name: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page via trafilatura (offline; drops menus, footers and reader comments)."""
    import trafilatura

    if b"\x00" in data:
        raise InputError(name, "binary file, not HTML; save the page as .html or its text as .txt")
    if not re.search(rb"<(html|body)\b", data[:65536], re.IGNORECASE):
        data = b"<html><body>" + data + b"</body></html>"  # a bare fragment: trafilatura wants a page
    try:
        result = trafilatura.bare_extraction(
            data,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as e:  # noqa: BLE001 - lxml and trafilatura raise many kinds on broken markup
        raise InputError(name, f"HTML could not be parsed ({_one_line(e)}); save the page's text as .txt") from None
    text = getattr(result, "text", None) if result is not None else None
    if not text or not re.search(r"[^\W\d_]{2}", text):
        raise InputError(name, "no article text found in this HTML; check the page, or save its text as .txt")
    meta: dict = {}
    for field, attr in (("title", "title"), ("url", "url"), ("author", "author"), ("outlet", "sitename")):
        value = getattr(result, attr, None)
        if isinstance(value, str) and value.strip():
            meta[field] = value.strip()
    published = getattr(result, "date", None)
    if published:
        try:
            meta["published"] = date.fromisoformat(str(published)[:10])
        except ValueError:
            pass
    return text, meta


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f}"


def _one_line(e: BaseException) -> str:
    return " ".join(str(e).split()) or type(e).__name__
