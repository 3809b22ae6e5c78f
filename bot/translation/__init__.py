"""Machine translation beside a verbatim quote, from a self-hosted LibreTranslate server."""
