/**
 * The index of the first of the ascending `offsets`, from `low` on, that is at or after `offset`
 * (`offsets.length` if none): where a line, an item or a piece starts, found by halving.
 */
export function firstAtOrAfter(offsets: ArrayLike<number>, offset: number, low = 0): number {
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
