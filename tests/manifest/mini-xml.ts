/**
 * A small namespace-aware XML reader for the manifest tests (elements, attributes, text; comments,
 * processing instructions and the XML declaration are skipped). Well-formedness and structure are
 * checked by the XSD validation; this only gives the tests a tree to look at.
 */

export interface XmlElement {
  /** Name as written, e.g. "bt:Image". */
  name: string;
  /** Local name, e.g. "Image". */
  local: string;
  /** Namespace URI ('' when none). */
  ns: string;
  /** Attributes by name as written (e.g. "xsi:type"). */
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

function resolve(el: XmlElement, prefix: string): string {
  const key = prefix ? `xmlns:${prefix}` : 'xmlns';
  for (let e: XmlElement | undefined = el; e; e = e.parent) if (key in e.attrs) return e.attrs[key];
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  if (prefix) throw new Error(`undeclared namespace prefix ${prefix}`);
  return '';
}

export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', local: '#document', ns: '', attrs: {}, children: [], text: '' };
  let current = root;
  const re = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[([\s\S]*?)\]\]>|<\/([^\s>]+)\s*>|<([^\s/>]+)((?:\s+[^\s=]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const [, cdata, closeName, openName, attrText, selfClose, text] = m;
    if (cdata !== undefined) current.text += cdata;
    else if (text !== undefined) current.text += decode(text);
    else if (closeName) {
      if (closeName !== current.name) throw new Error(`mismatched </${closeName}>, open element is <${current.name}>`);
      current = current.parent!;
    } else if (openName) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs[a[1]] = decode(a[2] ?? a[3] ?? '');
      const colon = openName.indexOf(':');
      const el: XmlElement = { name: openName, local: colon < 0 ? openName : openName.slice(colon + 1), ns: '', attrs, children: [], text: '', parent: current };
      el.ns = resolve(el, colon < 0 ? '' : openName.slice(0, colon));
      current.children.push(el);
      if (!selfClose) current = el;
    }
  }
  if (current !== root) throw new Error(`unclosed <${current.name}>`);
  if (root.children.length !== 1) throw new Error('expected exactly one root element');
  return root.children[0];
}

/** Resolves an attribute value such as xsi:type="bt:Foo" to its local part. */
export function localPart(qname: string | undefined): string | undefined {
  return qname === undefined ? undefined : qname.slice(qname.indexOf(':') + 1);
}

export function childrenNamed(el: XmlElement, local: string, ns?: string): XmlElement[] {
  return el.children.filter((c) => c.local === local && (ns === undefined || c.ns === ns));
}

export function child(el: XmlElement, local: string, ns?: string): XmlElement {
  const found = childrenNamed(el, local, ns);
  if (found.length !== 1) throw new Error(`expected one <${local}> in <${el.name}>, found ${found.length}`);
  return found[0];
}

export function descendants(el: XmlElement, local: string, ns?: string): XmlElement[] {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of e.children) {
      if (c.local === local && (ns === undefined || c.ns === ns)) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}
