"""The wire between two terminals: the host (the interviewer's process) sends the candidate's
view to one joined candidate, who sends back intents. Above the session, below the UI; no
textual import (ARCHITECTURE.md)."""
