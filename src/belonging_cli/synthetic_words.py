"""The made-up manager's words in a synthetic journal (synthetic.py): people, places,
notes and reflections, filled in at random from a seed."""

from __future__ import annotations

PEOPLE = ("Ana", "Bilal", "Chen", "Dana", "Emeka", "Fatima", "Gus", "Hana")
SETTINGS = (
    "the Monday stand-up",
    "a 1:1",
    "the planning meeting",
    "a design review",
    "the incident call",
    "a hallway chat",
    "the quarterly review",
    "a hiring debrief",
)
CONTROL_NOTES = (
    "I rewrote {who}'s summary myself instead of asking what they meant.",
    "In {where} I gave the answer before anyone else had spoken.",
    "I set the deadline without asking {who} what was realistic.",
    "I checked on {who}'s progress three times in one day.",
    "I closed the discussion in {where} because we were running late.",
    "I decided the rota alone and announced it.",
)
INFLUENCE_NOTES = (
    "I asked {who} what they would do and used their idea.",
    "In {where} I waited and the quietest person spoke first.",
    "I shared why the goal matters and let the team pick the route.",
    "{who} ran {where} and I only asked questions.",
    "I told the team what happened to the ideas they offered last week.",
    "I admitted I did not know and asked {who} to lead the next step.",
)
REFLECTIONS = (
    "In {where}, {who} {moment}. I noticed I {reaction}. Next time I want to {intent}.",
    "Honestly, {moment_me}. {who} {moment}, and that told me more than any survey.",
    "It was {where} again: I {reaction}. What helped was that {who} {moment}.",
    "I keep coming back to {where}. {who} {moment}; I {reaction}, and I want to {intent}.",
)
MOMENTS = (
    "raised a concern nobody else had mentioned",
    "stayed silent until I asked directly",
    "pushed back on my plan in front of the team",
    "took the lead without being asked",
    "brought bad news early",
    "looked relieved when I admitted I was unsure",
)
REACTIONS = (
    "wanted to fix it myself",
    "held back and asked a question instead",
    "felt the pull to decide quickly",
    "was more curious than defensive",
    "rushed to reassure rather than listen",
)
INTENTS = (
    "ask before I tell",
    "leave more silence",
    "say what happened to their idea",
    "block the time and keep it",
    "name the tension out loud",
)
MOMENTS_ME = (
    "I was tired and it showed",
    "I protected the time for once",
    "I caught myself mid-sentence",
    "I let the messy draft go out",
    "I did not notice until Friday",
)
# What happened when a rating moved: a note that agrees with the way it moved.
ROSE_NOTES = (
    "{who} said the meeting felt different.",
    "I did it on purpose in {where}.",
    "It held even under the deadline.",
    "The team ran it without me.",
)
FELL_NOTES = (
    "Busy week: I fell back on deciding alone.",
    "I slipped in {where}.",
    "The deadline got away from me and I took over.",
)
HAPPENED = (
    "I tried it twice; the second time went better.",
    "{who} noticed and asked what had changed.",
    "It felt awkward at first, then people joined in.",
    "The week got away from me after Tuesday.",
    "I did half of it, in {where} only.",
)
LEARNED = (
    "People fill the space I leave.",
    "It takes less time than I feared.",
    "I need to put it in the calendar or it does not happen.",
    "The team had better ideas than mine.",
    "Saying it out loud made the tension smaller.",
)
# The two lenses that have no notes above: the setting, and a few people.
ENVIRONMENT_NOTES = (
    "I moved the stand-up so the night shift could join.",
    "I put the open questions on the board instead of in my head.",
    "I cancelled the status meeting and we wrote updates instead.",
    "Nothing this week: I was in the work, not the setting.",
    "I gave {who} access to the dashboard so they stop waiting on me.",
)
PEOPLE_NOTES = (
    "{who} felt heard in {where}, I think; I am less sure about {other}.",
    "I challenged {who} on the estimate and they pushed back well.",
    "{who} seemed supported; {other} I barely saw this week.",
    "I made time for {who} after {where}, and they opened up.",
)
# Something that went well, however small.
WINS = (
    "{who} ran {where} and it went well.",
    "We shipped the thing we had been stuck on.",
    "I kept my thinking hour on Thursday.",
    "{who} asked me for feedback, unprompted.",
    "A hard conversation with {who} went better than I feared.",
)
# When and with whom an experiment will be tried (the weekly's plan).
PLANS = (
    "{where}, with {who}",
    "Tuesday, at {where}",
    "My 1:1 with {who} on Thursday",
    "Friday morning, before {where}",
)
HELP = (
    "A quiet morning without meetings.",
    "Handing the rota to {who} for a week.",
    "An early night or two.",
)
