"""Evidence from the person's own week, measured locally: calendars (and transcripts).

Stdlib at import; the readers import their libraries inside their functions.
"""
