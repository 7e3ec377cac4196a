"""In-app notifications: what a person is told in the app, at the level they chose."""
