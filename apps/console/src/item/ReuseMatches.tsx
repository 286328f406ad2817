import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api';
import { useEvidenceUrl } from '../evidence';

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
  useEffect(() => {
    void api.GET('/v1/listings/{listingId}', { params: { path: { listingId: match.listingId } } }).then(({ data }) => setListing(data ?? null));
  }, [match.listingId]);
  const scan = listing?.latestScan;
  const image = scan?.images.find((i) => i.position === match.imagePosition);
  const src = useEvidenceUrl(scan && image ? { scanId: scan.scanId, position: image.position, kept: image.evidenceKept } : null, 'full');
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
export function ReuseMatches({ evidence, scan, position }: { evidence: Record<string, unknown>; scan: Schemas['Scan'] | null; position: number | null }) {
  const matches = Array.isArray(evidence.matches) ? (evidence.matches as Match[]) : [];
  const image = scan?.images.find((i) => i.position === position);
  const src = useEvidenceUrl(scan && image ? { scanId: scan.scanId, position: image.position, kept: image.evidenceKept } : null, 'full');
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
