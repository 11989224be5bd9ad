/**
 * Where and why a text is not JSON, in the same words whatever the JavaScript engine: JSON.parse's
 * own messages differ between engines and versions and may quote the whole text. Only called after
 * JSON.parse has failed. A scan with an explicit stack, so that deep nesting cannot overflow.
 */

export function describeJsonError(text: string): string {
  const found = findError(text);
  const { line, column } = lineAndColumn(text, found.at);
  return `line ${line}, column ${column}: ${found.message}`;
}

interface Found {
  at: number;
  message: string;
}

const WS = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;

function findError(text: string): Found {
  let i = 0;
  const stack: ('[' | '{')[] = [];
  const skip = () => {
    while (i < text.length && WS.has(text[i]!)) i++;
  };
  const unexpected = (what: string): Found => {
    if (i >= text.length) return { at: i, message: `the text ends where ${what} should be` };
    const char = text[i]!;
    if (char === '\uFEFF') return { at: i, message: 'a byte order mark in the middle of the text' };
    return { at: i, message: `expected ${what}, found ${show(char)}` };
  };
  const string = (): Found | null => {
    i++;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '"') {
        i++;
        return null;
      }
      if (char === '\\') {
        const next = text[i + 1];
        if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
        else return { at: i, message: 'a bad escape sequence in a string' };
      } else if (char < ' ') {
        return { at: i, message: 'a control character (such as a line break) inside a string; write it as an escape like \\n' };
      } else i++;
    }
    return { at: i, message: 'the text ends inside a string' };
  };
  // Each loop turn reads one value, then the punctuation after it.
  for (;;) {
    skip();
    const char = text[i];
    if (char === '{' || char === '[') {
      stack.push(char);
      i++;
      skip();
      if (text[i] === (char === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else if (char === '{') {
        const key = objectKey();
        if (key) return key;
        continue;
      } else continue;
    } else if (char === '"') {
      const bad = string();
      if (bad) return bad;
    } else {
      NUMBER.lastIndex = i;
      LITERAL.lastIndex = i;
      const match = NUMBER.exec(text) ?? LITERAL.exec(text);
      if (!match) return unexpected('a value');
      i += match[0].length;
    }
    // After a value: close containers, or a comma and the next entry.
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (top === undefined) {
        return i < text.length ? { at: i, message: `more text after the end of the JSON value, starting with ${show(text[i]!)}` } : { at: i, message: 'no error found' };
      }
      const close = top === '{' ? '}' : ']';
      if (text[i] === close) {
        stack.pop();
        i++;
        continue;
      }
      if (text[i] !== ',') return unexpected(`"," or "${close}"`);
      i++;
      skip();
      if (text[i] === close) return { at: i, message: `a comma before "${close}" (trailing commas are not JSON)` };
      if (top === '{') {
        const key = objectKey();
        if (key) return key;
      }
      break;
    }
  }

  function objectKey(): Found | null {
    skip();
    if (text[i] !== '"') return unexpected('a property name in double quotes');
    const bad = string();
    if (bad) return bad;
    skip();
    if (text[i] !== ':') return unexpected('":" after a property name');
    i++;
    return null;
  }
}

function show(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `the control character U+${code.toString(16).toUpperCase().padStart(4, '0')}` : JSON.stringify(char);
}

function lineAndColumn(text: string, at: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let k = 0; k < at && k < text.length; k++) {
    if (text[k] === '\n') {
      line++;
      start = k + 1;
    }
  }
  return { line, column: at - start + 1 };
}
