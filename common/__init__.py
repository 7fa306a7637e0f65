"""Qt-free helpers every room may use (file writes, names, listings); imports nothing of ours."""
