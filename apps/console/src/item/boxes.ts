export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const isBox = (v: unknown): v is Box =>
  typeof v === 'object' && v !== null && ['x', 'y', 'width', 'height'].every((k) => typeof (v as Record<string, unknown>)[k] === 'number');

/**
 * Where a finding is on its image. Evidence is free-form per detector: most carry one `box` (the whole
 * match); some (livestream cues) carry several inside lists. Word boxes inside a match are not drawn.
 */
export function boxesOf(evidence: Record<string, unknown>): Box[] {
  if (isBox(evidence.box)) return [evidence.box];
  const found: Box[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 3 || typeof v !== 'object' || v === null) return;
    if (Array.isArray(v)) return v.forEach((x) => walk(x, depth + 1));
    const record = v as Record<string, unknown>;
    if (isBox(record.box)) found.push(record.box);
    else Object.entries(record).forEach(([k, x]) => k !== 'words' && walk(x, depth + 1));
  };
  walk(evidence, 0);
  return found;
}
