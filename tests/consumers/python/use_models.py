"""Parses docs example payloads into the pydantic models that datamodel-code-generator made from
generated/schemas/bundle.json (package `steamspec_models`, generated at run time by run.sh), and
reads fields with their static types, so `mypy --strict` checks the models are usable as typed
code. Run with the generated package on PYTHONPATH; exits 1 if a payload does not parse.
"""

from __future__ import annotations

import importlib
import json
import inspect
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from steamspec_models import KnownPersonaState, PersonaState
from steamspec_models.IGameNotificationsService.CreateSession.v1 import (
    Request as CreateSessionRequest,
)
from steamspec_models.ISteamHub.GetStatus.v1 import (
    Request as HubStatusByGuid,
    RequestModel1 as HubStatusRequest,
)
from steamspec_models.ISteamUser.GetPlayerSummaries.v2 import (
    Request as GetPlayerSummariesRequest,
    Response as GetPlayerSummariesResponse,
)

SPEC = Path(__file__).resolve().parents[3] / "spec"


def example(file: str, method: str, side: str) -> Any:
    """The first example of `method` in `spec/<file>` with that side."""
    doc = yaml.safe_load((SPEC / file).read_text(encoding="utf-8"))
    for op in doc["operations"]:
        if op["method"] == method:
            for ex in op["examples"]:
                if side in ex and 200 <= int(ex.get("status", 200)) < 300:
                    return ex[side]
    raise SystemExit(f"no {side} example of {method} in {file}")


def model_of(interface: str, method: str, version: int, side: str) -> type[BaseModel]:
    """The class datamodel-code-generator made for `<Interface>.<Method>.v<N>.<side>`: in module
    `steamspec_models.<Interface>.<Method>.v<N>`, the last class named `Request...`/`Response...`
    (an anyOf over the parameters adds branch classes before the composite one)."""
    module = importlib.import_module(f"steamspec_models.{interface}.{method}.v{version}")
    prefix = side.capitalize()
    found = [
        c
        for n, c in vars(module).items()
        if n.startswith(prefix)
        and inspect.isclass(c)
        and issubclass(c, BaseModel)
        and c.__module__ == module.__name__
    ]
    if not found:
        raise SystemExit(f"no {prefix} model in {module.__name__}")
    return found[-1]


def every_example() -> int:
    """Every request and 2xx response example parses into its model (pydantic's strict mode on
    the JSON text); returns the failures."""
    checked, failures = 0, 0
    for path in sorted(SPEC.rglob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or "interface" not in doc:
            continue
        for op in doc.get("operations") or []:
            for ex in op.get("examples") or []:
                for side in ("request", "response"):
                    if side not in ex or (side == "response" and not 200 <= int(ex.get("status", 200)) < 300):
                        continue
                    model = model_of(doc["interface"], op["method"], op["version"], side)
                    try:
                        # strict, from JSON text: a string is not coerced into an int (nor back)
                        model.model_validate_json(json.dumps(ex[side]), strict=True)
                        checked += 1
                    except ValidationError as e:
                        failures += 1
                        print(f"{doc['interface']}/{op['method']} example {ex['name']} {side}: {e}")
    print(f"{checked} example payloads parse into the pydantic models, {failures} do not")
    return failures


def main() -> None:
    summaries = GetPlayerSummariesResponse.model_validate(
        example("steam/ISteamUser.yaml", "GetPlayerSummaries", "response")
    )
    player = summaries.response.players[0]
    name: str = player.personaname
    steamid: str = player.steamid
    country: str | None = player.loccountrycode
    print(f"GetPlayerSummaries response: {steamid} {name} ({country})")

    req = GetPlayerSummariesRequest.model_validate(
        example("steam/ISteamUser.yaml", "GetPlayerSummaries", "request")
    )
    ids: list[str] = [s.root for s in req.steamids]
    print(f"GetPlayerSummaries request: {len(ids)} steamids")

    session = CreateSessionRequest.model_validate(
        example("steam/IGameNotificationsService.yaml", "CreateSession", "request")
    )
    token: str = session.title.token
    appid: int = session.appid
    print(f"CreateSession request: appid {appid}, title {token}, {len(session.users)} users")
    # "At least one of guid, appid": each branch model keeps every parameter with its type.
    status = HubStatusRequest.model_validate_json('{"guid": "4178173", "language": "en"}', strict=True)
    if not isinstance(status.root, HubStatusByGuid):
        raise SystemExit(f"GetStatus request by guid parsed as {type(status.root).__name__}")
    guid: str = status.root.guid
    language: str | None = status.root.language
    print(f"GetStatus request: guid {guid}, language {language}")
    for bad in ('{}', '{"guid": 4178173}', '{"language": "en"}', '{"guid": "4178173", "langauge": "en"}'):
        try:
            HubStatusRequest.model_validate_json(bad, strict=True)
        except ValidationError:
            continue
        raise SystemExit(f"GetStatus request {bad} parsed")
    # An open enum's listed values are an enum named by the schema's title (run.sh passes
    # --use-title-as-name); a value the spec does not list still parses into the open type.
    known: set[int] = {int(v) for v in KnownPersonaState}
    if known != set(range(7)):
        raise SystemExit(f"KnownPersonaState has {sorted(known)}")
    other: int = PersonaState.model_validate_json("7", strict=True).root
    if other != 7:
        raise SystemExit(f"PersonaState 7 parsed as {other!r}")
    print(f"PersonaState: {len(known)} known values, and 7 still parses")
    if every_example():
        raise SystemExit(1)


if __name__ == "__main__":
    main()
