/** POSIX single quoting for the scripts the simulator generates (launchers, namespace setup). */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
