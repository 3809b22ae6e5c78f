"""interview-bot: answers questions about interviews by quoting the interviewees, with a link to the article."""
