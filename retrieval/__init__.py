"""Tokenize, index and rank: from passages and a question to the passages that answer it."""
