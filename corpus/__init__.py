"""The articles as scraped, and reading them into Articles and Passages."""
