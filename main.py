#!/usr/bin/env python3
"""Start ThermoGUI (double-click this file, or run `python main.py`)."""
from thermogui.cli import main

main()
