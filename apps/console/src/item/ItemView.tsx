import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas } from '../api';
import { age, when } from '../format';
import { go } from '../route';
import { DecisionPanel } from './DecisionPanel';
import { FindingList } from './FindingList';
import { History } from './History';
import { ImageBoxes } from './ImageBoxes';
import { Shortcuts } from './Shortcuts';
import { useClaim } from './useClaim';
import { ErrorAlert } from '../ErrorAlert';

interface Loaded {
  listing: Schemas['Listing'] | null;
  scan: Schemas['Scan'] | null;
  audit: Schemas['AuditEntry'][];
  notices: Schemas['Notice'][];
}

/** One claimed item: images with boxes, findings, the listing, the decision form and the history. */
export function ItemView({ itemId }: { itemId: string }) {
  const { item, error, finish } = useClaim(itemId);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [active, setActive] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const load = useCallback(async (it: Schemas['ReviewItem']) => {
    const scanId = it.scanId;
    const [listing, scan, audit, notices] = await Promise.all([
      api.GET('/v1/listings/{listingId}', { params: { path: { listingId: it.listingId } } }),
      scanId ? api.GET('/v1/scans/{scanId}', { params: { path: { scanId } } }) : null,
      api.GET('/v1/audit', { params: { query: { listingId: it.listingId, limit: 200 } } }),
      api.GET('/v1/notices', { params: { query: { listingId: it.listingId, limit: 50 } } }),
    ]);
    setLoaded({
      listing: listing.data ?? null,
      scan: scan?.data ?? null,
      // The audit route also streams NDJSON/CSV, so its typed body is a union: this asks for JSON.
      audit: typeof audit.data === 'object' ? audit.data.items : [],
      notices: notices.data?.items ?? [],
    });
  }, []);
  const itemLoaded = item !== null;
  useEffect(() => {
    if (item) void load(item);
    // Load once per claimed item; a renewal only moves the lease.
  }, [itemLoaded, load]);

  if (error) return <ErrorAlert>Could not claim this item: {error}</ErrorAlert>;
  if (!item || !loaded) return <p className="muted">Claiming…</p>;
  const { listing, scan } = loaded;
  const findings = scan?.findings ?? [];
  const appeal = loaded.audit.filter((a) => a.action === 'notice.appealed' && a.subjectId === item.appealNoticeId).at(-1);

  return (
    <article className="item" aria-labelledby="item-title">
      <header className="item-head">
        <button type="button" onClick={() => go('queue')}>
          ← Queue
        </button>
        <h1 id="item-title">{listing?.title ?? item.listingId}</h1>
        <p className="lease" data-testid="lease">
          {item.status === 'claimed' && item.leaseUntil ? `Claimed by you until ${when(item.leaseUntil)} (renewed while this page is open)` : `Status: ${item.status}`}
        </p>
      </header>
      {item.isAppeal && (
        <section className="appeal-reason" aria-label="Appeal">
          <h2>Appeal</h2>
          <p>{appeal?.reason ?? 'The seller appealed; no reason was recorded.'}</p>
        </section>
      )}
      <div className="item-grid">
        <section aria-label="Images" className="images">
          {scan?.images.map((image) => (
            <ImageBoxes
              key={image.position}
              scanId={scan.scanId}
              image={image}
              findings={findings.map((finding, index) => ({ index, finding })).filter(({ finding }) => finding.imagePosition === image.position)}
              active={active}
              onSelect={setActive}
            />
          ))}
        </section>
        <section aria-label="Listing and findings" className="details">
          {listing && (
            <dl className="listing-fields">
              <dt>Marketplace</dt>
              <dd>{`${listing.marketplace} · ${listing.externalId}`}</dd>
              <dt>Seller</dt>
              <dd>{listing.sellerId}</dd>
              <dt>Listing price</dt>
              <dd>{`${listing.price.amount} ${listing.price.currency}`}</dd>
              <dt>AI disclosed</dt>
              <dd>{listing.aiDisclosure === null ? 'not said' : listing.aiDisclosure ? 'yes' : 'no'}</dd>
              <dt>Labels</dt>
              <dd>{listing.labels.join(', ') || 'none'}</dd>
              <dt>In queue for</dt>
              <dd>{age(item.createdAt)}</dd>
              {listing.description && (
                <>
                  <dt>Description</dt>
                  <dd>{listing.description}</dd>
                </>
              )}
            </dl>
          )}
          <h2>Findings</h2>
          <FindingList findings={findings} listingPrice={listing?.price ?? null} scan={scan} active={active} onSelect={setActive} />
          {item.status === 'decided' ? (
            <p role="status" className="outcome">
              {outcome ?? 'Decided.'}
            </p>
          ) : (
            <DecisionPanel
              item={item}
              labels={listing?.labels ?? []}
              onDecided={(result) => {
                finish(result.item);
                setOutcome(`${result.item.decision?.decision ?? 'Decided'}: ${result.noticeIds.length} notice(s) sent to the seller.`);
                void load(result.item);
              }}
            />
          )}
          <Shortcuts />
        </section>
      </div>
      <History audit={loaded.audit} notices={loaded.notices} />
    </article>
  );
}
