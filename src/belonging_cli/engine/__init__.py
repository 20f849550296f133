"""The session engine: pure logic that turns a flow into questions and answers into records.

No terminal and no database here (see ask.py and journal/): that is what makes it testable.
"""
