/** One EFI variable of a VM's NVRAM, as `varstore-ls <vm-uuid>` lists it: `<vendor guid> <name>`. */
export interface EfiVariable {
  readonly guid: string;
  readonly name: string;
}

export type SecureBootKey = 'PK' | 'KEK' | 'db' | 'dbx';

export const SECURE_BOOT_KEYS: readonly SecureBootKey[] = ['PK', 'KEK', 'db', 'dbx'];

/** UEFI spec vendor GUIDs: PK and KEK live under the global variable GUID, db and dbx under the image security database. */
const EFI_GLOBAL_VARIABLE = '8be4df61-93ca-11d2-aa0d-00e098032b8c';
const EFI_IMAGE_SECURITY_DATABASE = 'd719b2cb-3d3a-4596-a3bc-dad00e67656f';
const KEY_GUID: Readonly<Record<SecureBootKey, string>> = {
  PK: EFI_GLOBAL_VARIABLE,
  KEK: EFI_GLOBAL_VARIABLE,
  db: EFI_IMAGE_SECURITY_DATABASE,
  dbx: EFI_IMAGE_SECURITY_DATABASE,
};

export interface VmNvram {
  readonly variables: readonly EfiVariable[];
  /** The Secure Boot keys present, in PK, KEK, db, dbx order; a name under another GUID does not count. */
  readonly keys: readonly SecureBootKey[];
}

const LINE = /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}) (\S.*)$/;

/** Reads `varstore-ls` output; a line that is not `<guid> <name>` is garbage, not a variable, and throws. */
export function parseVarstoreLs(stdout: string): VmNvram {
  const variables: EfiVariable[] = [];
  stdout.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const m = LINE.exec(line);
    if (!m) throw new Error(`varstore-ls line ${index + 1} is not "<guid> <name>": ${JSON.stringify(line.slice(0, 120))}`);
    variables.push({ guid: (m[1] ?? '').toLowerCase(), name: m[2] ?? '' });
  });
  const keys = SECURE_BOOT_KEYS.filter((key) => variables.some((v) => v.name === key && v.guid === KEY_GUID[key]));
  return { variables, keys };
}
