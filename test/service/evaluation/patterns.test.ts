import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { globCovers, resourceCoverage } from '../../../server/src/service/evaluation';

describe('resource coverage', () => {
  it('matches a plain ARN exactly, and with case', () => {
    const arn = 'arn:aws:kinesis:us-east-1:111122223333:stream/orders';
    assert.equal(resourceCoverage(arn, arn), 'all');
    assert.equal(resourceCoverage(arn.replace('orders', 'Orders'), arn), 'none');
    assert.equal(resourceCoverage('*', arn), 'all');
    assert.equal(resourceCoverage('arn:aws:kinesis:*:*:stream/*', arn), 'all');
    assert.equal(resourceCoverage('arn:aws:kinesis:us-east-1:111122223333:stream/order?', arn), 'all');
    assert.equal(resourceCoverage('arn:aws:kinesis:us-east-1:111122223333:stream/order', arn), 'none');
  });

  it('computes how much of a pattern another pattern covers', () => {
    assert.equal(resourceCoverage('arn:aws:kinesis:*:*:stream/*', 'arn:aws:kinesis:us-east-1:111122223333:stream/o*'), 'all');
    assert.equal(resourceCoverage('arn:aws:kinesis:us-east-1:111122223333:stream/orders', 'arn:aws:kinesis:*:*:stream/*'), 'some');
    assert.equal(resourceCoverage('arn:aws:kinesis:us-east-1:111122223333:stream/o*', 'arn:aws:kinesis:us-east-1:111122223333:stream/p*'), 'none');
    assert.equal(resourceCoverage('arn:aws:dynamodb:us-east-1:111122223333:table/App', 'arn:aws:dynamodb:us-east-1:111122223333:table/App/index/*'), 'none');
  });

  it('reads variables as unknown: a pattern with one covers some, a target with one is decided by its known parts', () => {
    const home = 'arn:aws:s3:::bucket/home/${aws:username}/*';
    assert.equal(resourceCoverage(home, 'arn:aws:s3:::bucket/home/alice/notes.txt'), 'some');
    assert.equal(resourceCoverage(home, 'arn:aws:s3:::other/home/alice/notes.txt'), 'none');
    const table = 'arn:aws:dynamodb:${region}:${account}:table/x';
    assert.equal(resourceCoverage('arn:aws:dynamodb:*:*:table/*', table), 'all');
    assert.equal(resourceCoverage('arn:aws:dynamodb:us-east-1:111122223333:table/x', table), 'some');
    assert.equal(resourceCoverage('arn:aws:iam::*:role/*', table), 'none');
  });

  it('proves inclusion of globs: a star takes anything, a question mark one character, a letter itself', () => {
    assert.equal(globCovers('a*', 'a*b*'), true);
    assert.equal(globCovers('*a*', '*a*'), true);
    assert.equal(globCovers('a?c', 'abc'), true);
    assert.equal(globCovers('a?c', 'a*c'), false);
    assert.equal(globCovers('abc', 'a?c'), false);
    assert.equal(globCovers('a*', 'b*'), false);
  });
});
