"""The coding engine: pure stage functions from text to events.

segment (sentences) -> tokens -> actors (mentions, phrases) -> actions (verb triggers) -> cues
(topics, negation, intention) and search (subjects, objects, places) -> assemble (events) -> dates,
locations. :mod:`events.coder` composes them with the loaded dictionaries and language rules.
"""
