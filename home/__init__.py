"""The site shell: dashboards, menu, the placement tab bar and the demo data; depends on every domain app."""
