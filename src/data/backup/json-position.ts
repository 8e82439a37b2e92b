// Finds where a JSON text stops being valid. Engines disagree on whether their JSON.parse error
// says where (V8 sometimes, Safari never), so the validator asks this scanner instead.

const WS = new Set([' ', '\t', '\n', '\r']);

/** Offset of the first syntax error in `text` (text.length for an unexpected end), or -1 if valid. */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  const n = text.length;
  const skip = (): void => {
    while (i < n && WS.has(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string): void => {
    if (text.startsWith(word, i)) i += word.length;
    else {
      let k = 0;
      while (k < word.length && text[i + k] === word[k]) k++;
      i += k;
      fail();
    }
  };
  const string = (): void => {
    i++; // opening quote
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x22) return void i++;
      if (c < 0x20) fail();
      if (c === 0x5c) {
        i++;
        const e = text[i];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
        else fail();
      } else i++;
    }
    fail();
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') fail();
    i += m![0].length;
  };
  // Iterative over a stack of containers, so deep nesting cannot overflow the call stack.
  const stack: ('{' | '[')[] = [];
  const value = (): void => {
    for (;;) {
      skip();
      const c = text[i];
      if (c !== '{' && c !== '[') break;
      i++;
      skip();
      if (text[i] === (c === '{' ? '}' : ']')) {
        i++;
        return;
      }
      stack.push(c);
      if (c === '{') key();
    }
    const c = text[i];
    if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else if (c === '-' || (c >= '0' && c <= '9')) number();
    else fail();
  };
  const key = (): void => {
    skip();
    if (text[i] !== '"') fail();
    string();
    skip();
    if (text[i] !== ':') fail();
    i++;
  };
  try {
    value();
    for (;;) {
      skip();
      const top = stack[stack.length - 1];
      if (!top) break;
      if (text[i] === ',') {
        i++;
        if (top === '{') key();
        value();
      } else if (text[i] === (top === '{' ? '}' : ']')) {
        stack.pop();
        i++;
      } else fail();
    }
    skip();
    return i < n ? i : -1;
  } catch (pos) {
    return typeof pos === 'number' ? Math.min(pos, n) : 0;
  }
}
