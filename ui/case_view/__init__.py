"""The case view and its tabs (one module per tab)."""

from ui.case_view.view import CaseView

__all__ = ["CaseView"]
