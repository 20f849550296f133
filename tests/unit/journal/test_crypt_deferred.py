"""Opening a journal keyed in the OS keyring does not pay for modules keyring never uses
(status is meant to answer within 150 ms), and those modules still work when used."""

from __future__ import annotations

import subprocess
import sys

from support.places import REPO

PROBE = """
import sys
from belonging_cli.journal.crypt import finding
finding._keyring()
print("http.client" in sys.modules, "ssl" in sys.modules, "more_itertools.more" in sys.modules)
from urllib.request import Request, urlopen
import urllib.request
print(urllib.request.Request is Request, callable(urlopen), "http.client" in sys.modules)
import more_itertools
print(callable(more_itertools.consume))
import bz2, lzma  # put off through shutil: they still work when used
print(bz2.decompress(bz2.compress(b"ok")) == lzma.decompress(lzma.compress(b"ok")) == b"ok")
import logging, traceback  # a logged exception still formats its traceback
try:
    1 / 0
except ZeroDivisionError as exc:
    info = (type(exc), exc, exc.__traceback__)
    print("ZeroDivisionError" in logging.Formatter().formatException(info))
"""


def test_the_keyring_comes_without_urllib_request_which_still_works_when_used() -> None:
    env = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.split("\n")[:5]
    assert lines == ["False False False", "True True True", "True", "True", "True"]


DISCOVERY = """
import sys
from belonging_cli.journal.crypt import finding
keyring = finding._keyring()
print(type(sys.modules["configparser"]).__name__, type(sys.modules["tempfile"]).__name__)
print(type(keyring.get_keyring()).__module__)
"""


def test_a_named_backend_skips_keyring_discovery_and_discovery_still_works() -> None:
    """PYTHON_KEYRING_BACKEND names the backend: keyring's discovery (configparser,
    importlib_metadata's entry points) is never run, so never imported; without a name,
    keyring reads its config and walks the installed backends through the stand-ins."""
    named = {"PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring", "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [sys.executable, "-c", DISCOVERY], capture_output=True, text=True, env=named, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["_Deferred _Deferred", "keyring.backends.null"]
    plain = {"PATH": "/usr/bin:/bin", "HOME": str(REPO / "no-such-home")}
    done = subprocess.run(
        [sys.executable, "-c", DISCOVERY], capture_output=True, text=True, env=plain, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[1].startswith("keyring.backends."), done.stdout
