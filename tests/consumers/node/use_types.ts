// Reads docs example payloads through the TypeScript types that json-schema-to-typescript made
// from generated/schemas/bundle.json. typegen.mjs copies this file beside the generated
// steamspec.ts and examples.ts; `tsc --strict` then checks every assignment below.

import type * as S from "./steamspec.js";
import {
  ISteamUserGetPlayerSummariesV2_RobinWalker_response as summaries,
  IGameNotificationsServiceCreateSessionV1_Docs_request as createSession,
} from "./examples.js";

// GetPlayerSummaries response: the envelope, then a Player.
const players: S.Player[] = summaries.response.players;
const first: S.Player | undefined = players[0];
const name: string | undefined = first?.personaname;
const steamid: string | undefined = first?.steamid; // a SteamID64 is a string, never a number
const state: S.PersonaState | undefined = first?.personastate;
// An open enum's known values have a name of their own (the schema's title `KnownPersonaState`),
// for a switch over them; the open type still takes a value the spec does not know.
const online: S.KnownPersonaState = 1;
// @ts-expect-error 7 is not a known persona state
const unknownKnown: S.KnownPersonaState = 7;
const unknownOpen: S.PersonaState = 7;

// CreateSession request: nested structs and an open string enum.
const token: string = createSession.title.token;
const appid: number = createSession.appid;
const userStates: S.UserState[] = createSession.users.map((u) => u.state);

// ISteamHub/GetStatus request: "at least one of guid, appid". Each branch keeps every parameter
// with its type (a branch of bare names made `{guid: unknown} | {appid: unknown}`).
const byGuid: S.ISteamHubGetStatusV1Request = { guid: "4178173", language: "en" };
const byApp: S.ISteamHubGetStatusV1Request = { appid: 440 };
// @ts-expect-error a hub id is a digit string, not a number
const wrongType: S.ISteamHubGetStatusV1Request = { guid: 4178173 };
// @ts-expect-error one of guid and appid is required
const neither: S.ISteamHubGetStatusV1Request = { language: "en" };

export const read = { name, steamid, state, online, unknownKnown, unknownOpen, token, appid, userStates, byGuid, byApp, wrongType, neither };
