/**
 * Saying where JSON text goes wrong, in words: the first syntax error with its line and column,
 * and nesting deeper than a limit. The engines' own messages name no position for some errors
 * (`NaN`, a stray `]`), so this walks the text itself, with a stack instead of recursion.
 */

export type JsonTextProblem = { readonly offset: number; readonly message: string };

/** Line and column (both from 1, columns in UTF-16 code units) of `offset` in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index += 1) {
    if (text.charCodeAt(index) === 0x0a) {
      line += 1;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const VALUE_WORDS =
  'a value (text in double quotes, a number, true, false, null, an object or a list)';

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function isHex(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

/** Reads text in double quotes from `start` (the opening quote); the offset after it, or a problem. */
function scanString(text: string, start: number): number | JsonTextProblem {
  for (let index = start + 1; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0x22) return index + 1;
    if (code === 0x5c) {
      const escape = text[index + 1];
      if (escape === undefined || !ESCAPES.has(escape)) {
        return {
          offset: index,
          message: 'a backslash in text must start an escape such as \\n or \\"',
        };
      }
      if (escape === 'u') {
        for (let digit = 2; digit < 6; digit += 1) {
          if (!isHex(text.charCodeAt(index + digit))) {
            return { offset: index, message: '\\u must be followed by four hexadecimal digits' };
          }
        }
        index += 5;
      } else index += 1;
    } else if (code < 0x20) {
      return {
        offset: index,
        message: 'a line break or control character inside text in double quotes; write it as \\n',
      };
    }
  }
  return { offset: start, message: 'text in double quotes is not closed' };
}

/** Reads a number from `start`; the offset after it, or a problem. */
function scanNumber(text: string, start: number): number | JsonTextProblem {
  let index = start;
  if (text[index] === '-') index += 1;
  if (text.startsWith('Infinity', index)) {
    return { offset: start, message: 'Infinity is not a JSON number; write a number' };
  }
  const code = text.charCodeAt(index);
  if (!isDigit(code)) return { offset: start, message: 'a minus sign must be followed by digits' };
  if (code === 0x30 && isDigit(text.charCodeAt(index + 1))) {
    return { offset: start, message: 'a number cannot start with 0 (write 7, not 07)' };
  }
  while (isDigit(text.charCodeAt(index))) index += 1;
  if (text[index] === '.') {
    index += 1;
    if (!isDigit(text.charCodeAt(index))) {
      return { offset: index, message: 'a decimal point must be followed by digits' };
    }
    while (isDigit(text.charCodeAt(index))) index += 1;
  }
  if (text[index] === 'e' || text[index] === 'E') {
    index += 1;
    if (text[index] === '+' || text[index] === '-') index += 1;
    if (!isDigit(text.charCodeAt(index))) {
      return { offset: index, message: 'an exponent must be followed by digits' };
    }
    while (isDigit(text.charCodeAt(index))) index += 1;
  }
  return index;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/**
 * The first problem of `text` as JSON: a syntax error, or an object or list nested more than
 * `maxDepth` deep. Null when the text is valid JSON within that depth.
 */
export function findJsonTextProblem(text: string, maxDepth: number): JsonTextProblem | null {
  const open: number[] = [];
  type Mode = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after';
  let mode: Mode = 'value';
  let index = 0;
  for (;;) {
    while (index < text.length && isSpace(text.charCodeAt(index))) index += 1;
    if (index >= text.length) {
      if (mode === 'after' && open.length === 0) return null;
      return {
        offset: text.length,
        message:
          open.length > 0
            ? `the file ends before ${open.at(-1) === 0x7b ? 'an object is closed with }' : 'a list is closed with ]'}`
            : 'the file ends where a value should be',
      };
    }
    const code = text.charCodeAt(index);
    const char = text[index] as string;
    if (mode === 'after') {
      const top = open.at(-1);
      if (top === undefined) {
        return { offset: index, message: 'more text after the end of the JSON document' };
      }
      const close = top === 0x7b ? '}' : ']';
      if (char === ',') mode = top === 0x7b ? 'key' : 'value';
      else if (char === close) open.pop();
      else return { offset: index, message: `expected "," or "${close}"` };
      index += 1;
      continue;
    }
    if (mode === 'colon') {
      if (char !== ':') return { offset: index, message: 'expected ":" after the property name' };
      mode = 'value';
      index += 1;
      continue;
    }
    if (mode === 'key' || mode === 'first-key') {
      if (char === '}' && mode === 'first-key') {
        open.pop();
        mode = 'after';
        index += 1;
        continue;
      }
      if (char !== '"') {
        return {
          offset: index,
          message:
            char === '}'
              ? 'a comma with no property after it'
              : 'expected a property name in double quotes',
        };
      }
      const end = scanString(text, index);
      if (typeof end !== 'number') return end;
      index = end;
      mode = 'colon';
      continue;
    }
    // A value is expected.
    if (char === ']' && mode === 'first-value') {
      open.pop();
      mode = 'after';
      index += 1;
      continue;
    }
    if (char === '{' || char === '[') {
      open.push(code);
      if (open.length > maxDepth) {
        return {
          offset: index,
          message: `objects and lists nested more than ${maxDepth} levels deep; Baton reads at most ${maxDepth}`,
        };
      }
      mode = char === '{' ? 'first-key' : 'first-value';
      index += 1;
      continue;
    }
    let end: number | JsonTextProblem;
    if (char === '"') end = scanString(text, index);
    else if (char === '-' || isDigit(code)) end = scanNumber(text, index);
    else if (text.startsWith('true', index)) end = index + 4;
    else if (text.startsWith('false', index)) end = index + 5;
    else if (text.startsWith('null', index)) end = index + 4;
    else if (text.startsWith('NaN', index)) {
      end = { offset: index, message: 'NaN is not a JSON number; write a number or null' };
    } else if (text.startsWith('Infinity', index)) {
      end = { offset: index, message: 'Infinity is not a JSON number; write a number' };
    } else if (char === ']' && open.at(-1) === 0x5b) {
      end = { offset: index, message: 'a comma with no value after it' };
    } else end = { offset: index, message: `expected ${VALUE_WORDS}` };
    if (typeof end !== 'number') return end;
    index = end;
    mode = 'after';
  }
}
