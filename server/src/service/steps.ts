/**
 * Work done in steps: a generator that yields where its caller may pause (the server answers other
 * requests between steps while a large document is read and checked) and returns its result.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs steps to the end without pausing, for callers that want the result at once. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
