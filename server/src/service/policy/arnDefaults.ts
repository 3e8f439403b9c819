import { parseArn } from '../catalog/arn';
import { hasWildcard } from '../catalog/wildcard';
import type { PolicyModel } from './policyModel';

/** The partition, region and account the document's own ARNs use most, for new ARNs. */
export interface ArnDefaults {
  partition?: string;
  region?: string;
  account?: string;
}

const cache = new WeakMap<PolicyModel, ArnDefaults>();

export function arnDefaults(model: PolicyModel): ArnDefaults {
  let defaults = cache.get(model);
  if (!defaults) {
    defaults = computeDefaults(model);
    cache.set(model, defaults);
  }
  return defaults;
}

function computeDefaults(model: PolicyModel): ArnDefaults {
  const partitions = new Counter();
  const regions = new Counter();
  const accounts = new Counter();
  for (const statement of model.statements) {
    for (const element of [statement.resource, statement.notResource]) {
      for (const { value } of element?.values ?? []) {
        const arn = parseArn(value);
        if (!arn) continue;
        if (arn.partition && !hasWildcard(arn.partition)) partitions.add(arn.partition);
        if (arn.region && !hasWildcard(arn.region)) regions.add(arn.region);
        if (/^\d{12}$/.test(arn.account)) accounts.add(arn.account);
      }
    }
  }
  return { partition: partitions.most(), region: regions.most(), account: accounts.most() };
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
