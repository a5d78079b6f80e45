"""Pure text functions (no I/O, no database): normalization, sentences, claims, facts, topics, stance."""
