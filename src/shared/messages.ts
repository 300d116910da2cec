// Messages between the parts, typed by direction. Everything that arrives is checked before use:
// a message is data from another context (a frame of another origin, an older version of us).
import { STANCES, type Stance } from '../parser/types';
import { isCount, isObject } from './guards';

/** content (top frame) -> background: how many comments it labelled (0: none, or turned off). */
export interface CountMessage {
  type: 'lens:count';
  total: number;
}

/** A comment frame's state as the top frame's panel shows it; 'off': the frame tore down. */
export const FRAME_STATES = ['labelling', 'ready', 'error', 'off'] as const;
export type FrameState = (typeof FRAME_STATES)[number];

/** What a comment frame (the Disqus embed) labelled: the counts, not the comments. */
export interface FrameReport {
  state: FrameState;
  total: number;
  byStance: Record<Stance, number>;
  /** the most active authors, most active first (a few, not all: a message stays small) */
  byAuthor: Array<[string, number]>;
  repliesInferred: number;
  repliesMarked: number;
  unsure: number;
  /** comments in a language the engine does not read: in the total, in no stance (absent: none) */
  notLabelled?: number;
}

/** frame -> background (no frameId), background -> top frame (frameId: the sender's frame). */
export interface FrameSummaryMessage {
  type: 'lens:frame-summary';
  report: FrameReport;
  frameId?: number;
}

export const FRAME_COMMANDS = ['collapse-all', 'expand-all', 'filter'] as const;
export type FrameCommand = { command: 'collapse-all' } | { command: 'expand-all' } | { command: 'filter'; stance: Stance };

/** top -> background (frameId: the target frame), background -> that frame (no frameId). */
export type FrameCommandMessage = { type: 'lens:frame-command'; frameId?: number } & FrameCommand;

export const MAX_REPORTED_AUTHORS = 10;

const isFrameId = (v: unknown): v is number => isCount(v) && v > 0;
const isStance = (v: unknown): v is Stance => typeof v === 'string' && (STANCES as readonly string[]).includes(v);

export function isCountMessage(m: unknown): m is CountMessage {
  if (!isObject(m)) return false;
  return m.type === 'lens:count' && typeof m.total === 'number' && Number.isFinite(m.total) && m.total >= 0;
}

export function isFrameReport(r: unknown): r is FrameReport {
  if (!isObject(r) || !(FRAME_STATES as readonly unknown[]).includes(r.state)) return false;
  if (![r.total, r.repliesInferred, r.repliesMarked, r.unsure].every(isCount)) return false;
  if (r.notLabelled !== undefined && (!isCount(r.notLabelled) || r.notLabelled > (r.total as number))) return false;
  const s = r.byStance;
  if (!isObject(s) || !STANCES.every((k) => isCount(s[k]))) return false;
  const a = r.byAuthor;
  return (
    Array.isArray(a) &&
    a.length <= MAX_REPORTED_AUTHORS &&
    a.every((p) => Array.isArray(p) && p.length === 2 && typeof p[0] === 'string' && isCount(p[1]))
  );
}

/** `relayed`: the copy the top frame receives, which must name the frame it came from. */
export function isFrameSummaryMessage(m: unknown, relayed: boolean): m is FrameSummaryMessage {
  if (!isObject(m) || m.type !== 'lens:frame-summary' || !isFrameReport(m.report)) return false;
  return relayed ? isFrameId(m.frameId) : m.frameId === undefined;
}

/** `relayed`: the copy a frame receives, without a target; the top frame's must name one. */
export function isFrameCommandMessage(m: unknown, relayed: boolean): m is FrameCommandMessage {
  if (!isObject(m) || m.type !== 'lens:frame-command') return false;
  if (!(FRAME_COMMANDS as readonly unknown[]).includes(m.command)) return false;
  if (m.command === 'filter' && !isStance(m.stance)) return false;
  return relayed ? m.frameId === undefined : isFrameId(m.frameId);
}

/** Toolbar badge text: short enough for the badge ("1.2k" rather than "1234"). */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  if (total < 1000) return String(Math.round(total));
  if (total < 10_000) return `${(Math.floor(total / 100) / 10).toFixed(1).replace(/\.0$/, '')}k`;
  return `${Math.floor(total / 1000)}k`;
}
