"""Sessions on disk: the session store, locks, the journal's line format, durable writes, ids.

Nothing here prints or prompts; errors are raised for the command line (or the web server)
to report.
"""
