"""Quote of the day, platform-neutral: choosing quotes, rotations, schedules, subscriptions and posting."""
