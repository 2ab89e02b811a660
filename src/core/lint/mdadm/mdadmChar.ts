/**
 * The characters mdadm's config reader acts on, as code units. A const enum, so that every use compiles to
 * the number itself: the readers compare them on every character of a large file.
 */
export const enum MdadmChar {
  Tab = 0x09,
  Lf = 0x0a,
  Cr = 0x0d,
  Space = 0x20,
  DoubleQuote = 0x22,
  Hash = 0x23,
  SingleQuote = 0x27,
  Slash = 0x2f,
  Equals = 0x3d,
}
