"""The site in a real browser: Debian's Chromium driven through Playwright (marker `browser`)."""
