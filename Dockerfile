# interview-bot: one image for the Telegram bot, the Slack bot and the terminal commands.
#   docker build -t interview-bot .      docker run --rm interview-bot ask "戈麦斯怎么看合成数据？"
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATA_DIR=/app/data

WORKDIR /app
RUN useradd --create-home --uid 10001 --shell /usr/sbin/nologin bot

# Dependencies first, pinned by the lock file (the set the tests passed with), so code changes do not
# reinstall them and a later build installs the same versions.
COPY requirements/app.txt ./requirements/app.txt
RUN pip install -r requirements/app.txt

COPY pyproject.toml README.md ./
COPY corpus ./corpus
COPY retrieval ./retrieval
COPY bot ./bot
RUN pip install --no-deps . \
    && rm -rf build *.egg-info \
    && mkdir -p "$DATA_DIR" \
    && chown bot:bot "$DATA_DIR"

USER bot
# Warm everything at build time: the segmenter's dictionary, the German/English lemma file (in the bot's
# ~/.cache), the migrated SQLite database with the
# tokenized corpus and the saved BM25 index (used as is without DATABASE_URL; a PostgreSQL database
# is migrated and filled once, by the first replica that starts).
RUN interview-bot index \
    && interview-bot ask --json "戈麦斯怎么看合成数据？" > /dev/null \
    && python -c "from retrieval.query import warm_up; warm_up()"

# 8443: Telegram webhook, 3000: Slack HTTP mode, 9100: /healthz and /metrics (when METRICS_PORT is set)
EXPOSE 8443 3000 9100
STOPSIGNAL SIGTERM
ENTRYPOINT ["interview-bot"]
CMD ["--help"]
