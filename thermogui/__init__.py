"""ThermoGUI: watch gradient descent calibrate a thermometer."""

__version__ = "0.1.0"
