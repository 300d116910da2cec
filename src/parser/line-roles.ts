// Decides which lines of a dump's comment section are handles, by dynamic programming over roles.
//
// Greedy rules fail on sequences like "text / Exactly / Bob / text": is "Exactly" a handle or the end
// of the previous comment? Instead every line gets a handle score (handles.ts) and we pick the role
// sequence with the highest total, subject to the format's grammar:
//   - the first line is a handle; every handle is followed by at least one text line;
//   - so the last line is text, and two handles are never adjacent.
// Linear in the number of lines: two states (handle / text) per line.

const TIE = 1e-6; // on equal totals prefer a handle: a spurious split is visible, a silent merge is not
// A handle-like word is plausible as a whole one-word comment (first line after a handle) but less so
// as a later line of a longer comment: "bob / Good point. / alice / carol / text" reads alice as a
// handle whose comment is "carol", not "Good point.\nalice" followed by carol's comment.
const LATER_LINE_PENALTY = 0.5;

/**
 * `scores[i]` is the handle score of line i (-Infinity when it cannot be a handle).
 * Returns isHandle per line, or null when no valid assignment exists (first line cannot be a
 * handle, or the section is a lone handle).
 */
export function assignRoles(scores: readonly number[]): boolean[] | null {
  const n = scores.length;
  if (n === 0) return [];
  const bestH = new Float64Array(n);
  const bestT = new Float64Array(n);
  const tFromH = new Uint8Array(n); // 1 when the best text-at-i path has a handle at i-1
  bestH[0] = scores[0]! + TIE;
  bestT[0] = -Infinity;
  for (let i = 1; i < n; i++) {
    bestH[i] = bestT[i - 1]! + scores[i]! + TIE;
    const h = bestH[i - 1]!;
    const t = bestT[i - 1]! - (scores[i]! > 0 ? LATER_LINE_PENALTY : 0);
    if (h >= t) { bestT[i] = h; tFromH[i] = 1; } else { bestT[i] = t; tFromH[i] = 0; }
  }
  if (bestT[n - 1] === -Infinity) return null;
  const roles = new Array<boolean>(n).fill(false);
  // Backtrack: line i is text; its predecessor's role was recorded in tFromH.
  let i = n - 1;
  let isH = false;
  while (i >= 0) {
    roles[i] = isH;
    if (isH) {
      isH = false; // a handle always follows text (or starts the section)
    } else {
      isH = tFromH[i] === 1;
    }
    i--;
  }
  return roles;
}
