/**
 * XMP packets larger than this are read only this far. Real packets are a few KB (Photoshop's with a
 * history, a few hundred KB); a property we look for sits near the top.
 */
export const MAX_XMP_CHARS = 1024 * 1024;

/**
 * Reads simple XMP property values without a full RDF parser. XMP writes a property in three shapes,
 * all handled: an attribute (`ns:Prop="v"`), an element (`<ns:Prop>v</ns:Prop>`, possibly wrapping an
 * rdf:Alt/Seq/Bag of rdf:li), or a resource (`<ns:Prop rdf:resource="v"/>`).
 *
 * Elements are found with indexOf, not a lazy `<ns:Prop>([\s\S]*?)</ns:Prop>` regex: a 600 KB packet with
 * unclosed `<dc:rights>` tags made that regex rescan to the end from every tag (18 s on the event loop;
 * BullMQ lost the job's lock and ran it twice). Every scan here moves forward, so the cost is linear.
 */
export function xmpValues(packet: string, qualifiedName: string): string[] {
  const xmp = packet.length > MAX_XMP_CHARS ? packet.slice(0, MAX_XMP_CHARS) : packet;
  const values: string[] = [];
  const attribute = new RegExp(`\\s${escapeRegExp(qualifiedName)}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');
  for (const m of xmp.matchAll(attribute)) values.push(decodeEntities(m[1] ?? m[2] ?? ''));
  for (const element of elements(xmp, qualifiedName)) {
    const resource = /\srdf:resource\s*=\s*"([^"]*)"/.exec(element.tag);
    if (resource) values.push(decodeEntities(resource[1]));
    if (element.inner === null) continue;
    const items = elements(element.inner, 'rdf:li').map((li) => li.inner ?? '');
    for (const item of items.length > 0 ? items : [element.inner]) {
      const text = decodeEntities(stripTags(item)).trim();
      if (text) values.push(text);
    }
  }
  return values.filter((v) => v.trim().length > 0);
}

/** Each `<name ...>` start tag with its content up to `</name>` (null when self-closing). */
function elements(xmp: string, name: string): Array<{ tag: string; inner: string | null }> {
  const open = `<${name}`;
  const close = `</${name}>`;
  const out: Array<{ tag: string; inner: string | null }> = [];
  let at = xmp.indexOf(open);
  while (at !== -1) {
    const next = xmp.charAt(at + open.length);
    if (next !== '>' && next !== '/' && !/\s/.test(next)) {
      at = xmp.indexOf(open, at + open.length); // a longer name (`<dc:rightsHolder>`)
      continue;
    }
    const tagEnd = xmp.indexOf('>', at);
    if (tagEnd === -1) break;
    const tag = xmp.slice(at, tagEnd + 1);
    if (tag.endsWith('/>')) {
      out.push({ tag, inner: null });
      at = xmp.indexOf(open, tagEnd);
      continue;
    }
    const end = xmp.indexOf(close, tagEnd);
    if (end === -1) break; // unclosed: no later tag can be closed either
    out.push({ tag, inner: xmp.slice(tagEnd + 1, end) });
    at = xmp.indexOf(open, end + close.length);
  }
  return out;
}

/** Markup removed; `[^<>]` (not `[^>]`) so a run of unclosed `<` costs one pass, not one per `<`. */
function stripTags(text: string): string {
  return text.replace(/<[^<>]*>/g, '');
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
