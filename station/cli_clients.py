"""``main.py api-client add NAME | list | revoke CLIENT_ID``: machine-API clients from the command line.

The secret is printed once, at ``add``; the database keeps only its salted hash. Exit codes: 0 ok,
2 bad input (unknown client, bad name, unreadable database).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def add_parser(sub: Any) -> None:
    c = sub.add_parser("api-client", help="manage machine-API clients (client_credentials)")
    actions = c.add_subparsers(dest="action")
    a = actions.add_parser("add", help="create a client and print its secret once")
    a.add_argument("name")
    li = actions.add_parser("list", help="list clients (never their secrets)")
    r = actions.add_parser("revoke", help="revoke a client: its tokens stop working at once")
    r.add_argument("client_id")
    for p in (a, li, r):
        p.add_argument("--json", action="store_true", help="print JSON")


def run_api_client(args: Any) -> int:
    from station.api_clients import ApiClients
    from station.settings import SettingsStore
    from storage import Database
    from storage.machine import MachineStore

    data_dir = getattr(args, "data_dir", None)
    settings = SettingsStore.load(getattr(args, "config", None), overrides={
        "storage.data_dir": str(Path(data_dir).expanduser().resolve()) if data_dir else None}).current
    if args.action not in ("add", "list", "revoke"):
        print("error: choose add NAME, list or revoke CLIENT_ID", file=sys.stderr)
        return 2
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        db = Database(settings.db_path)
    except Exception as exc:  # noqa: BLE001 - any storage failure is a clear exit
        print(f"error: cannot open the database {settings.db_path}: {exc}", file=sys.stderr)
        return 2
    try:
        clients = ApiClients(MachineStore(db))
        if args.action == "add":
            try:
                new = clients.add(args.name)
            except ValueError as exc:
                print(f"error: {exc}", file=sys.stderr)
                return 2
            if args.json:
                print(json.dumps({"client_id": new.client_id, "client_secret": new.client_secret, "name": new.name}))
            else:
                print(f"client_id:     {new.client_id}\nclient_secret: {new.client_secret}\n"
                      "The secret is shown only now; store it safely.")
            return 0
        if args.action == "list":
            rows = clients.list()
            if args.json:
                print(json.dumps(rows))
            else:
                for r in rows:
                    state = f"revoked {r['revoked_at']}" if r["revoked_at"] else "active"
                    print(f"{r['client_id']}  {r['name']}  created {r['created_at']}  {state}")
            return 0
        if not clients.revoke(args.client_id):
            print(f"error: no active client {args.client_id!r}", file=sys.stderr)
            return 2
        print(f"client {args.client_id} revoked")
        return 0
    finally:
        db.close()
