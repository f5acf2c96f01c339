"""generated/openapi.json as a Python team uses it: openapi-python-client makes `steam_client`,
and this program calls the plain-query operations against the loopback server (server.py) and
reads typed values (mypy --strict checks it with the package). The server answers 400 to any
parameter not sent the way the document says, so the two places where the generator cannot
follow the document are shown failing, then passing with their one-line workaround:

- a comma list (`style: form, explode: false`): the generated code sends `a=1&a=2`, so pass the
  list as one joined item, `steamids=[",".join(ids)]`;
- `input_json` (a JSON-content query parameter): the generated function leaves it out, so send
  the typed request model's JSON through the client's httpx client.

And the credential: the generated `AuthenticatedClient` puts a token in a header, while Steam
and backpack.tf read an apiKey from the query, so it goes in `httpx_args={"params": ...}`.

usage: use_openapi_client.py BASE_URL KEY TOKEN
"""

import json
import sys
from http import HTTPStatus

from steam_client import AuthenticatedClient, Client
from steam_client.api.i_player_service import i_player_service_get_owned_games
from steam_client.api.i_steam_hub import i_steam_hub_resolve_app_id
from steam_client.api.i_steam_news import i_steam_news_get_news_for_app
from steam_client.api.i_steam_user import i_steam_user_get_player_summaries
from steam_client.api.notifications import notifications_search_notifications
from steam_client.models import (
    IPlayerServiceGetOwnedGamesV1Request,
    IPlayerServiceGetOwnedGamesV1Response,
    ISteamHubResolveAppIdOfficialOnly,
    ISteamHubResolveAppIDV1Response,
    ISteamNewsGetNewsForAppV2Response,
    ISteamUserGetPlayerSummariesV2Response,
    NotificationFilter,
    NotificationSender,
    NotificationsSearchNotificationsV1Response,
)


def check(ok: bool, what: str) -> None:
    if not ok:
        sys.exit(f"FAILED: {what}")
    print(f"ok {what}")


def in_query(base: str, name: str, value: str) -> AuthenticatedClient:
    """A client that sends the credential as the query parameter `name` (no header token)."""
    return AuthenticatedClient(
        base_url=base, token="", prefix="", httpx_args={"params": {name: value}}
    )


def main(base: str, key: str, token: str) -> None:
    steam = in_query(base, "key", key)
    ids = ["76561197960435530", "76561197960265731"]

    # A comma list: as generated, the list is sent exploded, which Steam does not read.
    naive = i_steam_user_get_player_summaries.sync_detailed(client=steam, steamids=ids)
    check(naive.status_code == HTTPStatus.BAD_REQUEST, "the generated call sends steamids=a&steamids=b")
    summaries = i_steam_user_get_player_summaries.sync(client=steam, steamids=[",".join(ids)])
    assert isinstance(summaries, ISteamUserGetPlayerSummariesV2Response), summaries
    steamid: str = summaries.response.players[0].steamid
    check(steamid == ids[0], "GetPlayerSummaries with the joined list reads a Player")

    # auth: none: a client without the key (the server refuses one here).
    news = i_steam_news_get_news_for_app.sync(client=Client(base_url=base), appid=440, count=2)
    assert isinstance(news, ISteamNewsGetNewsForAppV2Response), news
    title: str = news.appnews.newsitems[0].title
    check(bool(title) and news.appnews.appid == 440, "GetNewsForApp without a key reads news items")

    # Bools are 0/1 on the wire: an IntEnum of the two.
    hubs = i_steam_hub_resolve_app_id.sync(
        client=steam, appid=94590, official_only=ISteamHubResolveAppIdOfficialOnly.VALUE_1
    )
    assert isinstance(hubs, ISteamHubResolveAppIDV1Response), hubs
    guid: str = hubs.response.hubs[0].guid
    check(guid == "103582791432166170", "ResolveAppID with a 0/1 bool reads a 64-bit guid as a string")

    # backpack.tf: the `token` credential, an integer enum parameter.
    bptf = in_query(base, "token", token)
    search = notifications_search_notifications.sync(client=bptf, filter_=NotificationFilter.VALUE_4)
    assert isinstance(search, NotificationsSearchNotificationsV1Response), search
    sender = search.notifications[0].from_
    assert isinstance(sender, NotificationSender), sender
    check(sender.steamid == "76561198070299574", "backpack.tf SearchNotifications reads a sender's SteamID64")

    # input_json: the generated function has no parameter for it, so the call is refused...
    naive_owned = i_player_service_get_owned_games.sync_detailed(client=steam)
    check(naive_owned.status_code == HTTPStatus.BAD_REQUEST, "the generated call leaves input_json out")
    # ...and the workaround sends the typed request model's JSON text itself.
    request = IPlayerServiceGetOwnedGamesV1Request(steamid=ids[0], include_appinfo=True)
    response = steam.get_httpx_client().get(
        "/IPlayerService/GetOwnedGames/v1/", params={"input_json": json.dumps(request.to_dict())}
    )
    if response.status_code != HTTPStatus.OK:
        sys.exit(f"FAILED: input_json sent by hand: {response.status_code} {response.text}")
    owned = IPlayerServiceGetOwnedGamesV1Response.from_dict(response.json())
    check(owned.response.game_count == 2, "GetOwnedGames through input_json reads typed games")


if __name__ == "__main__":
    main(*sys.argv[1:4])
