"""The built-in report templates compiled to Python (see reports/builtin_templates.py)."""
