"""The Qt side: widgets, the training worker and the main window."""
