"""The use cases: what a facilitator, note-taker or coordinator does with a session.

The command line and the web server call these; they take their collaborators (store,
library, clock) as parameters and never print.
"""
