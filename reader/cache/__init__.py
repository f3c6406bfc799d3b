"""Results kept on disk between launches (the user cache dir): the analysis cache."""
