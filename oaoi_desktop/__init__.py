"""oaoi-desktop: offline judging of public-service innovations."""

__version__ = "0.1.0"
APP_NAME = "oaoi-desktop"
