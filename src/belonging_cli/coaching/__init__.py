"""Coaching: exercise packs imported into the journal, and the coach's roll-up of clients.

Pure code: no terminal and no database here. The commands in `cli/coach.py` and
`cli/exercises.py` read files, open the journal and print.
"""
