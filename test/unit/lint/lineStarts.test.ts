import * as assert from 'node:assert/strict';
import { appendLineEdit, insertLineEdit, removeLinesEdit } from '../../../src/core/lint/lineEdits';
import { splitSourceLines } from '../../../src/core/lint/sourceLines';
import { parseVmx } from '../../../src/core/lint/vmx/parseVmx';

// The line starts a scan records must answer the line edits exactly as the lines cut by splitSourceLines do.
const texts = ['', 'a = "1"', 'a = "1"\n', 'a = "1"\r\nb = "2"\r\n', 'a = "1"\rb = "2"', '\n\n\r\n\r', 'x\r\r\ny\n\rz', '\uFEFFa = "é"\r\n\r\nb = "2"', '# only\n  \t\n'];

describe('LineStarts: line lengths and terminator from the offsets a scan records', () => {
  for (const text of texts) {
    it(JSON.stringify(text), () => {
      const source = splitSourceLines(text);
      const { lines } = parseVmx(text);
      assert.equal(lines.count, source.lines.length);
      source.lines.forEach((line, i) => assert.equal(lines.length(i), line.length, `line ${i}`));
      for (let line = 0; line < lines.count; line++) {
        assert.deepEqual(removeLinesEdit(lines, line, line), removeLinesEdit(source, line, line));
        assert.deepEqual(insertLineEdit(lines, line, 'k = "v"'), insertLineEdit(source, line, 'k = "v"'));
      }
      assert.deepEqual(appendLineEdit(lines, 'k = "v"'), appendLineEdit(source, 'k = "v"'));
    });
  }
});
