"""Plan screens: set-up, the 8 weeks at a glance, the printable week (Qt)."""
