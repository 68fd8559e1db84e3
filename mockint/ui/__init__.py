"""The Textual UI: the app, its screens and widgets; the only place that imports textual. Above storage."""
