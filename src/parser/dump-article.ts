// The article part of a dump: the " date YYYY-MM-DD " header and the "© Source 2024." credit.
import { DumpError } from './errors';

const HEADER = /^date\s+(\d\S*)(?:\s+(.*))?$/u; // "date" then something that starts like a date
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isValidIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate(); // day 0 of next month = last day of this one
  return d <= days;
}

/**
 * Reads the header off the first (normalised) line. No header: date undefined and the whole line is
 * text. A header whose date is impossible ("2024-13-45") is an error on `lineNo`.
 */
export function readHeader(line: string, lineNo: number): { date?: string; rest: string } {
  const m = HEADER.exec(line);
  if (!m) return { rest: line };
  const date = m[1]!;
  if (!isValidIsoDate(date)) {
    throw new DumpError('bad-date', `the header date "${date}" is not a valid YYYY-MM-DD date`, lineNo);
  }
  return { date, rest: m[2] ?? '' };
}

export interface Credit { before: string; source: string }

const YEAR = '(?:1[89]|2\\d)\\d{2}';
// "…text© Thomson Reuters 2024."  /  "© 2024 Kyodo."  /  "© AFP." (no year)
const CREDIT_SOURCE_YEAR = new RegExp(`^(.*?)\\s*©\\s*([^©]+?)\\s+${YEAR}\\s*\\.?$`, 'u');
const CREDIT_YEAR_SOURCE = new RegExp(`^(.*?)\\s*©\\s*${YEAR}\\s+([^©]+?)\\s*\\.?$`, 'u');
const CREDIT_SOURCE_ONLY = /^(.*?)\s*©\s*([^©]+?)\s*\.$/u;

/** A publisher credit at the end of a line, or null. The source is short: a name, not a sentence. */
export function matchCredit(line: string): Credit | null {
  if (!line.includes('©')) return null;
  for (const re of [CREDIT_SOURCE_YEAR, CREDIT_YEAR_SOURCE, CREDIT_SOURCE_ONLY]) {
    const m = re.exec(line);
    if (!m) continue;
    const source = m[2]!.trim();
    if (source.length > 60 || source.split(' ').length > 8) continue;
    return { before: m[1]!.trim(), source };
  }
  return null;
}

/** The credit as renderDump writes it: the year from the article date when there is one. */
export function formatCredit(source: string, date?: string): string {
  const year = date ? date.slice(0, 4) : '';
  return year ? `© ${source} ${year}.` : `© ${source}.`;
}
