"""Stage 1: read bytes from files, standard input, HTML and JSON Lines into decoded stories."""
