"""Pure text functions (no I/O, no database): normalize, sentences, claims, facts, topics, stance."""

OTHER_LABEL = "أخرى"  # the catch-all topic of claims that fit no other (here so readers need not load topics)
