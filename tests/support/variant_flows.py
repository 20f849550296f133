"""A one-step flow file whose text step has the `variants:` given, for the tests of
how variants are validated (unit, property and CLI tests alike).

from support.variant_flows import variant_flow

path.write_text(variant_flow("- {id: control.rule, question: Which rule?}"))
"""

from __future__ import annotations

# The step's `variants:` come last, so the YAML given goes straight under them.
HEAD = """\
id: tiny
title: Tiny
description: A tiny flow.
minutes: 2
steps:
  - id: control
    kind: {kind}
    question: Where did you lean on control?
    variants:"""


def variant_flow(variants: str, kind: str = "long_text", *, inline: bool = False) -> str:
    """The flow with `variants`: YAML lines (a block list) indented under the key, or
    `inline`, one flow-style value (JSON, say) on the key's line."""
    head = HEAD.format(kind=kind)
    if inline:
        return f"{head} {variants}\n"
    return head + "\n" + "".join(f"      {line}\n" for line in variants.splitlines())
