import { vmxKeys } from './vmxKeys';

/**
 * Recognizes the key templates of vmxKeys.ts (`ethernet#.present`, `memsize`, ...) while the parser reads a
 * key, one character at a time: a trie of the templates where `#` reads one or more digits, as a table of
 * states. The parser then knows each entry's template without making its key string or comparing it again.
 */

/**
 * Key characters as symbols 1 to 40, case folded (letters 1-26, digits 27-36, then `.` `:` `-` `_`), 0 for any
 * other character (and for NaN, what charCodeAt gives past the end).
 */
const symbolOfChar = new Uint8Array(128);
const keyChars = 'abcdefghijklmnopqrstuvwxyz0123456789.:-_';
for (let i = 0; i < keyChars.length; i++) {
  symbolOfChar[keyChars.charCodeAt(i)] = i + 1;
  symbolOfChar[keyChars.toUpperCase().charCodeAt(i)] = i + 1;
}
const FIRST_DIGIT = 27;
const LAST_DIGIT = 36;

function keySymbol(charCode: number): number {
  return charCode < 128 ? (symbolOfChar[charCode] as number) : 0;
}

/** State 0 reads nothing (no template starts like this key); state 1 is the start. */
const DEAD = 0;
const START = 1;

const children: number[][] = [[], []];
const accepting: number[] = [-1, -1];
/** The states that read a device number (a template's `#`): they loop on digits. */
const numberStates = new Set<number>();

function newState(): number {
  children.push([]);
  accepting.push(-1);
  return children.length - 1;
}

/**
 * Follows `template` from the start; `create` adds the states it lacks, else a missing one gives DEAD. A
 * digit and a device number at the same place in two templates would make the trie ambiguous: refused.
 */
function walk(template: string, create: boolean): number {
  let state = START;
  for (const ch of template) {
    const own = children[state] as number[];
    if (ch === '#') {
      let number = own[FIRST_DIGIT];
      if (number === undefined) {
        if (!create) return DEAD;
        number = newState();
        numberStates.add(number);
        for (let d = FIRST_DIGIT; d <= LAST_DIGIT; d++) own[d] = (children[number] as number[])[d] = number;
      } else if (!numberStates.has(number)) {
        throw new Error(`vmx key template ${template}: a device number where another template has a digit`);
      }
      state = number;
      continue;
    }
    const symbol = keySymbol(ch.charCodeAt(0));
    let next = own[symbol];
    if (next !== undefined && numberStates.has(next)) throw new Error(`vmx key template ${template}: a digit where another template has a device number`);
    if (next === undefined) {
      if (!create) return DEAD;
      next = newState();
      own[symbol] = next;
    }
    state = next;
  }
  return state;
}

vmxKeys.forEach((info, index) => {
  accepting[walk(info.template, true)] = index;
});

/** The transition on a character that is not a key character: the key ends before it. */
export const KEY_END = 0xffff;

/**
 * The transitions by character code, a row of 128 per state, and outside this file a state is written as the
 * offset of its row (state number << 7): the state after reading an ASCII character `c` in `state` is
 * `keyTransitions[state | c]`, and every other character ends the key (KEY_END). One look-up per key character
 * and nothing else on the path from one state to the next, where a table by symbol would need a look-up of the
 * symbol first. A key character the trie lacks leads to DEAD, which reads the rest of the key.
 */
if (children.length << 7 > KEY_END) throw new Error('vmx key templates: too many automaton states for a Uint16Array');
export const keyTransitions = new Uint16Array(children.length << 7).fill(KEY_END);
children.forEach((next, state) => {
  for (let c = 0; c < 128; c++) {
    const symbol = symbolOfChar[c] as number;
    if (symbol !== 0) keyTransitions[(state << 7) | c] = (next[symbol] ?? DEAD) << 7;
  }
});

/** The state a key starts in (the offset of its row). */
export const keyStartState = START << 7;

/** The index in `vmxKeys` of the template a key ending in `state` has, or -1. */
export function templateOfState(state: number): number {
  return accepting[state >> 7] as number;
}

/** The index in `vmxKeys` of a template, for rules that look for keys of that shape. */
export function templateIndex(template: string): number {
  const index = vmxKeys.findIndex((info) => info.template === template);
  if (index < 0) throw new Error(`no vmx key template ${template}`);
  return index;
}

/** The state after a device part such as `ethernet0` (written `ethernet#`), to tell an entry's device kind. */
export function deviceState(device: string): number {
  const state = walk(device, false);
  if (state === DEAD) throw new Error(`no vmx key template starts with ${device}`);
  return state << 7;
}
