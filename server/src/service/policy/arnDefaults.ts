import { parseArn } from '../catalog/arn';
import { hasWildcard } from '../catalog/wildcard';
import type { PolicyModel, StatementModel } from './policyModel';
import { nameProblem } from '../../../../common/src/names';

/** The partition, region and account the document's own ARNs use most, for new ARNs. */
export interface ArnDefaults {
  partition?: string;
  region?: string;
  account?: string;
  /** The streams the document's Kinesis ARNs name, the most named first. */
  streams: string[];
}

/**
 * The defaults of each model, and what each statement counts towards them, kept weakly with the
 * models they were counted from. Each language service has its own (see `createLanguageService`).
 */
export class ArnDefaultsMemory {
  private readonly byModel = new WeakMap<PolicyModel, ArnDefaults>();
  /**
   * Each statement's counts: after an edit inside one statement, the others keep their models
   * (see `updatePolicy`), and only the edited one is counted again.
   */
  private readonly byStatement = new WeakMap<StatementModel, Counts>();

  of(model: PolicyModel): ArnDefaults {
    let defaults = this.byModel.get(model);
    if (!defaults) {
      defaults = computeDefaults(model, (statement) => this.countsOf(statement));
      this.byModel.set(model, defaults);
    }
    return defaults;
  }

  private countsOf(statement: StatementModel): Counts {
    let counts = this.byStatement.get(statement);
    if (!counts) {
      counts = statementCounts(statement);
      this.byStatement.set(statement, counts);
    }
    return counts;
  }
}

/** What one statement's ARNs count towards the defaults: their fields, in order. */
interface Counts {
  partitions: string[];
  regions: string[];
  accounts: string[];
  streams: string[];
}

const NONE: Counts = { partitions: [], regions: [], accounts: [], streams: [] };

function computeDefaults(model: PolicyModel, countsOf: (statement: StatementModel) => Counts): ArnDefaults {
  const partitions = new Counter();
  const regions = new Counter();
  const accounts = new Counter();
  const streams = new Counter();
  // Added up in document order: the same counts, in the same order, as one pass over every ARN.
  for (const statement of model.statements) {
    const counts = countsOf(statement);
    if (counts === NONE) continue;
    for (const value of counts.partitions) partitions.add(value);
    for (const value of counts.regions) regions.add(value);
    for (const value of counts.accounts) accounts.add(value);
    for (const value of counts.streams) streams.add(value);
  }
  return { partition: partitions.most(), region: regions.most(), account: accounts.most(), streams: streams.ranked() };
}

function statementCounts(statement: StatementModel): Counts {
  const found: Counts = { partitions: [], regions: [], accounts: [], streams: [] };
  for (const element of [statement.resource, statement.notResource]) {
    for (const { value } of element?.values ?? []) {
      const arn = parseArn(value);
      if (!arn) continue;
      if (arn.partition && !hasWildcard(arn.partition)) found.partitions.push(arn.partition);
      if (arn.region && !hasWildcard(arn.region)) found.regions.push(arn.region);
      if (/^\d{12}$/.test(arn.account)) found.accounts.push(arn.account);
      // The stream of a stream's ARN or of anything below it (a consumer, a pattern of them), if Kinesis would take its name.
      const stream = arn.service === 'kinesis' ? /^stream\/([^/]+)(?:\/|$)/.exec(arn.resource)?.[1] : undefined;
      if (stream !== undefined && !nameProblem('stream', stream)) found.streams.push(stream);
    }
  }
  return found.partitions.length + found.regions.length + found.accounts.length + found.streams.length > 0 ? found : NONE;
}

/** Counts values; `most()` is the most frequent, the first seen among equals. */
class Counter {
  private readonly counts = new Map<string, number>();
  add(value: string): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
  /** Every value, the most frequent first, the first seen among equals. */
  ranked(): string[] {
    return [...this.counts].sort((a, b) => b[1] - a[1]).map(([value]) => value);
  }
  most(): string | undefined {
    let best: string | undefined;
    let bestCount = 0;
    for (const [value, count] of this.counts) {
      if (count > bestCount) [best, bestCount] = [value, count];
    }
    return best;
  }
}
