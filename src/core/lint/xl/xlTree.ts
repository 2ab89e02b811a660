import type { Finding } from '../finding';
import type { DecodedXlString } from './decodeXlString';

/** What parseXl reads from an xl config: statements with their values, and the syntax findings. */

export interface XlString {
  readonly kind: 'string';
  readonly line: number;
  readonly start: number;
  readonly end: number;
  /** The text between the quotes, escapes not interpreted. */
  readonly body: string;
  /** Where the body starts in the text: its code units are `codeUnits(text)` from there. */
  readonly bodyOffset: number;
  readonly decoded: DecodedXlString;
}

export interface XlNumber {
  readonly kind: 'number';
  readonly line: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface XlList {
  readonly kind: 'list';
  readonly line: number;
  readonly start: number;
  readonly endLine: number;
  readonly end: number;
  readonly items: readonly XlValue[];
}

export type XlValue = XlString | XlNumber | XlList;

export interface XlStatement {
  readonly key: string;
  readonly line: number;
  readonly keyStart: number;
  readonly keyEnd: number;
  readonly op: '=' | '+=';
  readonly value: XlValue;
}

export interface XlParse {
  readonly statements: readonly XlStatement[];
  /** Lexical and syntax findings, in the order met. */
  readonly findings: readonly Finding[];
  /** Column where a comment starts on each line, or -1. */
  readonly commentStart: Int32Array;
}
