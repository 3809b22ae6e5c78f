"""Adding interviews to the corpus: `interview-bot add URL|FILE`, `remove`, and chat `/add` for admins.

fetch (HTTP/file, bounded) -> extract (trafilatura: text + metadata) -> speakers (label detection)
-> prepare (corpus.loader.parse_article, tokens) -> service (duplicates, version links, one
transaction, corpus_version bump that running bots pick up; see bot.live).
"""
