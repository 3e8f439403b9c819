/** A command line the CLI cannot run: reported with the usage, exit status 2. */
export class UsageError extends Error {}

/** Runs Node's argument parser, whose messages name the option and what is wrong with it. */
export function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`${flag} takes ${allowed.join(', ')}, not "${value}".`);
  return value as T;
}
