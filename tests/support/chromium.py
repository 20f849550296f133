"""Headless chromium for the browser tests: run it on a page, read what it logged,
and read its screenshots (8-bit PNG, decoded here: no imaging library needed).

Skipped only where chromium is not installed; in CI (CI=true) a missing chromium fails,
as .ci/run installs it.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import zlib
from pathlib import Path

import pytest

from support.places import REPO

CHROMIUM = shutil.which("chromium")
ARTIFACTS = REPO / "test-artifacts"
AVERAGE_COLOUR = (0x1F, 0x5F, 0x8B)  # reports/render.py: the rating lines
BALANCE_COLOUR = (0xC0, 0x62, 0x2B)  # the control-or-influence line
WIDTH, HEIGHT = 1200, 2400


def require_chromium() -> str:
    """The chromium to run, or the test skipped (failed in CI) without one."""
    if CHROMIUM is None:
        if os.environ.get("CI") == "true":
            pytest.fail("chromium is missing in CI: .ci/run should have installed it")
        pytest.skip("chromium not installed (apt-get install chromium)")
    return CHROMIUM


def run_chromium(
    chromium: str, page: Path, profile: Path, *mode: str, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> tuple[str, str]:
    """One headless run on `page`; its stdout and stderr."""
    done = subprocess.run(
        [
            chromium,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            "--enable-logging=stderr",
            "--v=0",
            f"--window-size={size[0]},{size[1]}",
            *mode,
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout, done.stderr


def console_messages(stderr: str) -> list[str]:
    """What the page logged to the console (chromium prints them as INFO:CONSOLE lines)."""
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def read_png(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and RGB rows of an 8-bit RGB/RGBA, non-interlaced PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, chunks, header = 8, b"", b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind, body = data[pos + 4 : pos + 8], data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks += body
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    step = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(chunks), width * step
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous, strict=True))
        elif kind != 0:  # sub, average, paeth: byte by byte (rare in screenshots)
            for x in range(stride):
                left = line[x - step] if x >= step else 0
                up, corner = previous[x], previous[x - step] if x >= step else 0
                if kind == 1:
                    line[x] = (line[x] + left) & 0xFF
                elif kind == 3:
                    line[x] = (line[x] + (left + up) // 2) & 0xFF
                else:
                    p = left + up - corner
                    pa, pb, pc = abs(p - left), abs(p - up), abs(p - corner)
                    best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
                    line[x] = (line[x] + best) & 0xFF
        previous = bytes(line)
        rgb = previous if step == 3 else b"".join(previous[i : i + 3] for i in range(0, stride, 4))
        rows.append(rgb)
    return width, height, rows


def extent(rows: list[bytes], colour: tuple[int, int, int]) -> tuple[int, int, int]:
    """How many pixels are exactly `colour`, and the width and height of where they are."""
    pattern = re.compile(re.escape(bytes(colour)))
    xs: list[int] = []
    ys: list[int] = []
    for y, row in enumerate(rows):
        for match in pattern.finditer(row):
            if match.start() % 3 == 0:
                xs.append(match.start() // 3)
                ys.append(y)
    if not xs:
        return 0, 0, 0
    return len(xs), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1


def screenshot(
    chromium: str, page: Path, tmp_path: Path, name: str, size: tuple[int, int] = (WIDTH, HEIGHT)
) -> list[bytes]:
    """The page as drawn (RGB rows), kept in test-artifacts/ for a person to look at."""
    shot = tmp_path / f"{name}.png"
    profile = tmp_path / "profile-shot"
    _, err = run_chromium(chromium, page, profile, f"--screenshot={shot}", size=size)
    assert console_messages(err) == []
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(shot, ARTIFACTS / f"{name}.png")
    width, height, rows = read_png(shot.read_bytes())
    assert (width, height) == size
    return rows
