/**
 * One SIE line as fields. Fields are separated by spaces or tabs; a field in
 * quotes may hold spaces, and \" is a quote inside it; {…} is an object list,
 * kept as one field holding its own fields (SIE filformat 4B, 5.4–5.7).
 */
export type SieField = string | readonly string[];

export function tokenizeLine(line: string): SieField[] | undefined {
  const fields: SieField[] = [];
  let list: string[] | undefined;
  let i = 0;
  const n = line.length;
  while (i < n) {
    const ch = line.charCodeAt(i);
    if (ch === SPACE || ch === TAB) {
      i++;
    } else if (ch === QUOTE) {
      // Slices between escapes, so a long name is not built a character at a time.
      let text = "";
      let from = ++i;
      for (;;) {
        const end = line.indexOf('"', i);
        if (end < 0) return undefined; // an unterminated quote
        if (line.charCodeAt(end - 1) === BACKSLASH) {
          text += line.slice(from, end - 1) + '"';
          from = i = end + 1;
          continue;
        }
        text += line.slice(from, end);
        i = end + 1;
        break;
      }
      (list ?? fields).push(text);
    } else if (ch === OPEN && !list) {
      list = [];
      i++;
    } else if (ch === CLOSE && list) {
      fields.push(list);
      list = undefined;
      i++;
    } else {
      const from = i;
      while (i < n) {
        const c = line.charCodeAt(i);
        if (c === SPACE || c === TAB || c === QUOTE || c === OPEN || c === CLOSE) break;
        i++;
      }
      if (i === from) return undefined; // a stray brace
      (list ?? fields).push(line.slice(from, i));
    }
  }
  return list ? undefined : fields;
}

const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN = 123;
const CLOSE = 125;
