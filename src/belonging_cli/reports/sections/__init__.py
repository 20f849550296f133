"""The sections of a report, one module each, every one built against a `reports.scope.Scope`."""
