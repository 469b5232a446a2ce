// The user's default calendar (GET /me/calendar): its online meeting providers decide whether an event
// POSTed as a Teams meeting gets a join link (see normalise.ts).
import { DateTime } from 'luxon';
import type { GraphResponse, Json } from '../core';
import { GraphError, json } from '../core';
import type { RouteCtx } from '../items';
import { contextUrl, selectSuffix, userSeg } from '../items';
import { applySelect, parseSelect } from '../odata';
import { resolveZone, windowsZoneNames } from '../time';
import { DEFAULT_ONLINE_PROVIDERS } from './normalise';

/**
 * The calendar resource (https://learn.microsoft.com/graph/api/resources/calendar) in the shape of the docs'
 * example (https://learn.microsoft.com/graph/outlook-calendar-online-meetings): allowedOnlineMeetingProviders
 * and defaultOnlineMeetingProvider take onlineMeetingProviderType values (unknown, skypeForBusiness,
 * skypeForConsumer, teamsForBusiness: https://learn.microsoft.com/graph/api/resources/onlinemeetingprovidertype).
 * CHOICE: a mailbox that may not create online meetings answers [] and "unknown" (the docs show only a
 * mailbox with providers).
 */
export function getCalendar(ctx: RouteCtx): GraphResponse {
  const target = ctx.target;
  const allowed = ctx.store.mailbox(target.id).onlineMeetingProviders ?? [...DEFAULT_ONLINE_PROVIDERS];
  const calendar = {
    id: `AAMkAGI2CAL${target.id}`,
    name: 'Calendar',
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: true,
    changeKey: 'NEXywgsVrkeNsFsyVyRrtAAAAAACOg==',
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    allowedOnlineMeetingProviders: [...allowed],
    defaultOnlineMeetingProvider: allowed.includes('teamsForBusiness') ? 'teamsForBusiness' : (allowed[0] ?? 'unknown'),
    isTallyingResponses: true,
    isRemovable: false,
    owner: { name: target.displayName, address: target.mail },
  };
  const select = parseSelect(ctx.req.query);
  return json(200, { '@odata.context': contextUrl(ctx, `${userSeg(ctx)}/calendar${selectSuffix(ctx.req.query)}/$entity`), ...(applySelect(calendar, select) as Record<string, Json>) } as Json);
}

/**
 * GET /me/outlook/supportedTimeZones[(TimeZoneStandard=microsoft.graph.timeZoneStandard'Iana')]: the zones
 * of the mailbox's server as timeZoneInformation { alias, displayName }, Windows names by default, IANA
 * names when asked (https://learn.microsoft.com/graph/api/outlookuser-supportedtimezones). The Windows list
 * is the one the sandbox accepts (CLDR windowsZones, sandbox/time.ts); IANA aliases are the zones those names
 * stand for, in the spelling Graph's dateTimeTimeZone page lists where it lists one. CHOICE: Windows display
 * names ("(UTC+05:30) Chennai, Kolkata, Mumbai, New Delhi") are not in CLDR; the sandbox writes
 * "(UTC+05:30) India Standard Time" from the zone's offset in January.
 */
export function supportedTimeZones(ctx: RouteCtx, segment: string): GraphResponse {
  const m = /^supportedTimeZones(?:\(\s*TimeZoneStandard\s*=\s*(?:microsoft\.graph\.timeZoneStandard)?'(Windows|Iana)'\s*\))?$/i.exec(segment);
  if (m === null) throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`);
  const iana = (m[1] ?? 'Windows').toLowerCase() === 'iana';
  const value = windowsZoneNames().map((windows) => {
    const zone = resolveZone(windows) ?? 'UTC';
    const offset = DateTime.fromObject({ year: 2026, month: 1, day: 15 }, { zone }).toFormat('ZZ');
    const label = `(UTC${offset === '+00:00' ? '' : offset}) ${windows}`;
    return iana ? { alias: zone, displayName: label } : { alias: windows, displayName: label };
  });
  const unique = iana ? value.filter((v, i) => value.findIndex((w) => w.alias === v.alias) === i) : value;
  return json(200, { '@odata.context': `${ctx.graphUrl}/$metadata#Collection(microsoft.graph.timeZoneInformation)`, value: unique } as unknown as Json);
}
