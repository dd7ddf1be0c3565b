// Alignment engine: see issue 3.
