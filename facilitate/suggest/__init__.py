"""Offline suggestions for the facilitator to accept or edit (themes from near-duplicates and
shared word stems). Pure computation like the model, but backed by rapidfuzz and
snowballstemmer, so it lives beside the model rather than in it: no I/O, no network.
"""
