import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '../api';
import { useEvidenceUrl } from '../evidence';

type PreviewImage = NonNullable<NonNullable<Schemas['ReviewItemPreview']>['image']>;

/**
 * The flagged image's cached 480 px thumbnail with its findings' boxes, asked for only once the row
 * scrolls into view (a page of 200 rows does not fetch 200 images up front). Boxes are in the full
 * image's pixels, placed in percent, so they land on the same spot of the smaller picture.
 */
export function QueueThumb({ scanId, image, title }: { scanId: string; image: PreviewImage; title: string }) {
  const frame = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const el = frame.current;
    if (!el) return;
    const seen = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        setVisible(true);
        seen.disconnect();
      }
    });
    seen.observe(el);
    return () => seen.disconnect();
  }, []);
  const src = useEvidenceUrl({ scanId, position: image.position, kept: image.evidenceKept }, 'thumb', visible);
  return (
    <div className="thumb frame" ref={frame} style={{ aspectRatio: `${image.width} / ${image.height}` }}>
      {src ? <img src={src} alt={`Flagged image of ${title}`} data-sha256={image.sha256} /> : <div className="no-image">{image.evidenceKept ? '' : 'not kept'}</div>}
      {image.boxes.map((b, n) => (
        <div
          key={n}
          className="box"
          aria-hidden="true"
          style={{ left: `${(b.x / image.width) * 100}%`, top: `${(b.y / image.height) * 100}%`, width: `${(b.width / image.width) * 100}%`, height: `${(b.height / image.height) * 100}%` }}
        />
      ))}
    </div>
  );
}
