import type { Schemas } from '../api';
import { useEvidenceUrl } from '../evidence';
import { boxesOf } from './boxes';

interface Props {
  scanId: string;
  image: Schemas['Image'];
  findings: Array<{ index: number; finding: Schemas['Finding'] }>;
  active: number | null;
  onSelect: (index: number | null) => void;
}

/**
 * The image with each finding's box on it. Boxes are in the image's own pixels; they are placed in
 * percent of its width and height, so they stay on the text at any displayed size.
 */
export function ImageBoxes({ scanId, image, findings, active, onSelect }: Props) {
  const src = useEvidenceUrl({ scanId, position: image.position, kept: image.evidenceKept }, 'full');
  const { width, height } = image;
  return (
    <figure className="image-boxes">
      <div className="frame">
        {src ? (
          <img src={src} alt={`Listing image ${image.position + 1}`} data-position={image.position} data-sha256={image.sha256 ?? ''} />
        ) : (
          <div className="no-image">{image.evidenceKept ? 'loading…' : 'image not kept (only its hashes are)'}</div>
        )}
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
        <br />
        <span className="evidence" data-testid={`evidence-${image.position}`}>
          {image.evidenceKept ? 'evidence kept' : 'evidence not kept'}
          {image.sha256 ? ` · sha256 ${image.sha256}` : ''}
        </span>
      </figcaption>
    </figure>
  );
}
