// Parsing the labelled sets (text in, rows out; reading files is the scripts' job) and the
// fixed held-out folds. Nothing here ships in the extension bundle.
import type { Stance } from '../../parser/types';

export interface ReplyRow {
  id: string;
  thread: string;
  /** the news event a Twitter thread is about ('' for Reddit): RumourEval's test brings new ones */
  event: string;
  label: Stance;
  text: string;
  parentId: string | null;
  parentText: string;
  sourceText: string;
  parentIsSource: boolean;
}
export interface PairRow {
  quote: string;
  response: string;
  label: 'agree' | 'disagree' | 'neutral';
}
export interface TopicRow {
  text: string;
  topic: string;
  label: Stance;
}

const RUMOUR: Record<string, Stance> = { support: 'support', deny: 'oppose', query: 'question', comment: 'neutral' };

/** RumourEval 2019 subtask A (flattened jsonl): replies only, labels mapped to ours. */
export function parseRumourEval(jsonl: string): ReplyRow[] {
  const rows: ReplyRow[] = [];
  for (const line of jsonl.split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line) as Record<string, unknown>;
    if (r.is_source) continue;
    const label = RUMOUR[String(r.label)];
    if (!label) continue;
    const parentId = r.parent_id == null ? null : String(r.parent_id);
    rows.push({
      id: String(r.id), thread: String(r.thread_id), event: String(r.event ?? ''), label, text: String(r.text ?? ''), parentId,
      parentText: String(r.parent_text ?? ''), sourceText: String(r.source_text ?? ''),
      parentIsSource: parentId === null || parentId === String(r.thread_id),
    });
  }
  return rows;
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.length > 1 || row[0] !== '') rows.push(row);
      row = [];
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

const AGREE: Record<string, PairRow['label']> = { '0': 'disagree', '1': 'neutral', '2': 'agree' };

export function parseMaskMandate(csv: string): PairRow[] {
  const [head, ...rows] = parseCsv(csv);
  const q = head!.indexOf('quote_text');
  const r = head!.indexOf('response_text');
  const l = head!.indexOf('relation');
  return rows.filter((x) => AGREE[x[l]!.trim()]).map((x) => ({ quote: x[q]!, response: x[r]!, label: AGREE[x[l]!.trim()]! }));
}

const VAST: Record<string, Stance> = { '0': 'oppose', '1': 'support', '2': 'neutral' };

export function parseVast(csv: string): TopicRow[] {
  const [head, ...rows] = parseCsv(csv);
  const t = head!.indexOf('Tweet');
  const g = head!.indexOf('Target');
  const s = head!.indexOf('Stance');
  return rows.filter((x) => VAST[x[s]!.trim()]).map((x) => ({ text: x[t]!, topic: x[g]!, label: VAST[x[s]!.trim()]! }));
}

/** Deterministic fold 0..n-1 from a key (the text), so a repeated comment stays in one fold. */
export function foldOf(key: string, n: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % n;
}
/** The fixed 20% held-out fold used by eval; training never sees it. */
export const isHeldOut = (key: string): boolean => foldOf(key, 5) === 0;
