"""Question -> Reply, platform-neutral: the Library, the answerer, Reply types and every user-facing text."""
