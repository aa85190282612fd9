"""Qt-free briefing-pack builder (ReportLab): layout, charts, annexes, security."""
