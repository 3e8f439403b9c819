/**
 * `array.splice(start, count, ...items)` without spreading `items` into arguments (a re-read of a
 * large file replaces thousands of items at once): the elements after the run move to their
 * place, `items` go in before them, and the removed elements are given back.
 */
export function spliceIn<T>(array: T[], start: number, count: number, items: readonly T[]): T[] {
  const removed = array.slice(start, start + count);
  const moved = array.length - start - count;
  const length = start + items.length + moved;
  // `copyWithin` copies as if through a buffer: the run moves right or left over itself.
  if (length > array.length) array.length = length;
  array.copyWithin(start + items.length, start + count, start + count + moved);
  array.length = length;
  for (let i = 0; i < items.length; i++) array[start + i] = items[i];
  return removed;
}
