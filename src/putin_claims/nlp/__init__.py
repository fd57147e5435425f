"""The spaCy stage: the finders as registered components, and Docs turned into records."""
