"""Progress reports: journal records -> a report model (pure) -> Markdown, HTML, JSON, terminal."""
