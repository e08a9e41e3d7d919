"""The shape of a synced table: its registers, references, the fields it keeps beside its
rows (sides) and its references to the unit's registers (lookups). The tables themselves are
listed in storage/team/tables.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Side:
    """Fields a record keeps in another table, keyed by the record's id (storage/team/sides.py).

    ``many=False``: at most one row (a placement's protected address, a person's fictitious
    identity, a case's reason for ending); its columns travel as ``prefix + column``, all
    ``None`` when there is no row. ``many=True``: a set of rows (a needs assessment's domain
    ratings, a follow-up's domains and interventions, a case's partners) travelling as one
    field named ``prefix``: a JSON list of rows, sorted. ``stamp``: local columns set to the
    current time when a row is written (not synced). ``refs``: columns that reference
    another synced record (travel as its uid).
    """

    table: str
    key: str
    columns: tuple[str, ...]
    prefix: str
    many: bool = False
    stamp: tuple[str, ...] = ()
    refs: dict[str, str] = field(default_factory=dict)

    @property
    def wire(self) -> tuple[str, ...]:
        if self.many:
            return (self.prefix,)
        return tuple(self.prefix + c for c in self.columns)


@dataclass(frozen=True)
class Lookup:
    """A reference to an entry of one of the unit's registers (a provision, a method, a
    provider, a group): it travels as the entry's own fields (``prefix + column``, the first
    column its key); the receiver finds the entry by its key or adds it (sides.py)."""

    column: str
    table: str
    columns: tuple[str, ...]
    prefix: str

    @property
    def wire(self) -> tuple[str, ...]:
        return tuple(self.prefix + c for c in self.columns)


@dataclass(frozen=True)
class TableSpec:
    name: str
    groups: tuple[tuple[str, ...], ...]
    refs: dict[str, str] = field(default_factory=dict)
    #: fields that travel only under a share with protected data (persons: when protected)
    protected: tuple[str, ...] = ()
    removable: bool = False
    #: (column, table) for a record that belongs to its case through another record
    parent: tuple[str, str] | None = None
    sides: tuple[Side, ...] = ()
    lookups: tuple[Lookup, ...] = ()
    #: registers that always travel only under a share with protected data (masked to null)
    secret: tuple[str, ...] = ()
    #: registers added in schema step 12: a record's first operation may lack them
    later: tuple[str, ...] = ()
    #: local columns set to the current time when a merge writes the row
    touch: tuple[str, ...] = ()

    @property
    def link(self) -> str:
        """The column that ties a record to its case or its parent record."""
        return "case_id" if self.parent is None else self.parent[0]

    @property
    def columns(self) -> tuple[str, ...]:
        """The synced fields that are columns of the table itself."""
        derived = {w for s in self.sides for w in s.wire} | {
            w for lk in self.lookups for w in lk.wire
        }
        return tuple(f for f in self.fields if f not in derived)

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(f for group in self.groups for f in group)

    @property
    def registers(self) -> dict[str, tuple[str, ...]]:
        return {group[0]: group for group in self.groups}

    def register_of(self, column: str) -> str | None:
        for group in self.groups:
            if column in group:
                return group[0]
        return None
