/**
 * Where JSON.parse gave up, as a person finds it in an editor: V8's messages
 * do not always say ("Unexpected token '}', … is not valid JSON"), so the text
 * is scanned again, without recursion (a hostile file may nest deeply), up to
 * the first character that breaks the grammar.
 */
export function jsonErrorPosition(text: string): { position: number; line: number; column: number } {
  const offset = jsonErrorOffset(text);
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { position: offset + 1, line, column: offset - lineStart + 1 };
}

const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The 0-based offset of the first character that is not valid JSON (the text's length when it ends too early). */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const stack: ('array' | 'object')[] = [];
  let expect: 'value' | 'key' | 'after' = 'value';
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const string = (): boolean => {
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') return (i++, true);
      if (ch < ' ') return false;
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return (i++, false);
          i += 6;
        } else if (next !== undefined && '"\\/bfnrt'.includes(next)) i += 2;
        else return (i++, false);
      } else i++;
    }
    return false;
  };
  const scalar = (): boolean => {
    const ch = text[i];
    if (ch === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) return ((i += literal.length), true);
    }
    numberPattern.lastIndex = i;
    const match = numberPattern.exec(text);
    if (!match) return false;
    i += match[0].length;
    return true;
  };
  for (;;) {
    skipSpace();
    if (expect === 'value') {
      const ch = text[i];
      if (ch === '{' || ch === '[') {
        stack.push(ch === '{' ? 'object' : 'array');
        i++;
        skipSpace();
        if (text[i] === (ch === '{' ? '}' : ']')) {
          i++;
          stack.pop();
          expect = 'after';
        } else expect = ch === '{' ? 'key' : 'value';
        continue;
      }
      if (!scalar()) return i;
      expect = 'after';
    } else if (expect === 'key') {
      if (text[i] !== '"' || !string()) return i;
      skipSpace();
      if (text[i] !== ':') return i;
      i++;
      expect = 'value';
    } else {
      const top = stack.at(-1);
      if (top === undefined) return i;
      const ch = text[i];
      if (ch === ',') {
        i++;
        expect = top === 'object' ? 'key' : 'value';
      } else if ((top === 'object' && ch === '}') || (top === 'array' && ch === ']')) {
        i++;
        stack.pop();
      } else return i;
    }
  }
}
