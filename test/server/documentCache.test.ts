import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentCache } from '../../server/src/documentCache';

/** A "model" that says how it was made. */
interface Made {
  text: string;
  how: string;
}

function* inSteps(document: TextDocument, steps: number): Generator<void, Made, void> {
  for (let i = 0; i < steps; i++) yield;
  return { text: document.getText(), how: 'steps' };
}

describe('DocumentCache', () => {
  const at = (version: number, text: string) => TextDocument.create('file:///ws/a.json', 'json', version, text);
  const cache = () => new DocumentCache<Made>((d) => ({ text: d.getText(), how: 'parse' }), (previous, d) => (previous.text.length === d.getText().length ? { text: d.getText(), how: 'update' } : undefined));

  it('parses in steps, and keeps what it made for the version', () => {
    const models = cache();
    const document = at(1, 'one');
    const steps = models.getSteps(document, (d) => inSteps(d, 3));
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) pauses++;
    assert.equal(pauses, 3);
    assert.deepEqual(models.get(document), { text: 'one', how: 'steps' });
  });

  it('keeps the model a request made while the steps ran', () => {
    const models = cache();
    const document = at(1, 'one');
    const steps = models.getSteps(document, (d) => inSteps(d, 2));
    steps.next();
    const asked = models.get(document);
    assert.equal(asked.how, 'parse');
    let step = steps.next();
    while (!step.done) step = steps.next();
    assert.equal(step.value, asked, 'the steps give the model the request made');
    assert.equal(models.get(document), asked);
  });

  it('updates the previous version where it can, without steps', () => {
    const models = cache();
    models.get(at(1, 'one'));
    const steps = models.getSteps(at(2, 'two'), (d) => inSteps(d, 5));
    const step = steps.next();
    assert.equal(step.done, true);
    assert.deepEqual(step.value, { text: 'two', how: 'update' });
  });
});
