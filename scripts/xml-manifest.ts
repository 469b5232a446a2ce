/**
 * The add-in-only XML manifest, for the Outlook clients that do not read the unified manifest.
 *
 * Which clients: "Office Add-ins that use the unified manifest for Microsoft 365 are directly
 * supported in Office on the web, in new Outlook on Windows, and in Office on Windows connected to a
 * Microsoft 365 subscription, Version 2304 (Build 16320.00000) or later" and an XML manifest is what
 * installs the add-in on "Office on Mac, Office on mobile, subscription versions of Office on Windows
 * earlier than 2304 … and perpetual versions of Office on Windows"
 * (https://learn.microsoft.com/office/dev/add-ins/develop/unified-manifest-overview, the
 * non-unified-manifest-clients note, OfficeDev/office-js-docs-pr docs/includes/non-unified-manifest-clients.md).
 *
 * It is GENERATED from the unified manifest (and its fr localization), never edited by hand, so the
 * two cannot drift: same id, version, names, pages, buttons and labels. `checkXmlManifest` re-derives
 * those facts from the unified manifest and looks for each in a given XML copy, so a hand-edited or
 * stale copy is caught too.
 *
 * What each client can show: on Mac, the three ribbon buttons (desktop form factor: appointment
 * organizer, appointment attendee, message read). On iOS and Android "only Message Read mode is
 * supported" for task panes ("Add-in only manifest: MobileMessageReadCommandSurface",
 * https://learn.microsoft.com/office/dev/add-ins/outlook/outlook-mobile-addins), so mobile gets
 * "Plan exit conversation" on a message; the mobile button's icons are 25, 32 and 48 px.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import { MANIFEST_DIR, type ManifestJson } from './manifest-tools';

/** Microsoft's XSD set of [MS-OWEMXML] appendix A, when vendored here (see docs/outlook-and-teams-setup.md). */
export const XSD_DIR = join(MANIFEST_DIR, 'xsd');
export const XSD_ROOT = 'OfficeAppManifestV1_1.xsd';
/** Its name inside the app package zip. */
export const XML_PACKAGE_NAME = 'outlook-manifest.xml';

type Json = Record<string, unknown>;
type Localized = { readonly en: string; readonly fr?: string };

const CONTEXT_SURFACE: Readonly<Record<string, string>> = {
  meetingDetailsOrganizer: 'AppointmentOrganizerCommandSurface',
  meetingDetailsAttendee: 'AppointmentAttendeeCommandSurface',
  mailRead: 'MessageReadCommandSurface',
  mailCompose: 'MessageComposeCommandSurface',
};
/** Surfaces Outlook mobile has for a task pane button (outlook-mobile-addins, above). */
const MOBILE_SURFACE: Readonly<Record<string, string>> = { mailRead: 'MobileMessageReadCommandSurface' };

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const obj = (v: unknown, what: string): Json => {
  if (v && typeof v === 'object' && !Array.isArray(v)) return v as Json;
  throw new Error(`unified manifest: ${what} is missing`);
};
const arr = (v: unknown, what: string): Json[] => {
  if (Array.isArray(v)) return v as Json[];
  throw new Error(`unified manifest: ${what} is missing`);
};
const str = (v: unknown, what: string): string => {
  if (typeof v === 'string' && v !== '') return v;
  throw new Error(`unified manifest: ${what} is missing`);
};

/** One ribbon button of the unified manifest, with everything the XML needs to say about it. */
export interface Command {
  readonly context: string;
  readonly groupId: string;
  readonly groupLabel: Localized;
  readonly controlId: string;
  readonly label: Localized;
  readonly tipTitle: Localized;
  readonly tipDescription: Localized;
  /** size → URL */
  readonly icons: ReadonlyMap<number, string>;
  readonly page: string;
}

/** The buttons of the unified manifest's ribbons, each with its task pane page and fr strings. */
export const commandsOf = (manifest: ManifestJson, fr: Readonly<Record<string, unknown>> = {}): Command[] => {
  const ext = obj(arr(manifest.extensions, 'extensions')[0], 'extensions[0]');
  const pages = new Map<string, string>();
  for (const rt of arr(ext.runtimes, 'extensions[0].runtimes')) {
    const page = str(obj(rt.code, 'runtime code').page, 'runtime code.page');
    for (const action of arr(rt.actions, 'runtime actions')) pages.set(str(action.id, 'action id'), page);
  }
  const loc = (en: unknown, key: string, what: string): Localized => {
    const f = fr[key];
    return { en: str(en, what), ...(typeof f === 'string' ? { fr: f } : {}) };
  };
  const out: Command[] = [];
  arr(ext.ribbons, 'extensions[0].ribbons').forEach((ribbon, r) => {
    const contexts = arr(ribbon.contexts, `ribbons[${r}].contexts`) as unknown as string[];
    arr(ribbon.tabs, `ribbons[${r}].tabs`).forEach((tab, t) => {
      arr(tab.groups, 'groups').forEach((group, g) => {
        const gPath = `extensions[0].ribbons[${r}].tabs[${t}].groups[${g}]`;
        arr(group.controls, 'controls').forEach((control, c) => {
          const cPath = `${gPath}.controls[${c}]`;
          const actionId = str(control.actionId, `${cPath}.actionId`);
          const page = pages.get(actionId);
          if (!page) throw new Error(`unified manifest: ${cPath}.actionId "${actionId}" names no runtime action`);
          const tip = obj(control.supertip, `${cPath}.supertip`);
          const icons = new Map<number, string>();
          for (const i of arr(control.icons, `${cPath}.icons`)) icons.set(Number(i.size), str(i.url, `${cPath}.icons url`));
          for (const context of contexts) {
            if (!CONTEXT_SURFACE[context]) throw new Error(`unified manifest: ribbon context "${context}" has no XML command surface here`);
            out.push({
              context,
              groupId: str(group.id, `${gPath}.id`),
              groupLabel: loc(group.label, `${gPath}.label`, `${gPath}.label`),
              controlId: str(control.id, `${cPath}.id`),
              label: loc(control.label, `${cPath}.label`, `${cPath}.label`),
              tipTitle: loc(tip.title, `${cPath}.supertip.title`, `${cPath}.supertip.title`),
              tipDescription: loc(tip.description, `${cPath}.supertip.description`, `${cPath}.supertip.description`),
              icons,
              page,
            });
          }
        });
      });
    });
  });
  return out;
};

const mobileIcon = (url: string, size: number): string => url.replace(/icon-\d+\.png$/, `icon-${size}.png`);

/** The add-in-only XML manifest for the same add-in, from the RENDERED unified manifest. */
export const xmlManifestFrom = (manifest: ManifestJson, fr: Readonly<Record<string, unknown>> = {}): string => {
  const id = str(manifest.id, 'id');
  const version = str(manifest.version, 'version');
  const name = obj(manifest.name, 'name');
  const description = obj(manifest.description, 'description');
  const developer = obj(manifest.developer, 'developer');
  const ext = obj(arr(manifest.extensions, 'extensions')[0], 'extensions[0]');
  const requirements = obj(ext.requirements, 'extensions[0].requirements');
  const mailbox = arr(requirements.capabilities, 'requirements.capabilities').find((c) => c.name === 'Mailbox');
  const minVersion = str(mailbox?.minVersion, 'requirements.capabilities Mailbox.minVersion');
  const alternate = obj(obj(arr(ext.alternates, 'extensions[0].alternates')[0], 'alternates[0]').alternateIcons, 'alternateIcons');
  const icon = str(obj(alternate.icon, 'alternateIcons.icon').url, 'alternateIcons.icon.url');
  const hiRes = str(obj(alternate.highResolutionIcon, 'alternateIcons.highResolutionIcon').url, 'alternateIcons.highResolutionIcon.url');
  const rsc = obj(obj(manifest.authorization, 'authorization').permissions, 'authorization.permissions');
  const readWrite = arr(rsc.resourceSpecific, 'resourceSpecific').some((p) => p.name === 'Mailbox.ReadWrite.User');
  const origin = new URL(icon).origin;
  const commands = commandsOf(manifest, fr);

  // Resources are shared by id; the XML caps resource ids at 32 characters.
  const images = new Map<string, string>();
  const urls = new Map<string, string>();
  const shorts = new Map<string, Localized>();
  const longs = new Map<string, Localized>();
  const resId = (prefix: string, n: number) => `${prefix}${n}`;
  const add = <T>(map: Map<string, T>, prefix: string, value: T, same: (a: T, b: T) => boolean): string => {
    for (const [k, v] of map) if (same(v, value)) return k;
    const k = resId(prefix, map.size + 1);
    map.set(k, value);
    return k;
  };
  const sameLoc = (a: Localized, b: Localized) => a.en === b.en && a.fr === b.fr;
  const image = (url: string) => add(images, 'Img', url, (a, b) => a === b);
  const url = (u: string) => add(urls, 'Url', u, (a, b) => a === b);
  const short = (l: Localized) => add(shorts, 'Str', l, sameLoc);
  const long = (l: Localized) => add(longs, 'Long', l, sameLoc);

  const control = (c: Command, mobile: boolean): string => {
    const icons = mobile
      ? `<Icon xsi:type="bt:MobileIconList">${[25, 32, 48]
          .flatMap((size) => [1, 2, 3].map((scale) => `<bt:Image size="${size}" scale="${scale}" resid="${image(mobileIcon(c.icons.get(32) ?? [...c.icons.values()][0]!, size))}"/>`))
          .join('')}</Icon>`
      : `<Icon>${[...c.icons].map(([size, u]) => `<bt:Image size="${size}" resid="${image(u)}"/>`).join('')}</Icon>`;
    const tip = mobile ? '' : `<Supertip><Title resid="${short(c.tipTitle)}"/><Description resid="${long(c.tipDescription)}"/></Supertip>`;
    return (
      `<Control xsi:type="${mobile ? 'MobileButton' : 'Button'}" id="${esc(mobile ? `${c.controlId}Mobile` : c.controlId)}">` +
      `<Label resid="${short(c.label)}"/>${tip}${icons}` +
      `<Action xsi:type="ShowTaskpane"><SourceLocation resid="${url(c.page)}"/></Action></Control>`
    );
  };
  const desktop = commands
    .map(
      (c) =>
        `<ExtensionPoint xsi:type="${CONTEXT_SURFACE[c.context]}"><OfficeTab id="TabDefault"><Group id="${esc(c.groupId)}">` +
        `<Label resid="${short(c.groupLabel)}"/>${control(c, false)}</Group></OfficeTab></ExtensionPoint>`,
    )
    .join('\n          ');
  const mobile = commands
    .filter((c) => MOBILE_SURFACE[c.context])
    .map(
      (c) =>
        `<ExtensionPoint xsi:type="${MOBILE_SURFACE[c.context]}"><Group id="${esc(`${c.groupId}Mobile`)}">` +
        `<Label resid="${short(c.groupLabel)}"/>${control(c, true)}</Group></ExtensionPoint>`,
    )
    .join('\n          ');
  // The read form the base manifest falls back to (clients without add-in commands): the alumni card.
  const readPage = commands.find((c) => c.context === 'meetingDetailsAttendee')?.page ?? commands[0]?.page ?? '';

  const setting = (tag: string, l: Localized) =>
    `<${tag} DefaultValue="${esc(l.en)}">${l.fr ? `<Override Locale="fr-FR" Value="${esc(l.fr)}"/>` : ''}</${tag}>`;
  const strings = (tag: string, map: Map<string, Localized>) =>
    `<bt:${tag}>${[...map].map(([k, l]) => `<bt:String id="${k}" DefaultValue="${esc(l.en)}">${l.fr ? `<bt:Override Locale="fr-FR" Value="${esc(l.fr)}"/>` : ''}</bt:String>`).join('')}</bt:${tag}>`;
  const frName = fr['name.short'];
  const frDescription = fr['description.short'];

  // Resources last: generating the commands above fills the maps.
  const body = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<!-- Generated by scripts/xml-manifest.ts from manifest/manifest.json: do not edit. -->`,
    `<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:bt="http://schemas.microsoft.com/office/officeappbasictypes/1.0" xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0" xsi:type="MailApp">`,
    `  <Id>${esc(id)}</Id>`,
    `  <Version>${esc(version)}</Version>`,
    `  <ProviderName>${esc(str(developer.name, 'developer.name'))}</ProviderName>`,
    `  <DefaultLocale>en-US</DefaultLocale>`,
    `  ${setting('DisplayName', { en: str(name.short, 'name.short'), ...(typeof frName === 'string' ? { fr: frName } : {}) })}`,
    `  ${setting('Description', { en: str(description.short, 'description.short'), ...(typeof frDescription === 'string' ? { fr: frDescription } : {}) })}`,
    `  <IconUrl DefaultValue="${esc(icon)}"/>`,
    `  <HighResolutionIconUrl DefaultValue="${esc(hiRes)}"/>`,
    `  <SupportUrl DefaultValue="${esc(str(developer.websiteUrl, 'developer.websiteUrl'))}"/>`,
    `  <AppDomains><AppDomain>${esc(origin)}</AppDomain></AppDomains>`,
    `  <Hosts><Host Name="Mailbox"/></Hosts>`,
    `  <Requirements><Sets><Set Name="Mailbox" MinVersion="${esc(minVersion)}"/></Sets></Requirements>`,
    `  <FormSettings><Form xsi:type="ItemRead"><DesktopSettings><SourceLocation DefaultValue="${esc(readPage)}"/><RequestedHeight>250</RequestedHeight></DesktopSettings></Form></FormSettings>`,
    `  <Permissions>${readWrite ? 'ReadWriteMailbox' : 'ReadWriteItem'}</Permissions>`,
    `  <Rule xsi:type="RuleCollection" Mode="Or"><Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Edit"/><Rule xsi:type="ItemIs" ItemType="Appointment" FormType="Read"/><Rule xsi:type="ItemIs" ItemType="Message" FormType="Read"/></Rule>`,
    `  <DisableEntityHighlighting>false</DisableEntityHighlighting>`,
    `  <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides" xsi:type="VersionOverridesV1_0">`,
    `    <VersionOverrides xmlns="http://schemas.microsoft.com/office/mailappversionoverrides/1.1" xsi:type="VersionOverridesV1_1">`,
    `      <Requirements><bt:Sets DefaultMinVersion="${esc(minVersion)}"><bt:Set Name="Mailbox"/></bt:Sets></Requirements>`,
    `      <Hosts><Host xsi:type="MailHost">`,
    `        <DesktopFormFactor>`,
    `          ${desktop}`,
    `        </DesktopFormFactor>`,
    ...(mobile ? [`        <MobileFormFactor>`, `          ${mobile}`, `        </MobileFormFactor>`] : []),
    `      </Host></Hosts>`,
  ];
  const resources = [
    `      <Resources>`,
    `        <bt:Images>${[...images].map(([k, u]) => `<bt:Image id="${k}" DefaultValue="${esc(u)}"/>`).join('')}</bt:Images>`,
    `        <bt:Urls>${[...urls].map(([k, u]) => `<bt:Url id="${k}" DefaultValue="${esc(u)}"/>`).join('')}</bt:Urls>`,
    `        ${strings('ShortStrings', shorts)}`,
    `        ${strings('LongStrings', longs)}`,
    `      </Resources>`,
    `    </VersionOverrides>`,
    `  </VersionOverrides>`,
    `</OfficeApp>`,
    '',
  ];
  return [...body, ...resources].join('\n');
};

const unescape = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every `DefaultValue`/`Value` and text node of the XML, unescaped: what the drift check looks in. */
const xmlValues = (xml: string): Set<string> => {
  const values = new Set<string>();
  for (const m of xml.matchAll(/\b(?:DefaultValue|Value|id)="([^"]*)"/g)) values.add(unescape(m[1]!));
  for (const m of xml.matchAll(/>([^<>]+)</g)) values.add(unescape(m[1]!.trim()));
  return values;
};

export interface XmlCheckInput {
  readonly xml: string;
  /** The rendered unified manifest the XML must agree with. */
  readonly manifest: ManifestJson;
  readonly fr?: Readonly<Record<string, unknown>>;
  readonly label?: string;
}

/**
 * Problems with an XML manifest, one clear line each: not well-formed XML (libxml2), invalid against
 * Microsoft's XSDs when they are vendored in manifest/xsd, or out of step with the unified manifest
 * (id, version, a page, a button or a label missing).
 */
export const checkXmlManifest = async ({ xml, manifest, fr = {}, label = 'manifest.xml' }: XmlCheckInput): Promise<{ problems: string[]; xsd: boolean }> => {
  const problems: string[] = [];
  const xsdFiles = existsSync(join(XSD_DIR, XSD_ROOT)) ? readdirSync(XSD_DIR).filter((f) => f.endsWith('.xsd')) : [];
  const xsd = xsdFiles.length > 0;
  const result = await validateXML({
    xml: { fileName: label, contents: xml },
    ...(xsd
      ? {
          schema: { fileName: XSD_ROOT, contents: readFileSync(join(XSD_DIR, XSD_ROOT), 'utf8') },
          preload: xsdFiles.filter((f) => f !== XSD_ROOT).map((f) => ({ fileName: f, contents: readFileSync(join(XSD_DIR, f), 'utf8') })),
        }
      : { normalization: 'format' as const }),
  });
  for (const e of result.errors) problems.push(`xml: ${e.loc ? `line ${e.loc.lineNumber}: ` : ''}${e.message.trim()}`);
  if (problems.length > 0) return { problems, xsd };

  // Drift: everything the unified manifest says about the add-in must be in the XML.
  let commands: Command[] = [];
  try {
    commands = commandsOf(manifest, fr);
  } catch (e) {
    problems.push(`drift: ${e instanceof Error ? e.message : String(e)}`);
  }
  const values = xmlValues(xml);
  const want = (what: string, value: string) => {
    if (!values.has(value)) problems.push(`drift: ${what} "${value}" of manifest.json is not in ${label}`);
  };
  want('id', String(manifest.id));
  want('version', String(manifest.version));
  want('name.short', String((manifest.name as Json | undefined)?.short));
  for (const c of commands) {
    if (!new RegExp(`<Control xsi:type="Button" id="${c.controlId}"`).test(xml)) problems.push(`drift: button "${c.controlId}" of manifest.json is not in ${label}`);
    want(`${c.controlId} page`, c.page);
    want(`${c.controlId} label`, c.label.en);
    if (c.label.fr) want(`${c.controlId} French label`, c.label.fr);
    want(`${c.controlId} supertip`, c.tipDescription.en);
    for (const u of c.icons.values()) want(`${c.controlId} icon`, u);
    if (!xml.includes(`xsi:type="${CONTEXT_SURFACE[c.context]}"`)) problems.push(`drift: ${label} has no ${CONTEXT_SURFACE[c.context]} for ${c.context}`);
  }
  // And nothing else: a button the unified manifest no longer has is drift too.
  const controls = new Set(commands.flatMap((c) => [c.controlId, `${c.controlId}Mobile`]));
  for (const m of xml.matchAll(/<Control xsi:type="(?:Mobile)?Button" id="([^"]+)"/g)) {
    if (!controls.has(unescape(m[1]!))) problems.push(`drift: ${label} has a button "${m[1]}" that manifest.json does not`);
  }
  return { problems, xsd };
};
