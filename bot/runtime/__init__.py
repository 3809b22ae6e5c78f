"""Process wiring: settings, the AppContext built once per process, the live library, health, metrics, logs."""
