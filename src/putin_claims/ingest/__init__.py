"""Articles in: readers per format, decoding, lines, boilerplate, metadata, paragraphs."""
