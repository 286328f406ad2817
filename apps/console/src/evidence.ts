import { useEffect, useState } from 'react';
import { api } from './api';

export interface EvidenceRef {
  scanId: string;
  position: number;
  /** The scan says the bytes are kept (`evidenceKept`); otherwise nothing is asked for. */
  kept: boolean;
}

/**
 * The scanned image from our own API (it needs the key, so it is fetched and shown as a blob: URL). Never
 * the seller's URL: that server would learn who reviews, and could show the reviewer other pixels.
 * `visible`: false holds the request back (queue thumbnails load when scrolled into view).
 */
export function useEvidenceUrl(ref: EvidenceRef | null, size: 'full' | 'thumb', visible = true): string | null {
  const [url, setUrl] = useState<string | null>(null);
  const scanId = ref?.scanId ?? '';
  const position = ref?.position ?? 0;
  const wanted = !!ref?.kept && visible;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    let made: string | null = null;
    void api
      .GET('/v1/scans/{scanId}/images/{position}/evidence', { params: { path: { scanId, position: String(position) }, query: { size } }, parseAs: 'blob' })
      .then(({ data }) => {
        if (!live || !(data instanceof Blob)) return;
        made = URL.createObjectURL(data);
        setUrl(made);
      });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [scanId, position, size, wanted]);
  return wanted ? url : null;
}
