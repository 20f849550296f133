"""belonging: a command-line leadership self-coaching tool."""

# A literal on purpose: reading package metadata at startup costs ~30 ms.
__version__ = "0.1.0"
