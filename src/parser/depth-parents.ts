// Who answers whom where markup states a nesting depth (an attribute, a level label, nested lists)
// but not the parent: the nearest earlier comment one level up. The one resolver behind the site
// reader (sites/comments.ts) and the shared parser (thread.ts).

export class DepthParents<T> {
  /** the last item seen at each depth; null: a hole (an item read as nothing) */
  private last: (T | null | undefined)[] = [];

  /**
   * The parent of an item at `depth` (0 = top level): undefined at the top level and where no item
   * one level up came before; null under a hole, so a reply to an item that was not read gets no
   * parent rather than a wrong one.
   */
  parentOf(depth: number): T | null | undefined {
    return depth > 0 ? this.last[depth - 1] : undefined;
  }

  /** `item` (null: a hole) is now the last at its depth; the deeper levels of the one before it end. */
  add(depth: number, item: T | null): void {
    this.last.length = depth;
    this.last[depth] = item;
  }
}
