"""Adding interviews (URL or file): fetch, extract, find speakers, cut into passages, store; no platform imports."""
