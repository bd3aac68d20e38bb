"""Where the index lives on disk, which build of it is current, and the lock that serialises builds.

Layout of an index directory (`<content_dir>/../index` for a library folder named `content`, else
`<content_dir>/../<name>.index`, or a per-library folder in the user cache):

    current.json        the manifest: schema version, library, content hash and directory of the current build, and
                        each edition file's hash and edition id (what the next build can keep)
    gen-<hash>-<id>/    complete Whoosh indexes; the manifest names one of them
    .build-*/           a build in progress (or killed half-way: removed by the next build)
    .lock               held (flock) by whoever builds, so two processes never build at once

A build is written into a fresh `.build-*` directory, renamed to `gen-*` and only then named in the manifest,
which is replaced atomically; readers take no lock and always see a complete index. A build after an edition was
added, changed or removed starts from a copy of the current one and re-indexes only those editions.
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from bluebook_tui.library.files import file_stamp
from bluebook_tui.library.paths import APP_NAME, is_installed_bundle

INDEX_DIR_NAME = "index"
MANIFEST_NAME = "current.json"
LOCK_NAME = ".lock"
GENERATION_PREFIX = "gen-"
BUILD_PREFIX = ".build-"


class Manifest(NamedTuple):
    """What the current build was made from (which library, at which content), and where it is."""

    schema: int
    content: str
    generation: str
    library: str = ""  # the resolved content dir: an index answers for its own library only
    # Each edition file's name → [its hash, the edition id it holds]: which editions the build is of.
    files: dict[str, list[str]] = {}  # noqa: RUF012 (a named tuple's default: shared, never changed in place)
    # Each edition file's name → [size, mtime in ns] when it was hashed: while they all stay so, the build is
    # current without reading and hashing every file again (a search command's start with 50 editions).
    stamps: dict[str, list[int]] = {}  # noqa: RUF012 (as `files`)


def file_stamps(content_dir: Path) -> dict[str, list[int]]:
    """Each edition file's size and modification time."""
    return {path.name: file_stamp(path) for path in sorted(content_dir.glob("*.md"))}


def file_hashes(content_dir: Path) -> dict[str, str]:
    """Each edition file's SHA-256, by file name."""
    import hashlib  # ~3 ms to load OpenSSL: only when the files' stamps do not already say the build is current

    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in sorted(content_dir.glob("*.md"))}


def content_hash(content_dir: Path, files: dict[str, str] | None = None) -> str:
    """A digest of the library's editions (names and bytes): it changes whenever any edition does."""
    import hashlib

    digest = hashlib.sha256()
    for name, file_hash in sorted((files if files is not None else file_hashes(content_dir)).items()):
        digest.update(f"{name}\0{file_hash}\0".encode())
    return digest.hexdigest()


def default_index_root(content_dir: Path) -> Path:
    """`index/` beside the library when that can be written, else a folder for this library in the user cache."""
    if is_installed_bundle(content_dir):
        return cache_index_root(content_dir)
    beside = content_dir.parent / index_dir_name(content_dir)
    if beside.is_dir() and os.access(beside, os.W_OK):
        return beside
    if not beside.exists() and os.access(content_dir.parent, os.W_OK):
        return beside
    return cache_index_root(content_dir)


def index_dir_name(content_dir: Path) -> str:
    """`index` for a library folder named `content` (a clone's), else `<name>.index`: two libraries side by side
    in one folder never share an index."""
    return INDEX_DIR_NAME if content_dir.name == "content" else f"{content_dir.name}.{INDEX_DIR_NAME}"


def cache_index_root(content_dir: Path) -> Path:
    """This library's folder for its index in the user cache."""
    import hashlib

    from platformdirs import user_cache_path

    library_key = hashlib.sha256(str(content_dir).encode()).hexdigest()[:16]
    return user_cache_path(APP_NAME) / INDEX_DIR_NAME / library_key


class IndexStore:
    """The builds of one library's index in one directory."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def manifest_path(self) -> Path:
        return self.root / MANIFEST_NAME

    def read_manifest(self) -> Manifest | None:
        """The current build's manifest; None when there is none yet or it cannot be read."""
        try:
            return Manifest(**json.loads(self.manifest_path.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return None

    def manifest_stamp(self) -> tuple[int, int] | None:
        """Changes whenever a new build is published (the manifest is replaced, never rewritten in place)."""
        try:
            stat = self.manifest_path.stat()
        except OSError:
            return None
        return stat.st_ino, stat.st_mtime_ns

    def generation_path(self, manifest: Manifest) -> Path:
        return self.root / manifest.generation

    @contextmanager
    def build_lock(self) -> Iterator[None]:
        """Held while building and publishing; a second builder waits here, then finds the work done."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / LOCK_NAME, "a+b") as lock_file:
            fcntl.flock(lock_file, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock_file, fcntl.LOCK_UN)

    def new_build_dir(self) -> Path:
        """A private, empty directory to build into (call with the build lock held)."""
        import tempfile

        self.root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=BUILD_PREFIX, dir=self.root))

    def publish(
        self,
        build_dir: Path,
        schema: int,
        content: str,
        library: str,
        files: dict[str, list[str]],
        stamps: dict[str, list[int]],
    ) -> Manifest:
        """Make a finished build current, then remove what no reader can still be opening."""
        import shutil

        previous = self.read_manifest()
        generation = f"{GENERATION_PREFIX}{content[:12]}-{build_dir.name.removeprefix(BUILD_PREFIX)}"
        build_dir.rename(self.root / generation)
        manifest = Manifest(schema, content, generation, library, files, stamps)
        try:
            self._write_manifest(manifest)
        except OSError:
            # A manifest that cannot be replaced (a folder stands in its place, say): leave nothing half-made.
            shutil.rmtree(self.root / generation, ignore_errors=True)
            raise
        # A reader that read the old manifest a moment ago may be opening the previous build: keep it.
        keep = {generation, previous.generation if previous else ""}
        for entry in self.root.iterdir():
            if entry.name.startswith((GENERATION_PREFIX, BUILD_PREFIX)) and entry.name not in keep:
                shutil.rmtree(entry, ignore_errors=True)
        return manifest

    def restamp(self, manifest: Manifest, stamps: dict[str, list[int]]) -> Manifest:
        """The current manifest with new file stamps, written in place of it (call with the build lock held);
        unchanged when another build was published since `manifest` was read."""
        current = self.read_manifest()
        if current != manifest or manifest.stamps == stamps:
            return manifest
        restamped = manifest._replace(stamps=stamps)
        self._write_manifest(restamped)
        return restamped

    def _write_manifest(self, manifest: Manifest) -> None:
        staging = self.root / f"{MANIFEST_NAME}.tmp"
        try:
            staging.write_text(json.dumps(manifest._asdict()), encoding="utf-8")
            os.replace(staging, self.manifest_path)
        except OSError:
            staging.unlink(missing_ok=True)
            raise
