import { parseArn } from '../catalog/arn';
import { hasWildcard } from '../catalog/wildcard';
import type { PolicyModel, StatementModel } from './policyModel';

/** The partition, region and account the document's own ARNs use most, for new ARNs. */
export interface ArnDefaults {
  partition?: string;
  region?: string;
  account?: string;
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
}

const NONE: Counts = { partitions: [], regions: [], accounts: [] };

function computeDefaults(model: PolicyModel, countsOf: (statement: StatementModel) => Counts): ArnDefaults {
  const partitions = new Counter();
  const regions = new Counter();
  const accounts = new Counter();
  // Added up in document order: the same counts, in the same order, as one pass over every ARN.
  for (const statement of model.statements) {
    const counts = countsOf(statement);
    if (counts === NONE) continue;
    for (const value of counts.partitions) partitions.add(value);
    for (const value of counts.regions) regions.add(value);
    for (const value of counts.accounts) accounts.add(value);
  }
  return { partition: partitions.most(), region: regions.most(), account: accounts.most() };
}

function statementCounts(statement: StatementModel): Counts {
  const found: Counts = { partitions: [], regions: [], accounts: [] };
  for (const element of [statement.resource, statement.notResource]) {
    for (const { value } of element?.values ?? []) {
      const arn = parseArn(value);
      if (!arn) continue;
      if (arn.partition && !hasWildcard(arn.partition)) found.partitions.push(arn.partition);
      if (arn.region && !hasWildcard(arn.region)) found.regions.push(arn.region);
      if (/^\d{12}$/.test(arn.account)) found.accounts.push(arn.account);
    }
  }
  return found.partitions.length + found.regions.length + found.accounts.length > 0 ? found : NONE;
}

/** Counts values; `most()` is the most frequent, the first seen among equals. */
class Counter {
  private readonly counts = new Map<string, number>();
  add(value: string): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
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
