import { describe, expect, it } from 'vitest';
import { createLookupGate, INPUT_ADMITS_MS } from '../../../lib/sidebar/lookup-gate';

const REPO = ['github:lens-org/deep-repo'];
const OTHER = ['github:someone/else'];
const user = { isTrusted: true };
const script = { isTrusted: false };

describe('the lookup gate', () => {
  it('admits the page load, then only a navigation after a real input, one per input', () => {
    const gate = createLookupGate();
    expect(gate.admit(REPO)).toBe(true);
    expect(gate.admit(OTHER)).toBe(false);
    gate.noteInput(user);
    expect(gate.admit(OTHER)).toBe(true);
    expect(gate.admit(['x:status:1'])).toBe(false);
  });

  it('never counts a synthetic event (isTrusted false or missing) as input', () => {
    const gate = createLookupGate(false);
    gate.noteInput(script);
    gate.noteInput({} as { isTrusted: boolean });
    expect(gate.admit(REPO)).toBe(false);
  });

  it('admits a return to keys already looked up (back, forward), in any order of the keys', () => {
    const gate = createLookupGate();
    expect(gate.admit(['a', 'b'])).toBe(true);
    expect(gate.admit(['b', 'a'])).toBe(true);
    expect(gate.admit(['a'])).toBe(false);
  });

  it('admits a page without keys (nothing to learn), and the first navigation after an input uses it up', () => {
    const gate = createLookupGate(false);
    expect(gate.admit([])).toBe(true);
    gate.noteInput(user);
    expect(gate.admit([])).toBe(true);
    expect(gate.admit(REPO)).toBe(false);
  });

  it('lets an input admit only a navigation within a few seconds of it (a page cannot keep it for later)', () => {
    let time = 1_000;
    const gate = createLookupGate(true, () => time);
    expect(gate.admit(REPO)).toBe(true);
    gate.noteInput(user);
    time += INPUT_ADMITS_MS + 1;
    expect(gate.admit(OTHER)).toBe(false);
    gate.noteInput(user);
    time += INPUT_ADMITS_MS - 1;
    expect(gate.admit(OTHER)).toBe(true);
  });

  it('takes no key that types a character as a choice of where to go; Enter and other keys are', () => {
    const gate = createLookupGate(false);
    gate.noteInput({ isTrusted: true, key: 'a' });
    gate.noteInput({ isTrusted: true, key: '中' });
    expect(gate.admit(REPO)).toBe(false);
    gate.noteInput({ isTrusted: true, key: 'Enter' });
    expect(gate.admit(REPO)).toBe(true);
  });
});
