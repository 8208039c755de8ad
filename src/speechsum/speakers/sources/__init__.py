"""Sources: which mention is the speaker of a found claim? Each returns a reference or None."""
