"""Finders: is this stretch speech, and of what kind? Each yields claims with their cue."""
