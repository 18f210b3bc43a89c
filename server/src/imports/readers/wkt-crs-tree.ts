/**
 * A coordinate system's WKT (a .prj, OGC WKT 1 as GDAL writes it, ESRI's
 * flavour, or WKT 2) read into its nodes: `KEYWORD["name", 1.5, CHILD[…]]`.
 */
export interface WktNode {
  keyword: string;
  /** Quoted strings and numbers, in order (bare words such as `EAST` as strings). */
  values: (string | number)[];
  children: WktNode[];
}

/** The root node, or null when the text is not WKT. */
export function parseWktCrs(text: string): WktNode | null {
  let i = 0;
  const space = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const node = (depth: number): WktNode | null => {
    if (depth > 20) return null;
    space();
    const keyword = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 40))?.[0];
    if (!keyword) return null;
    i += keyword.length;
    space();
    const open = text[i];
    if (open !== '[' && open !== '(') return null;
    const close = open === '[' ? ']' : ')';
    i++;
    const result: WktNode = { keyword: keyword.toUpperCase(), values: [], children: [] };
    for (;;) {
      space();
      const ch = text[i];
      if (ch === undefined) return null;
      if (ch === close) {
        i++;
        return result;
      }
      if (ch === ',') {
        i++;
        continue;
      }
      if (ch === '"') {
        let end = i + 1;
        let value = '';
        // WKT doubles a quote inside a quoted string.
        for (;;) {
          const q = text.indexOf('"', end);
          if (q < 0) return null;
          value += text.slice(end, q);
          if (text[q + 1] === '"') {
            value += '"';
            end = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        result.values.push(value);
        continue;
      }
      const number = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i, i + 40))?.[0];
      if (number) {
        result.values.push(Number(number));
        i += number.length;
        continue;
      }
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 40))?.[0];
      if (!word) return null;
      let j = i + word.length;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      if (text[j] === '[' || text[j] === '(') {
        const nested = node(depth + 1);
        if (!nested) return null;
        result.children.push(nested);
        continue;
      }
      result.values.push(word);
      i += word.length;
    }
  };
  const root = node(0);
  space();
  return root && i === text.length ? root : null;
}

export function child(node: WktNode, ...keywords: string[]): WktNode | undefined {
  return node.children.find((c) => keywords.includes(c.keyword));
}

/** The first node with one of the keywords, depth first, the node itself included. */
export function descendant(node: WktNode, ...keywords: string[]): WktNode | undefined {
  if (keywords.includes(node.keyword)) return node;
  for (const c of node.children) {
    const found = descendant(c, ...keywords);
    if (found) return found;
  }
  return undefined;
}
