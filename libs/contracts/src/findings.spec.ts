import { describe, expect, it } from 'vitest';
import { findingSchema, hasCode, type Finding } from './findings';

const box = { x: 1, y: 2, width: 30, height: 10 };
const reused: Finding = {
  code: 'image.reused',
  severity: 'medium',
  confidence: 1,
  imagePosition: 0,
  evidence: {
    summary: 'This image is identical to an image in another seller’s listing.',
    phash: 'ffff0000ffff0000',
    maxDistance: 12,
    matches: [{ listingId: 'L-2', sellerId: 'S-2', imagePosition: 1, phash: 'ffff0000ffff0000', hash: 'phash', distance: 0 }],
    totalListings: 1,
  },
  ruleId: 'image.reused.phash',
  ruleVersion: 1,
};
const qrContact: Finding = {
  code: 'contact.off_platform',
  severity: 'high',
  confidence: 0.95,
  imagePosition: 0,
  evidence: { kind: 'whatsapp', value: 'https://wa.me/1', masked: 'https://wa.me/*', source: 'qr', text: 'https://wa.me/1', payload: 'https://wa.me/1', box, scale: 1 },
  ruleId: 'text.contact-off-platform',
  ruleVersion: 1,
};
const modelScore: Finding = {
  code: 'ai.forensic',
  severity: 'info',
  confidence: 0.6,
  imagePosition: 0,
  evidence: { summary: 'model says AI', weakEvidence: true, model: 'Sightengine genai', rawScore: 0.97, calibration: { threshold: 0.9, likelihood: 0.6, source: 'uncalibrated default' }, provider: 'sightengine', requestId: 'r-1' },
  ruleId: 'model.remote.sightengine',
  ruleVersion: 1,
};

describe('findingSchema', () => {
  it('reads back what detectors write, unchanged', () => {
    for (const f of [reused, qrContact, modelScore]) expect(findingSchema.parse(JSON.parse(JSON.stringify(f)))).toEqual(f);
  });

  it('refuses evidence with a key its code does not name, or of another code', () => {
    expect(() => findingSchema.parse({ ...reused, evidence: { ...reused.evidence, sellerEmail: 'x@y.z' } })).toThrow(/sellerEmail/);
    expect(() => findingSchema.parse({ ...reused, evidence: qrContact.evidence })).toThrow();
    expect(() => findingSchema.parse({ ...qrContact, evidence: { ...qrContact.evidence, source: 'ocr' } })).toThrow();
    expect(() => findingSchema.parse({ ...reused, code: 'image.stolen' })).toThrow();
  });

  it('keeps the keys a model source adds to its score (open-ended by design)', () => {
    expect(findingSchema.parse(modelScore).evidence).toMatchObject({ provider: 'sightengine', requestId: 'r-1' });
  });

  it('hasCode narrows a list of findings to one code', () => {
    const contacts = [reused, qrContact, modelScore].filter(hasCode('contact.off_platform'));
    expect(contacts.map((f) => f.evidence.kind)).toEqual(['whatsapp']);
  });
});
