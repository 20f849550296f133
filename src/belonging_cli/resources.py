"""Find the content shipped with the package: rubrics/ and prompts/.

In a wheel they sit inside the package (`_content/`); an editable install
cannot see force-included folders, so fall back to the source tree.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def packaged_dir(name: str) -> Path:
    """The packaged folder `name` ("rubrics" or "prompts")."""
    inside = _PACKAGE_DIR / "_content" / name
    if inside.is_dir():
        return inside
    source_tree = _PACKAGE_DIR.parent.parent / name
    if source_tree.is_dir():
        return source_tree
    from belonging_cli.errors import BelongingError

    raise BelongingError(
        f"the packaged {name} folder is missing from this installation",
        hint="reinstall belonging-cli",
    )
