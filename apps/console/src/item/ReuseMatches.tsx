import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api';
import { useImageUrl, type SourceView } from './ImageBoxes';

interface Match {
  listingId: string;
  sellerId: string;
  imagePosition: number;
  /** Which hash found it: the whole image's pHash, or the centre hash (crops, mirrored copies). Findings
   * stored before the centre hash have none: pHash. */
  hash?: 'phash' | 'centre';
  distance: number;
}

const HASH_NAMES = { phash: 'whole-image hash', centre: 'centre hash (crop or mirror)' } as const;

/** The other listing's copy of the photo, with its seller and title, to set beside this one. */
function OtherListing({ match }: { match: Match }) {
  const [listing, setListing] = useState<Schemas['Listing'] | null>(null);
  const [source, setSource] = useState<SourceView | undefined>(undefined);
  useEffect(() => {
    void api.GET('/v1/listings/{listingId}', { params: { path: { listingId: match.listingId } } }).then(async ({ data }) => {
      setListing(data ?? null);
      const scanId = data?.latestScan?.scanId;
      if (!scanId) return;
      const sources = await api.GET('/v1/scans/{scanId}/image-sources', { params: { path: { scanId } } });
      setSource(sources.data?.items.find((s) => s.position === match.imagePosition));
    });
  }, [match.listingId, match.imagePosition]);
  const src = useImageUrl(listing?.latestScan?.scanId ?? '', source);
  return (
    <figure className="reuse-other">
      {src ? <img src={src} alt={`The same photo in listing ${listing?.title ?? match.listingId}`} /> : <div className="no-image">image not available</div>}
      <figcaption>
        {listing?.title ?? match.listingId} · seller {match.sellerId} · {listing?.marketplace} · {HASH_NAMES[match.hash ?? 'phash']}, {match.distance} bits apart
      </figcaption>
    </figure>
  );
}

/** This listing's photo first, then each other listing's copy: side by side to compare. */
export function ReuseMatches({ evidence, scanId, source }: { evidence: Record<string, unknown>; scanId: string; source: SourceView | undefined }) {
  const matches = Array.isArray(evidence.matches) ? (evidence.matches as Match[]) : [];
  const src = useImageUrl(scanId, source);
  return (
    <div className="reuse" role="group" aria-label="Same photo in other listings">
      <figure>
        {src ? <img src={src} alt="This listing's photo" /> : <div className="no-image">image not available</div>}
        <figcaption>This listing</figcaption>
      </figure>
      {matches.map((m) => (
        <OtherListing key={m.listingId} match={m} />
      ))}
    </div>
  );
}
