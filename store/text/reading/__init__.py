"""What one article says, sentence by sentence: sentences, the facts of each (figures, days, places, names,
negations), whom a sentence quotes, which sentences are check-worthy claims; pipeline runs them on an article."""
