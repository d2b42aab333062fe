"""Teamtafel's domain: SQLAlchemy models and the services around them. No Qt here."""
