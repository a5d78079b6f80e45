"""Grouping: claims into topics (stories), articles into events (happenings), and the candidate blocking that
finds which sentences of other articles are worth comparing with a claim."""
