"""Custom rubric and flow folders, each told apart from the built-in ones by its ids.

from support.custom_content import custom_rubric, custom_flows

rubric = custom_rubric(tmp_path / "acme", "acme")  # behaviour `acme-belonging`
flows = custom_flows(tmp_path / "flows", "team-check", rates="acme-belonging")
"""

from __future__ import annotations

from pathlib import Path

from belonging_cli.resources import packaged_dir


def custom_rubric(folder: Path, rubric_id: str) -> Path:
    """A one-behaviour rubric `rubric_id` whose behaviour is `{rubric_id}-belonging`,
    titled "Belonging the {rubric_id} way": none of them is in the built-in rubric."""
    packaged = packaged_dir("rubrics")
    folder.mkdir(parents=True)
    manifest = (packaged / "rubric.yaml").read_text(encoding="utf-8")
    (folder / "rubric.yaml").write_text(
        manifest.replace("id: belonging-core", f"id: {rubric_id}"), encoding="utf-8"
    )
    behaviour = (packaged / "01-cultivate-belonging.yaml").read_text(encoding="utf-8")
    (folder / f"{rubric_id}.yaml").write_text(
        behaviour.replace("id: cultivate-belonging", f"id: {rubric_id}-belonging").replace(
            "title: Cultivate belonging", f"title: Belonging the {rubric_id} way"
        ),
        encoding="utf-8",
    )
    return folder


def custom_flows(folder: Path, flow_id: str, *, rates: str = "cultivate-belonging") -> Path:
    """A folder holding one short flow `flow_id`, which rates the behaviour `rates`."""
    folder.mkdir(parents=True)
    (folder / f"{flow_id}.yaml").write_text(
        f"id: {flow_id}\n"
        f"title: Flow {flow_id}\n"
        "description: Two questions about the team.\n"
        "minutes: 2\n"
        "steps:\n"
        "  - id: mood\n"
        "    kind: scale\n"
        "    question: How is the team?\n"
        "    labels: [low, ok, high]\n"
        "  - id: rating\n"
        "    kind: rate\n"
        f"    behaviour: {rates}\n",
        encoding="utf-8",
    )
    return folder
