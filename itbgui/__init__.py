"""ITB Coach: a follow-along hip-strengthening coach for runners with IT band syndrome."""

__version__ = "0.1.0"
APP_NAME = "ITB Coach"
APP_ID = "itb-coach"
