"""The provider register: who carries out interventions (utförare), municipal, private or
non-profit. The control of providers while an intervention runs is in
:mod:`storage.registers.provider_control`.

Public API:

- ``add_provider(store, *, name, kind, org_number=None, municipality=None) -> int``
- ``providers(store) -> list[Provider]``, ``provider_id_by_name(store, name) -> int | None``

Audit action: ``provider.add``.
"""

from __future__ import annotations

from storage.casefile import repo
from storage.casefile.repo import StoreLike
from storage.records import validate as v
from storage.records.enums import ProviderKind
from storage.records.errors import DuplicateNameError
from storage.records.parts import Provider


def provider_id_by_name(store: StoreLike, name: str) -> int | None:
    row = store.conn.execute(
        "SELECT id FROM providers WHERE name = ? COLLATE NOCASE", (name.strip(),)
    ).fetchone()
    return None if row is None else int(row[0])


def add_provider(
    store: StoreLike,
    *,
    name: str,
    kind: ProviderKind | str,
    org_number: str | None = None,
    municipality: str | None = None,
) -> int:
    clean = v.required_text("name", name, limit=200)
    which = ProviderKind.parse(kind, "kind")
    org = v.text("org_number", org_number, required=False, limit=20)
    muni = v.text("municipality", municipality, required=False, limit=100)
    with store.transaction():
        if provider_id_by_name(store, clean) is not None:
            raise DuplicateNameError(field="name")
        provider_id = repo.insert(
            store,
            "providers",
            {
                "name": clean,
                "kind": which.value,
                "org_number": org,
                "municipality": muni,
                "created_at": repo.utc_now(),
            },
        )
        repo.audit(store, "provider.add", "", provider_id=provider_id, kind=which.value)
    return provider_id


def providers(store: StoreLike) -> list[Provider]:
    rows = store.conn.execute(
        "SELECT id, name, kind, org_number, municipality FROM providers "
        "ORDER BY name COLLATE NOCASE"
    )
    return [Provider(int(r[0]), r[1], ProviderKind(r[2]), r[3], r[4]) for r in rows]
