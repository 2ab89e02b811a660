/**
 * The text VS Code inserts for a snippet when the user accepts every default: placeholders give their
 * default (recursively), choices their first option, tab stops and variables nothing. Enough of the snippet
 * grammar for the snippets we ship; an unknown construct throws so a test cannot pass by accident.
 */
export function expandSnippet(body: string | readonly string[]): string {
  const text = typeof body === 'string' ? body : body.join('\n');
  let index = 0;

  function parse(stopAt: string | undefined): string {
    let out = '';
    while (index < text.length) {
      const c = text[index] as string;
      if (c === '\\' && index + 1 < text.length && '$}\\,|'.includes(text[index + 1] as string)) {
        out += text[index + 1];
        index += 2;
      } else if (stopAt !== undefined && c === stopAt) {
        return out;
      } else if (c === '$') {
        out += parseDollar();
      } else {
        out += c;
        index++;
      }
    }
    if (stopAt !== undefined) throw new Error(`Unclosed snippet construct in ${JSON.stringify(text)}`);
    return out;
  }

  function parseDollar(): string {
    const simple = /^\$(\d+|[A-Za-z_][A-Za-z0-9_]*)/.exec(text.slice(index));
    if (simple) {
      index += simple[0].length;
      return '';
    }
    const choice = /^\$\{\d+\|((?:[^|\\]|\\.)*)\|\}/.exec(text.slice(index));
    if (choice) {
      index += choice[0].length;
      return (choice[1] as string).split(/(?<!\\),/)[0]?.replace(/\\(.)/g, '$1') ?? '';
    }
    const open = /^\$\{(\d+|[A-Za-z_][A-Za-z0-9_]*)(:|\})/.exec(text.slice(index));
    if (!open) throw new Error(`Unsupported snippet syntax at ${index} in ${JSON.stringify(text)}`);
    index += open[0].length;
    if (open[2] === '}') return '';
    const value = parse('}');
    index++; // the closing }
    return /^\d+$/.test(open[1] as string) ? value : '';
  }

  return parse(undefined);
}
