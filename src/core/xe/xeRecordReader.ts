import { decodeXeBool, decodeXeInt, decodeXeMap, decodeXeNullable, decodeXeSet, decodeXeTags } from './decodeXeValue';
import type { XeRecord } from './parseXeRecords';
import { XeParseError, type XeParseOptions } from './xeParseError';

/**
 * Typed reads of one record's fields by name. A missing or undecodable field throws in strict mode; in lenient
 * mode it is reported to `onSkip` and read as a neutral default, so one odd field never hides a whole pool.
 */
export class XeRecordReader {
  constructor(
    private readonly record: XeRecord,
    /** What the record is (`VM`, `host`...), for messages. */
    private readonly what: string,
    private readonly options: XeParseOptions = {},
  ) {}

  /** The raw value, or '' when missing. */
  string(name: string): string {
    return this.raw(name) ?? '';
  }

  /** `<not in database>` as null; a missing field is null too. */
  nullable(name: string): string | null {
    const raw = this.raw(name);
    return raw === undefined ? null : decodeXeNullable(raw);
  }

  bool(name: string): boolean {
    const raw = this.raw(name);
    if (raw === undefined) {
      return false;
    }
    const value = raw === 'true' ? true : raw === 'false' ? false : decodeXeBool(raw);
    if (value === undefined) {
      this.problem(`${name} is not a boolean: ${JSON.stringify(raw)}`);
      return false;
    }
    return value;
  }

  /** An Int64 field; null for `<not in database>` (missing metrics), a missing field or bad text. */
  int(name: string): number | null {
    const raw = this.raw(name);
    if (raw === undefined) {
      return null;
    }
    const value = decodeXeInt(raw);
    if (value === undefined) {
      this.problem(`${name} is not an integer: ${JSON.stringify(raw)}`);
      return null;
    }
    return value;
  }

  /** A map field; null for `<not in database>`, empty when missing. */
  map(name: string): ReadonlyMap<string, string> | null {
    const raw = this.raw(name);
    return raw === undefined ? new Map() : decodeXeMap(raw);
  }

  /** A `"; "` set field. */
  set(name: string): string[] {
    const raw = this.raw(name);
    return raw === undefined || raw === '<not in database>' ? [] : decodeXeSet(raw);
  }

  /** A `", "` set field (`tags`). */
  tags(name: string): string[] {
    const raw = this.raw(name);
    return raw === undefined ? [] : decodeXeTags(raw);
  }

  private raw(name: string): string | undefined {
    const raw = this.record.fields.get(name);
    if (raw === undefined) {
      this.problem(`${this.what} record has no field ${name}`);
    }
    return raw;
  }

  private problem(reason: string): void {
    const uuid = this.record.fields.get('uuid') ?? '?';
    const text = `${this.what} ${uuid}`;
    if (this.options.strict === true) {
      throw new XeParseError(`${text}: ${reason}`, this.record.line, text);
    }
    this.options.onSkip?.({ line: this.record.line, text, reason });
  }
}
