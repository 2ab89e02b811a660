/** A fenced code block of a Markdown guide whose every command is one the extension can run on a host. */
export interface CommandBlock {
  /** 0-based line of the opening fence. */
  readonly fenceLine: number;
  readonly commands: readonly { readonly line: number; readonly text: string }[];
}

/** xe, and the dom0 tools the guides use. Anything else (a guest's shell, pfSense's) is not offered. */
const RUNNABLE = new Set(['xe', '/opt/xensource/libexec/xen-cmdline']);

/**
 * Finds the fenced blocks (``` or ~~~) whose non-empty, non-comment lines all start with a runnable command;
 * a block mixing in anything else gets no lens, so "Run on host" never runs half a recipe.
 */
export function findCommandBlocks(markdown: string): CommandBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CommandBlock[] = [];
  let open: { fence: string; line: number; body: { line: number; text: string }[] } | undefined;
  lines.forEach((raw, index) => {
    const fence = /^\s{0,3}(`{3,}|~{3,})/.exec(raw)?.[1];
    if (!open) {
      if (fence) open = { fence, line: index, body: [] };
      return;
    }
    if (fence && fence[0] === open.fence[0] && fence.length >= open.fence.length && raw.trim() === fence) {
      const commands = open.body.filter((l) => l.text !== '' && !l.text.startsWith('#'));
      if (commands.length > 0 && commands.every((c) => RUNNABLE.has(c.text.split(/\s+/)[0] ?? ''))) blocks.push({ fenceLine: open.line, commands });
      open = undefined;
      return;
    }
    open.body.push({ line: index, text: raw.trim() });
  });
  return blocks;
}
