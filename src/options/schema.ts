// The stored settings: defaults, validation and migration. Pure (no browser API), so it is
// unit-tested in Node and shared by the content script, the options page and the popup.
import { isObject, type Loose } from '../shared/guards';
import { STANCES, type Stance } from '../parser/types';

export { SETTINGS_KEY } from '../shared/names';
export const SCHEMA_VERSION = 1;

export const LOAD_MODES = ['expanded', 'collapse-all', 'collapse-stance'] as const;
export type LoadMode = (typeof LOAD_MODES)[number];
export const POSITIONS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type PanelPosition = (typeof POSITIONS)[number];

export interface Settings {
  version: typeof SCHEMA_VERSION;
  /** hostname -> false when the reader turned Comment Lens off there; absent means on */
  sites: Record<string, boolean>;
  loadMode: LoadMode;
  /** the stance collapsed on load when loadMode is 'collapse-stance' */
  collapseStance: Stance;
  showBadges: boolean;
  /** after the fast labels, refine them with the sentence encoder (in a worker of the extension) */
  refine: boolean;
  position: PanelPosition;
  minimized: boolean;
}

export function defaultSettings(): Settings {
  return {
    version: SCHEMA_VERSION,
    sites: {},
    loadMode: 'expanded',
    collapseStance: 'oppose',
    showBadges: true,
    refine: true,
    position: 'bottom-right',
    minimized: false,
  };
}

const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/** Hostnames as the content script sees them: lower case, no port, no scheme. */
export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/^www\./, '');
}

function validSites(v: unknown): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  if (!isObject(v)) return out;
  for (const [host, on] of Object.entries(v)) {
    const h = normalizeHost(host);
    // A hostname has no spaces or slashes; anything else is a damaged entry, dropped.
    if (typeof on === 'boolean' && /^[a-z0-9.-]+$/.test(h)) out[h] = on;
  }
  return out;
}

/** Version 0 is the unversioned draft shape: { disabledSites: string[], collapseOnLoad: boolean }. */
function migrateV0(old: Loose): Loose {
  const sites: Record<string, boolean> = {};
  if (Array.isArray(old.disabledSites)) {
    for (const h of old.disabledSites) if (typeof h === 'string') sites[h] = false;
  }
  const { disabledSites: _d, collapseOnLoad, ...rest } = old;
  return {
    ...rest,
    version: 1,
    sites: { ...(isObject(old.sites) ? old.sites : {}), ...sites },
    loadMode: rest.loadMode ?? (collapseOnLoad === true ? 'collapse-all' : undefined),
  };
}

/** Any stored value -> complete, valid Settings. Each bad or missing field falls back alone. */
export function parseSettings(stored: unknown): Settings {
  const d = defaultSettings();
  if (!isObject(stored)) return d;
  let v: Loose = stored;
  if (v.version === undefined || v.version === 0) v = migrateV0(v);
  // A newer schema than we know (downgraded extension): keep nothing rather than misread it.
  if (v.version !== SCHEMA_VERSION) return d;
  return {
    version: SCHEMA_VERSION,
    sites: validSites(v.sites),
    loadMode: oneOf(LOAD_MODES, v.loadMode) ? v.loadMode : d.loadMode,
    collapseStance: oneOf(STANCES, v.collapseStance) ? v.collapseStance : d.collapseStance,
    showBadges: typeof v.showBadges === 'boolean' ? v.showBadges : d.showBadges,
    refine: typeof v.refine === 'boolean' ? v.refine : d.refine,
    position: oneOf(POSITIONS, v.position) ? v.position : d.position,
    minimized: typeof v.minimized === 'boolean' ? v.minimized : d.minimized,
  };
}

export function isSiteEnabled(settings: Settings, host: string): boolean {
  return settings.sites[normalizeHost(host)] !== false;
}

/** A copy with the site turned on or off; "on" is the default, so it is stored as no entry. */
export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const sites = { ...settings.sites };
  const h = normalizeHost(host);
  if (on) delete sites[h];
  else sites[h] = false;
  return { ...settings, sites };
}
