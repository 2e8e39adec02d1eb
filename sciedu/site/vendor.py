"""Third-party browser assets for the offline site, installed from the npm registry by the build.

KaTeX renders the maths. The tarball is pinned by version and by the registry's sha512 integrity,
cached in ``~/.cache/sciedu`` (or ``$SCIEDU_CACHE``), and unpacked into ``build/vendor/``; nothing is
committed by hand and the built site never loads it from a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import tarfile
import urllib.request
from pathlib import Path

from sciedu.errors import BuildError

KATEX_VERSION = "0.19.1"
KATEX_INTEGRITY = "sha512-jG8uKntjSEcm2EpQOh0XturpPuuC9r3Sq5HLHdsFdWZT27E672SF19QEi+of0/YeOy15lDgRhKvr5614uRrEfA=="
KATEX_TARBALL = f"https://registry.npmjs.org/katex/-/katex-{KATEX_VERSION}.tgz"
#: What the pages need: the library, auto-render, the stylesheet and the woff2 fonts it names.
KATEX_FILES = ("dist/katex.min.js", "dist/katex.min.css", "dist/contrib/auto-render.min.js")


def cache_dir() -> Path:
    return Path(os.environ.get("SCIEDU_CACHE", Path.home() / ".cache" / "sciedu"))


def katex(vendor_root: Path) -> Path:
    """``vendor_root/katex`` holding KaTeX; downloads once, then works offline from the cache."""
    target = vendor_root / f"katex-{KATEX_VERSION}"
    if (target / "katex.min.js").is_file():
        return target
    data = _tarball()
    staging = target.with_name(target.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "fonts").mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        for member in tar.getmembers():
            name = member.name.removeprefix("package/")
            if name in KATEX_FILES or (name.startswith("dist/fonts/") and name.endswith(".woff2")):
                extracted = tar.extractfile(member)
                if extracted is None:
                    continue
                out = staging / (name.removeprefix("dist/").removeprefix("contrib/"))
                out.parent.mkdir(parents=True, exist_ok=True)
                out.write_bytes(extracted.read())
    shutil.rmtree(target, ignore_errors=True)
    staging.rename(target)
    return target


def _tarball() -> bytes:
    cached = cache_dir() / f"katex-{KATEX_VERSION}.tgz"
    if cached.is_file() and _verified(cached.read_bytes()):
        return cached.read_bytes()
    try:
        with urllib.request.urlopen(KATEX_TARBALL, timeout=60) as response:  # noqa: S310 (fixed https URL)
            data = response.read()
    except OSError as exc:
        msg = (f"cannot download KaTeX {KATEX_VERSION} from the npm registry ({exc}); "
               f"connect once, or put the tarball at {cached}")
        raise BuildError(msg) from None
    if not _verified(data):
        msg = f"the KaTeX {KATEX_VERSION} tarball does not match its pinned sha512; refusing to use it"
        raise BuildError(msg)
    cached.parent.mkdir(parents=True, exist_ok=True)
    cached.write_bytes(data)
    return data


def _verified(data: bytes) -> bool:
    expected = base64.b64decode(KATEX_INTEGRITY.removeprefix("sha512-"))
    return hashlib.sha512(data).digest() == expected
