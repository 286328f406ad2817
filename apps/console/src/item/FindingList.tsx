import type { Schemas } from '../api';
import { KeyValues } from '../KeyValues';
import { ReuseMatches } from './ReuseMatches';

// Shown by the evidence, not as raw JSON: the box is drawn, words are the OCR detail behind `text`.
const DRAWN = ['box', 'words', 'matches'];

const CAVEATS: Partial<Record<string, string>> = {
  'ai.forensic': 'A forensic statistic is weak evidence: it is never enough on its own to call an image AI-generated.',
  'ai.watermark': 'A watermark decodes from the pixels; the matching bits and the threshold band say how sure the decoder is.',
};

interface Props {
  findings: Schemas['Finding'][];
  listingPrice: { amount: string; currency: string } | null;
  scan: Schemas['Scan'] | null;
  active: number | null;
  onSelect: (index: number | null) => void;
}

/** Each finding with its evidence; hovering or selecting one highlights its box on the image. */
export function FindingList({ findings, listingPrice, scan, active, onSelect }: Props) {
  if (findings.length === 0) return <p className="muted">No findings in this scan.</p>;
  return (
    <ol className="findings" aria-label="Findings">
      {findings.map((f, index) => {
        const text = typeof f.evidence.text === 'string' ? f.evidence.text : null;
        const shown = f.evidence.shown as { amount?: string; currencies?: string[] } | undefined;
        return (
          <li key={index} className={active === index ? 'active' : undefined} onMouseEnter={() => onSelect(index)} onMouseLeave={() => onSelect(null)}>
            <button type="button" aria-pressed={active === index} onClick={() => onSelect(active === index ? null : index)} onFocus={() => onSelect(index)}>
              <span className={`badge sev-${f.severity}`}>{f.severity}</span> <strong>{f.code}</strong>
              <span className="muted">
                {' '}
                · confidence {Math.round(f.confidence * 100)}% · image {f.imagePosition === null ? '—' : f.imagePosition + 1}
              </span>
            </button>
            {text && (
              <p>
                Text read: <q lang="und">{text}</q>
              </p>
            )}
            {shown?.amount && listingPrice && (
              <p className="prices">
                Price read <strong>{`${shown.amount} ${shown.currencies?.join('/') ?? ''}`}</strong> · listing price{' '}
                <strong>{`${listingPrice.amount} ${listingPrice.currency}`}</strong>
              </p>
            )}
            {CAVEATS[f.code] && <p className="caveat">{CAVEATS[f.code]}</p>}
            {f.code === 'image.reused' && <ReuseMatches evidence={f.evidence} scan={scan} position={f.imagePosition} />}
            {/* AI evidence (provenance chain, watermark bits, forensic statistic) is the finding: shown open. */}
            <details open={f.code.startsWith('ai.')}>
              <summary>Evidence ({f.ruleId})</summary>
              <KeyValues value={f.evidence} skip={DRAWN} />
            </details>
          </li>
        );
      })}
    </ol>
  );
}
