// generated/openapi.json as a TypeScript team uses it: openapi-typescript makes `steam.d.ts`,
// openapi-fetch calls the plain-query operations against the loopback server (server.py), and
// the values read are typed (tsc --strict checks this file against the generated types).
// The server answers 400 to any parameter not sent the way the document says.
//
// usage: node use_openapi.js BASE_URL KEY TOKEN
import createClient, { type Middleware } from "openapi-fetch";
import type { components, paths } from "./steam.js";

type Schemas = components["schemas"];
// (Node's own types are not installed: this is all the program needs of them.)
declare const process: { argv: string[] };
const [base, key, token] = process.argv.slice(2);

// The credential is an apiKey in the query (components.securitySchemes); openapi-fetch leaves
// credentials to a middleware. A client without one calls the operations that take no key.
function inQuery(name: string, value: string): Middleware {
  return {
    onRequest({ request }) {
      const url = new URL(request.url);
      url.searchParams.set(name, value);
      return new Request(url, request);
    },
  };
}
// Steam's lists are comma lists (`style: form, explode: false`); openapi-fetch serializes
// arrays one way for the whole client, so the client says which.
const options = { baseUrl: base, querySerializer: { array: { style: "form", explode: false } } } as const;
const steam = createClient<paths>(options);
steam.use(inQuery("key", key));
const steamWithoutKey = createClient<paths>(options);
const backpacktf = createClient<paths>({ baseUrl: base });
backpacktf.use(inQuery("token", token));

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`FAILED: ${what}`);
  console.log(`ok ${what}`);
}

// A comma list of SteamID64s, which are strings (never JS numbers: they pass 2^53).
const summaries = await steam.GET("/ISteamUser/GetPlayerSummaries/v2/", {
  params: { query: { steamids: ["76561197960435530", "76561197960265731"] } },
});
if (!summaries.data) throw new Error(`GetPlayerSummaries: ${summaries.response.status} ${JSON.stringify(summaries.error)}`);
const player: Schemas["Player"] = summaries.data.response.players[0];
const steamid: string = player.steamid;
check(steamid === "76561197960435530" && player.personaname === "Robin", "GetPlayerSummaries reads a Player");

// auth: none: the key is not sent (the server refuses one).
const news = await steamWithoutKey.GET("/ISteamNews/GetNewsForApp/v2/", {
  params: { query: { appid: 440, count: 2, maxlength: 120 } },
});
if (!news.data) throw new Error(`GetNewsForApp: ${news.response.status} ${JSON.stringify(news.error)}`);
const title: string = news.data.appnews.newsitems[0].title;
check(title.length > 0 && news.data.appnews.appid === 440, "GetNewsForApp without a key reads news items");

// Bools are 0/1 on the wire, and typed so.
const hubs = await steam.GET("/ISteamHub/ResolveAppID/v1/", {
  params: { query: { appid: 94590, official_only: 1 } },
});
if (!hubs.data) throw new Error(`ResolveAppID: ${hubs.response.status} ${JSON.stringify(hubs.error)}`);
const guid: string = hubs.data.response.hubs[0].guid;
check(guid === "103582791432166170", "ResolveAppID with a 0/1 bool reads a hub's 64-bit guid as a string");

// auth: optional: with or without the key.
const listing = await steamWithoutKey.GET("/ISteamWebAPIUtil/GetSupportedAPIList/v1/");
check(listing.data !== undefined && listing.data.apilist.interfaces.length > 0, "GetSupportedAPIList without a key");

// backpack.tf: the `token` credential, an integer enum parameter.
const search = await backpacktf.GET("/api/notifications/search/v1", { params: { query: { filter: 4 } } });
if (!search.data) throw new Error(`SearchNotifications: ${search.response.status} ${JSON.stringify(search.error)}`);
const sender: string | undefined = search.data.notifications[0].from?.steamid;
check(sender === "76561198070299574", "backpack.tf SearchNotifications reads a sender's SteamID64");

// input_json: openapi-typescript types a JSON-content parameter as a string, so the one-line
// workaround is to type the object with the request schema and send its JSON text.
const owned: Schemas["IPlayerService.GetOwnedGames.v1.request"] = { steamid: "76561197960435530", include_appinfo: true };
const games = await steam.GET("/IPlayerService/GetOwnedGames/v1/", {
  params: { query: { input_json: JSON.stringify(owned) } },
});
if (!games.data) throw new Error(`GetOwnedGames: ${games.response.status} ${JSON.stringify(games.error)}`);
const count: number | undefined = games.data.response.game_count;
check(count === 2, "GetOwnedGames through input_json (JSON.stringify of the typed request)");
// Without the workaround, an object is not a string: tsc refuses the call (see run.sh).
