"""360 feedback from plain files: the rater form, reading filled forms, and the
anonymous aggregate a collector makes of them (docs/feedback.md)."""
