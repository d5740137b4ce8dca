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
  const push = (field: string) => (list ? list.push(field) : fields.push(field));
  while (i < line.length) {
    const ch = line[i]!;
    if (ch === " " || ch === "\t") {
      i++;
    } else if (ch === '"') {
      let text = "";
      i++;
      while (i < line.length && line[i] !== '"') {
        if (line[i] === "\\" && line[i + 1] === '"') i++;
        text += line[i];
        i++;
      }
      if (i >= line.length) return undefined; // an unterminated quote
      i++;
      push(text);
    } else if (ch === "{" && !list) {
      list = [];
      i++;
    } else if (ch === "}" && list) {
      fields.push(list);
      list = undefined;
      i++;
    } else {
      let text = "";
      while (i < line.length && !/[\s"{}]/.test(line[i]!)) text += line[i++];
      if (text === "") return undefined; // a stray brace
      push(text);
    }
  }
  return list ? undefined : fields;
}
