"""The coding engine: pure stage functions from text to events.

segment -> tokens -> actors -> actions -> assemble -> dates/locations; :mod:`events.coder` composes
them with the loaded dictionaries and language rules.
"""
