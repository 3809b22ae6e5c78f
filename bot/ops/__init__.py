"""Operations: health and metrics endpoints, graceful shutdown, log redaction, deploy commands.

Kept import-light: submodules are imported where they are used.
"""
