// TIFF structures for EXIF in every container (JPEG APP1, PNG eXIf, WebP EXIF, TIFF files).

/** One TIFF directory entry: tag, TIFF type (2 ASCII, 1 BYTE, 7 UNDEFINED) and its raw value. */
export interface TiffEntry {
  tag: number;
  type: number;
  value: Buffer;
}

/** A TIFF structure (header, IFD0, optional Exif IFD) in either byte order: EXIF in every container. */
export function tiff(ifd0: TiffEntry[], exifIfd: TiffEntry[] = [], littleEndian = true): Buffer {
  const u16 = (v: number) => {
    const b = Buffer.alloc(2);
    if (littleEndian) b.writeUInt16LE(v);
    else b.writeUInt16BE(v);
    return b;
  };
  const u32 = (v: number) => {
    const b = Buffer.alloc(4);
    if (littleEndian) b.writeUInt32LE(v);
    else b.writeUInt32BE(v);
    return b;
  };
  const count0 = ifd0.length + (exifIfd.length ? 1 : 0);
  const exifAt = 8 + 2 + count0 * 12 + 4;
  let dataAt = exifAt + (exifIfd.length ? 2 + exifIfd.length * 12 + 4 : 0);
  const blobs: Buffer[] = [];
  const entry = (e: TiffEntry) => {
    const count = e.type === 7 || e.type === 1 || e.type === 2 ? e.value.length : e.value.length / 4;
    let field = Buffer.concat([e.value, Buffer.alloc(Math.max(0, 4 - e.value.length))]);
    if (e.value.length > 4) {
      field = u32(dataAt);
      blobs.push(e.value);
      dataAt += e.value.length;
    }
    return Buffer.concat([u16(e.tag), u16(e.type), u32(count), field]);
  };
  const dir0 = [u16(count0), ...ifd0.map(entry)];
  if (exifIfd.length) dir0.push(Buffer.concat([u16(0x8769), u16(4), u32(1), u32(exifAt)]));
  dir0.push(u32(0));
  const dirExif = exifIfd.length ? [u16(exifIfd.length), ...exifIfd.map(entry), u32(0)] : [];
  const header = Buffer.concat([Buffer.from(littleEndian ? 'II' : 'MM', 'latin1'), u16(42), u32(8)]);
  return Buffer.concat([header, ...dir0, ...dirExif, ...blobs]);
}
