/**
 * Random and mutated documents for the RAID analyzers: the characters both grammars treat specially, and edits
 * that break a valid file the way typing and pasting do.
 */

/** The characters both grammars treat specially, plus ordinary ones and a surrogate pair. */
const ALPHABET = [...`"'#=+()$\`\\{}[]:;.-/|&<>*?! \t\n\r\n`, 'a', 'Z', '0', '9', 'f', 'ARRAY ', 'DEVICE ', 'uuid=', 'rd.md.uuid=', 'add_drivers+=', '\u00e9', '\ud83d\ude00', '\uFEFF'];

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)] as T;
}

export function mutate(random: () => number, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(random() * 6);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (out.length + 1));
    const kind = Math.floor(random() * 5);
    if (kind === 0) out = out.slice(0, at) + pick(random, ALPHABET) + out.slice(at);
    else if (kind === 1) out = out.slice(0, at) + out.slice(at + 1 + Math.floor(random() * 8));
    else if (kind === 2) out = out.slice(0, at);
    else if (kind === 3) {
      const lines = out.split('\n');
      lines.splice(Math.floor(random() * lines.length), 0, pick(random, lines));
      out = lines.join('\n');
    } else out = out.slice(0, at) + out.slice(at).replace(/\n/g, '\r\n');
  }
  return out;
}

export function randomDocument(random: () => number): string {
  let out = '';
  const length = Math.floor(random() * 200);
  for (let i = 0; i < length; i++) out += pick(random, ALPHABET);
  return out;
}

