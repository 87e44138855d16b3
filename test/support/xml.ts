/** Strict XML parsing for generated platform files (web.config, .csdef, .cscfg). */
import { DOMParser, type Document, type Element } from '@xmldom/xmldom';

/** Parses `text`, throwing on any error or warning the parser reports (not well-formed XML). */
export function parseXml(text: string, where = 'XML'): Document {
  const problems: string[] = [];
  const parser = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
    },
  });
  let document: Document;
  try {
    document = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    problems.push(String(error));
  }
  if (problems.length > 0) throw new Error(`${where} is not well-formed:\n${problems.join('\n')}`);
  return document!;
}

/** Child elements of `parent` with the given local name (any namespace), in document order. */
export function childElements(parent: Element | Document, localName?: string): Element[] {
  const children: Element[] = [];
  for (let node = parent.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === node.ELEMENT_NODE && (localName === undefined || (node as Element).localName === localName)) children.push(node as Element);
  }
  return children;
}

/** Every descendant element with the given local name (any namespace), in document order. */
export function descendants(parent: Element | Document, localName: string): Element[] {
  return Array.from(parent.getElementsByTagNameNS('*', localName));
}
