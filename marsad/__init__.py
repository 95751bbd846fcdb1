"""Marsad (مرصد): evidence-backed events, statements, stances and contradictions from Arabic news."""

__version__ = "0.1.0"
# Bumped whenever an extraction stage changes its output: stored documents analysed by an older
# version are re-analysed on the next ingest.
ANALYSIS_VERSION = "2026.12.07-4"
