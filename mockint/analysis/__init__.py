"""What a run shows about itself: insights into answers and what to practise next. Above the session."""
