"""The read side: actors, claims, check and quotes, used by the CLI, reports and evaluate."""
