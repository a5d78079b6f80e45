"""The word layer the rest builds on: characters (normalize), tokens, stems and roots, word lists (Arabic, and
the English function words news copy carries), names and places, numbers written in words, index terms."""
