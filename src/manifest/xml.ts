/** The manifest's XML as a tree of elements, and the finding of elements in it. */

import { XMLParser, XMLValidator } from "fast-xml-parser";

/** An XML element with its namespace prefix dropped from the name (bt:Image is Image). */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
}

type OrderedNode = Record<string, unknown>;

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

function toElements(nodes: unknown): XmlElement[] {
  if (!Array.isArray(nodes)) return [];
  const elements: XmlElement[] = [];
  for (const node of nodes as OrderedNode[]) {
    const name = Object.keys(node).find((key) => key !== ":@" && key !== "#text");
    if (name === undefined) continue;
    const rawAttributes = (node[":@"] ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string> = {};
    for (const [key, value] of Object.entries(rawAttributes)) attributes[key] = String(value);
    const content = node[name];
    const text = Array.isArray(content)
      ? (content as OrderedNode[])
          .map((child) => child["#text"])
          .filter((t) => t !== undefined)
          .map(String)
          .join("")
      : "";
    elements.push({ name: localName(name), attributes, children: toElements(content), text: text.trim() });
  }
  return elements;
}

/** The manifest's root element, or undefined when the text is not well-formed XML. */
export function parseManifest(xml: string): XmlElement | undefined {
  if (XMLValidator.validate(xml) !== true) return undefined;
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: "",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
  });
  return toElements(parser.parse(xml))[0];
}

export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element?.children.find((c) => c.name === name);
}

export function childrenNamed(element: XmlElement | undefined, name: string): XmlElement[] {
  return element?.children.filter((c) => c.name === name) ?? [];
}

export function descendants(element: XmlElement): XmlElement[] {
  return element.children.flatMap((c) => [c, ...descendants(c)]);
}

/** The names of the functions the ribbon's ExecuteFunction buttons call. */
export function manifestFunctionNames(xml: string): string[] {
  const root = parseManifest(xml);
  if (!root) return [];
  return descendants(root)
    .filter((e) => e.name === "Action" && e.attributes["xsi:type"] === "ExecuteFunction")
    .map((e) => child(e, "FunctionName")?.text ?? "")
    .filter((name) => name !== "");
}
