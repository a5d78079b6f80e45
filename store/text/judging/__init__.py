"""Judging a pair of sentences: the statement reading (figures bound to what they count, days, negation and
denial scope), the figure ledger, the hand rules, the learned judgement, and match, which turns a judgement into
evidence and a suggested verdict."""
