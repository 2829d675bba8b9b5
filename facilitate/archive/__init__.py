"""The organisation's archive on PostgreSQL: sessions copied record by record, and read back.

A storage adapter like the store (the only package that imports psycopg): the application
layer reads the local sessions with the store and hands them here (``app/archive.py``).
The schema is plain versioned SQL files (``migrations/``), applied under an advisory lock.
"""
