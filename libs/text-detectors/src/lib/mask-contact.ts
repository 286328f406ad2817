/**
 * Masks a contact for text a seller sees (notices): enough to recognise their own contact, not enough
 * to copy it. Reviewers see the full value in the finding's evidence.
 *   "+8613800138000" → "+861*********00" (first 3 and last 2 digits kept)
 *   "shop@example.com" → "s***@example.com"; "https://shop.example.com/x" → "sho***.com"
 *   "wx_shop888" → "wx***"
 */
export function maskContact(value: string): string {
  const v = value.trim();
  if (!v) return v;
  const email = /^([^@\s]+)@(.+)$/.exec(v);
  if (email) return `${email[1][0]}***@${email[2]}`;
  if (/^\+?[\d\s().-]+$/.test(v)) return maskDigits(v);
  const url = /^(?:https?:\/\/)?([^/\s?#]+\.[a-z]{2,})(?:[/?#].*)?$/i.exec(v);
  if (url) {
    const host = url[1].replace(/^www\./i, '');
    const tld = host.slice(host.lastIndexOf('.'));
    return `${host.slice(0, Math.min(3, host.lastIndexOf('.')))}***${tld}`;
  }
  return `${v.slice(0, Math.min(2, Math.max(1, v.length - 3)))}***`;
}

function maskDigits(v: string): string {
  const total = v.replace(/\D/g, '').length;
  let seen = 0;
  return v.replace(/\d/g, (d) => {
    seen++;
    return seen <= 3 || seen > total - 2 ? d : '*';
  });
}
