import { describe, expect, it } from 'vitest';
import { describeJsonError } from '../../../lib/core/dataset/json-error';

describe('describeJsonError', () => {
  it('says where and what, in words that do not depend on the engine', () => {
    const cases: [string, string][] = [
      ['{"a":', 'line 1, column 6: the text ends where a value should be'],
      ['{,}', 'line 1, column 2: expected a property name in double quotes, found ","'],
      ['[1,]', 'line 1, column 4: a comma before "]" (trailing commas are not JSON)'],
      ['{"a":1}x', 'line 1, column 8: more text after the end of the JSON value, starting with "x"'],
      ['\n\n  {"a" 1}', 'line 3, column 8: expected ":" after a property name, found "1"'],
      ['{"a":"\\x"}', 'line 1, column 7: a bad escape sequence in a string'],
      ['{"a":"b\nc"}', 'line 1, column 8: a control character (such as a line break) inside a string; write it as an escape like \\n'],
      ['{"a":"b', 'line 1, column 8: the text ends inside a string'],
      ['[1 2]', 'line 1, column 4: expected "," or "]", found "2"'],
      ['{"a":1 "b":2}', 'line 1, column 8: expected "," or "}", found "\\""'],
      ['[tru]', 'line 1, column 2: expected a value, found "t"'],
      ['[01]', 'line 1, column 3: expected "," or "]", found "1"'],
      ['[\u0001]', 'line 1, column 2: expected a value, found the control character U+0001'],
      ["[\uFEFF1]", "line 1, column 2: a byte order mark in the middle of the text"],
    ];
    for (const [text, message] of cases) {
      expect(() => JSON.parse(text), text).toThrow();
      expect(describeJsonError(text), JSON.stringify(text)).toBe(message);
    }
  });
});
