/**
 * Reads simple XMP property values without a full RDF parser. XMP writes a property in three shapes,
 * all handled: an attribute (`ns:Prop="v"`), an element (`<ns:Prop>v</ns:Prop>`, possibly wrapping an
 * rdf:Alt/Seq/Bag of rdf:li), or a resource (`<ns:Prop rdf:resource="v"/>`).
 */
export function xmpValues(xmp: string, qualifiedName: string): string[] {
  const name = escapeRegExp(qualifiedName);
  const values: string[] = [];
  const attribute = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  for (const m of xmp.matchAll(attribute)) values.push(decodeEntities(m[1] ?? m[2] ?? ''));
  const resource = new RegExp(`<${name}\\b[^>]*\\brdf:resource\\s*=\\s*"([^"]*)"`, 'g');
  for (const m of xmp.matchAll(resource)) values.push(decodeEntities(m[1]));
  const element = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`, 'g');
  for (const m of xmp.matchAll(element)) {
    const inner = m[1];
    const items = [...inner.matchAll(/<rdf:li\b[^>]*>([\s\S]*?)<\/rdf:li>/g)].map((li) => li[1]);
    for (const item of items.length > 0 ? items : [inner]) {
      const text = decodeEntities(item.replace(/<[^>]+>/g, '')).trim();
      if (text) values.push(text);
    }
  }
  return values.filter((v) => v.trim().length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(x?)([0-9a-f]+);/gi, (_, hex: string, digits: string) =>
      String.fromCodePoint(parseInt(digits, hex ? 16 : 10)),
    )
    .replace(/&amp;/g, '&');
}
