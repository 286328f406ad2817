import { useEffect, useState } from 'react';
import { api, type Schemas } from '../api';
import { boxesOf } from './boxes';

export interface SourceView {
  position: number;
  kind: 'url' | 'inline';
  url: string | null;
}

/** A url image loads from its URL; an inline one through the API (it needs the key), as a data: URL. */
export function useImageUrl(scanId: string, source: SourceView | undefined): string | null {
  const [dataUrl, setDataUrl] = useState<string | null>(null);
  const inline = source?.kind === 'inline';
  const position = source?.position ?? 0;
  useEffect(() => {
    if (!inline || !scanId) return;
    let live = true;
    void api.GET('/v1/scans/{scanId}/images/{position}', { params: { path: { scanId, position: String(position) } } }).then(({ data }) => {
      if (live && data) setDataUrl(`data:${data.mediaType};base64,${data.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [scanId, inline, position]);
  return inline ? dataUrl : (source?.url ?? null);
}

interface Props {
  scanId: string;
  image: Schemas['Image'];
  source: SourceView | undefined;
  findings: Array<{ index: number; finding: Schemas['Finding'] }>;
  active: number | null;
  onSelect: (index: number | null) => void;
}

/**
 * The image with each finding's box on it. Boxes are in the image's own pixels; they are placed in
 * percent of its width and height, so they stay on the text at any displayed size.
 */
export function ImageBoxes({ scanId, image, source, findings, active, onSelect }: Props) {
  const src = useImageUrl(scanId, source);
  const { width, height } = image;
  return (
    <figure className="image-boxes">
      <div className="frame">
        {src ? <img src={src} alt={`Listing image ${image.position + 1}`} data-position={image.position} /> : <div className="no-image">image not available</div>}
        {width &&
          height &&
          findings.flatMap(({ index, finding }) =>
            boxesOf(finding.evidence).map((box, n) => (
              <div
                key={`${index}-${n}`}
                className={`box sev-${finding.severity}${active === index ? ' active' : ''}`}
                data-finding={index}
                role="img"
                aria-label={`Box of ${finding.code} at ${box.x},${box.y} size ${box.width}×${box.height}`}
                style={{ left: `${(box.x / width) * 100}%`, top: `${(box.y / height) * 100}%`, width: `${(box.width / width) * 100}%`, height: `${(box.height / height) * 100}%` }}
                onMouseEnter={() => onSelect(index)}
                onMouseLeave={() => onSelect(null)}
              />
            )),
          )}
      </div>
      <figcaption>
        Image {image.position + 1}
        {width && height ? ` · ${width}×${height}` : ''}
        {image.format ? ` · ${image.format}` : ''}
        {image.error && <span className="error"> · {image.error.message}</span>}
      </figcaption>
    </figure>
  );
}
