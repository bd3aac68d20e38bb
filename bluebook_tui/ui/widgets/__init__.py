"""The reader's widgets, one per module; each posts typed messages (see `bluebook_tui.ui.messages`)."""
