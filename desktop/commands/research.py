"""Research extract commands (docs/statistics.md, "The research extract").

- ``research project-add --name NAME --purpose TEXT --ethics-ref REF`` — a research
  project with its own pseudonym key (kept in the store, never exported);
- ``research projects`` — the projects (no keys);
- ``research extract --project ID --from DATE --to DATE --out FILE [--k N]`` — one row per
  case, pseudonymised; refused (exit 1, nothing written) when k-anonymity (k >= 5) cannot
  be reached. Audited ``research.extract`` with the purpose and the ethics approval.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from desktop.cli import print_json
from desktop.commands.stats import _dates
from desktop.commands.store import _common, _open
from storage.learning import research


def cmd_project_add(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        project_id = research.add_project(
            store, name=args.name, purpose=args.purpose, ethics_ref=args.ethics_ref
        )
    if args.json:
        print_json({"id": project_id})
    else:
        print(f"Research project {project_id} added")
    return 0


def cmd_projects(args: argparse.Namespace) -> int:
    store, _ = _open(args)
    with store:
        found = research.projects(store)
    if args.json:
        print_json(
            [
                {
                    "id": p.id,
                    "name": p.name,
                    "purpose": p.purpose,
                    "ethics_ref": p.ethics_ref,
                    "created_by": p.created_by,
                    "created_at": p.created_at,
                }
                for p in found
            ]
        )
        return 0
    for p in found:
        print(f"{p.id:>4}  {p.name}  ({p.ethics_ref})")
    return 0


def cmd_extract(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    store, _ = _open(args)
    with store:
        result = research.research_extract(
            store, args.project, start, end, Path(args.out), k=args.k
        )
    data: dict[str, Any] = {
        "out": str(result.path),
        "rows": result.rows,
        "k": result.k,
        "smallest_group": result.smallest,
        "dates_by": result.grain,
        "counties": result.counties,
        "sha256": result.sha256,
    }
    if args.json:
        print_json(data)
    else:
        print(
            f"Research extract of {result.rows} cases written to {result.path} (k = "
            f"{result.k}, smallest group {result.smallest}, dates by {result.grain})"
        )
    return 0


def register(subparsers: Any) -> None:
    group = subparsers.add_parser("research", help="pseudonymised research extracts")
    sub = group.add_subparsers(dest="research_command", metavar="COMMAND", required=True)

    p = sub.add_parser("project-add", help="add a research project")
    _common(p)
    p.add_argument("--name", required=True)
    p.add_argument("--purpose", required=True)
    p.add_argument("--ethics-ref", required=True, help="the ethics approval's reference")
    p.set_defaults(func=cmd_project_add)

    p = sub.add_parser("projects", help="list the research projects")
    _common(p)
    p.set_defaults(func=cmd_projects)

    p = sub.add_parser("extract", help="write a pseudonymised extract (k-anonymity checked)")
    _common(p)
    p.add_argument("--project", type=int, required=True, metavar="ID")
    p.add_argument("--from", dest="date_from", metavar="DATE", required=True)
    p.add_argument("--to", dest="date_to", metavar="DATE", required=True)
    p.add_argument("--out", metavar="FILE", required=True)
    p.add_argument("--k", type=int, default=research.K, metavar="N")
    p.set_defaults(func=cmd_extract)
