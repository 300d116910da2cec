// Type guards for data from another context (a page's frame, the background, an older us, stored settings):
// shared by every validator of messages and settings.
export type Loose = Record<string, unknown>;

export const isObject = (m: unknown): m is Loose => typeof m === 'object' && m !== null && !Array.isArray(m);
/** a finite number */
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** a whole number ≥ 0 (one argument: safe as an Array.every callback) */
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
/** an integer in [0, max] */
export const isUpTo = (v: unknown, max: number): v is number => isCount(v) && v <= max;
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
export const isOptText = (v: unknown, max: number): boolean => v === undefined || isText(v, max);
