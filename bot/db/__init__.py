"""Everything SQLAlchemy: schema, engines, migrations, the stored corpus and chat state."""
