"""Disclosure control across every release: decide which cells of a new release may be
published so that no combination of it with everything released before reveals a small
group (docs/statistics.md, "The rule").

The reader is assumed to hold every released table — this store's earlier exports and
the new one — and to know exactly how each number is defined. Whatever they combine,
every *protected fact* must stay open:

- **a hidden cell of 1–(threshold-1) units** (of this release or an earlier one) could be
  0: there is another data set, just as consistent with every published number of every
  release, in which none of its units is in it;
- **a small group's shared value** — a line of a table (a municipality's column, or a
  category's row across municipalities) whose 1–(threshold-1) units all have one value
  or live in one municipality — could be otherwise: in some consistent data set one of
  them has another value (published zeros next to a hidden cell would otherwise say
  "everyone here is a man"). A group whose whole population shares the value too (every
  case of the period is in the one municipality) is not protected separately: the table
  then says nothing about the group it does not say about everyone.

Openness is shown by construction: for each protected fact the planner holds a *witness*,
an explicit change of one or two units that leaves every published number of every
release unchanged and takes the units out of the cell (or gives the group a member with
another value). The changes are: another value of a dimension (:data:`ALTERNATIVES`),
another municipality or other dates, or an exchange of one of them with another unit. A
new cell is published only if every protected fact still has a witness; otherwise it is
hidden. Publishing only ever removes witnesses, so a change found invalid stays invalid
and is never tried again.

``plan(world, number, candidates)`` decides release ``number``; ``check`` verifies that a
given set may be published. Both are pure: :mod:`storage.statistics.ledger` supplies the
earlier releases, :mod:`storage.statistics.release` the new one. A coordinator that merges
releases of several sources calls the same functions (docs/statistics.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from storage.statistics.cells import CellKey
from storage.statistics.witnesses import World
from storage.statistics.world import Change, Fact


@dataclass
class Plan:
    published: set[CellKey]
    hidden: set[CellKey]
    sensitive: set[CellKey]  # hidden because fewer than threshold units lie behind them
    stuck: int  # universes in which some protected fact had no witness to begin with
    blocked: dict[CellKey, Fact] = field(default_factory=dict)  # key -> fact it would reveal


def plan(
    world: World,
    number: int,
    candidates: Sequence[CellKey],
    revised: Iterable[CellKey] = (),
) -> Plan:
    """Publish ``candidates`` of release ``number`` in the order given, each only if every
    protected fact (of every release in ``world``) keeps a witness; return the decision.

    ``revised``: cells published before whose number has changed since by fewer than the
    threshold (late registrations, corrections). They are not published again, and stay
    open like a small cell: no combination may give the new number, or the change (the
    cases registered late) would be out."""
    release = world.releases[number]
    for key in list(release.published):
        world.unpublish(number, key)
    live: dict[int, tuple[Fact, list[Change]]] = {}
    watch: dict[tuple[int, CellKey], set[int]] = {}

    def keep(i: int, fact: Fact, changes: list[Change]) -> None:
        live[i] = (fact, changes)
        for change in changes:
            for mark in change.touch:
                watch.setdefault(mark, set()).add(i)

    stuck: dict[str, Fact] = {}  # universe -> a fact no witness could be found for
    changed = [Fact(number, "open", k, tuple(world.members(number, k))) for k in sorted(revised)]
    for i, fact in enumerate([*world.facts(), *changed]):
        changes = world.witness(fact)
        if changes is None:
            stuck.setdefault(fact.key.universe, fact)
        else:
            keep(i, fact, changes)
    sensitive = {k for k, n in release.counts.items() if 0 < n < release.threshold}
    sensitive |= {f.key for f in changed}
    blocked: dict[CellKey, Fact] = {}
    for key in candidates:
        if key in sensitive or key in release.published:
            continue
        if key.universe in stuck:  # cannot show it stays open: publish nothing new about it
            blocked[key] = stuck[key.universe]
            continue
        world.fresh.clear()
        world.publish(number, key)
        renewed: dict[int, list[Change]] = {}
        for i in sorted(watch.get((number, key), ())):
            fact, changes = live[i]
            if world.still(changes):
                continue
            again = world.witness(fact)
            if again is None:
                blocked[key] = fact
                break
            renewed[i] = again
        if key in blocked:
            world.unpublish(number, key)
            world.revive()
            continue
        for i, changes in renewed.items():
            keep(i, live[i][0], changes)
    published = set(release.published)
    return Plan(published, set(release.counts) - published, sensitive, len(stuck), blocked)


def check(world: World, number: int, keys: Sequence[CellKey]) -> list[CellKey]:
    """The keys of ``keys`` that could not be published (empty: all of them may be)."""
    result = plan(world, number, keys)
    return [k for k in keys if k not in result.published]
