import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  AiProvenanceDetector,
  AiSignalRegistry,
  certificatesIn,
  ImageAiAssessor,
  parseTrustList,
  ProvenanceSignalSource,
  readImageMetadata,
  readProvenance,
  trustListFrom,
  WasmC2paReader,
  type AiSignalSource,
  type C2paReader,
  UNCALIBRATED,
} from '@listinglens/ai-signals';
import { findingSchema } from '@listinglens/contracts';
import { analyzed, context } from './support/fixture-builders';

// c2pa-rs test fixtures (MIT/Apache-2.0, see fixtures/LICENSE.md), signed by its test CA chain.
const fixture = (name: string) => readFile(join(__dirname, 'fixtures', name));

/** The fixture's own intermediate CA (it embeds signer + intermediate): a trust anchor the test owns. */
async function intermediatePem(): Promise<string> {
  const cert = certificatesIn(await fixture('c2pa-algorithmic-media.jpg')).find((c) => /CN=Intermediate CA/.test(c.subject));
  if (!cert) throw new Error('fixture has no intermediate certificate');
  return cert.toString();
}
async function unrelatedPem(): Promise<string> {
  // The timestamping authority's certificate, also in the file: a real CA, but not the signer's.
  const cert = certificatesIn(await fixture('c2pa-algorithmic-media.jpg')).find((c) => /DigiCert Trusted Root G4/.test(c.subject));
  if (!cert) throw new Error('fixture has no DigiCert certificate');
  return cert.toString();
}
async function c2paOf(name: string, reader: C2paReader) {
  const bytes = await fixture(name);
  return (await readProvenance(bytes, readImageMetadata(bytes, 'jpeg'), reader, null)).c2pa;
}

describe('C2PA signer identity and the operator trust list', () => {
  it('names the signer, its organisation and chain; without a trust list the signer is untrusted', async () => {
    const c2pa = await c2paOf('c2pa-algorithmic-media.jpg', new WasmC2paReader(null));
    expect(c2pa?.trust).toBe('untrusted-signer');
    expect(c2pa?.signers[0]).toMatchObject({ issuer: 'C2PA Test Signing Cert', organization: 'C2PA Test Signing Cert', commonName: 'C2PA Signer' });
    expect(c2pa?.signers[0].chain.map((c) => c.commonName)).toEqual(['C2PA Signer', 'Intermediate CA']);
  });

  it('reads trusted when the chain reaches an anchor on the list, untrusted-signer when it does not', async () => {
    const trusted = await c2paOf('c2pa-algorithmic-media.jpg', new WasmC2paReader(parseTrustList(await intermediatePem())));
    expect(trusted?.trust).toBe('trusted');
    const other = await c2paOf('c2pa-algorithmic-media.jpg', new WasmC2paReader(parseTrustList(await unrelatedPem())));
    expect(other?.trust).toBe('untrusted-signer');
  });

  it('reads invalid for a manifest changed after signing, even with its anchor trusted', async () => {
    const c2pa = await c2paOf('c2pa-tampered.jpg', new WasmC2paReader(parseTrustList(await intermediatePem())));
    expect(c2pa?.trust).toBe('invalid');
  });

  it('loads C2PA_TRUST_ANCHORS from PEM files and refuses a file with no certificate', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'll-trust-'));
    await writeFile(join(dir, 'a.pem'), await intermediatePem());
    await writeFile(join(dir, 'b.pem'), await unrelatedPem());
    await writeFile(join(dir, 'bad.pem'), 'not a certificate');
    const list = trustListFrom(`${join(dir, 'a.pem')},${join(dir, 'b.pem')}`);
    expect(list?.anchors.map((a) => a.subject)).toEqual([expect.stringContaining('CN=Intermediate CA'), expect.stringContaining('DigiCert Trusted Root G4')]);
    expect(trustListFrom(undefined)).toBeNull();
    expect(trustListFrom('  ')).toBeNull();
    expect(() => trustListFrom(join(dir, 'bad.pem'))).toThrow(/no PEM certificate/);
  });
});

describe('an invalid manifest without an AI claim', () => {
  it('is provenance.unverified (info), not an ai.provenance finding', async () => {
    const image = await analyzed(await fixture('c2pa-tampered.jpg'));
    const assessor = new ImageAiAssessor({ c2paReader: new WasmC2paReader(null), forensic: false });
    const findings = await new AiProvenanceDetector(assessor).detect(context([image]));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['provenance.unverified', 'info']]);
    // The whole C2PA summary (signers, graph, failures) is evidence: stored as JSON it reads back unchanged.
    const stored: unknown = JSON.parse(JSON.stringify(findings[0]));
    expect(findingSchema.parse(stored)).toEqual(stored);
  });
});

describe('a trusted camera capture', () => {
  const weak: AiSignalSource = {
    id: 'fake-weak',
    version: 1,
    kind: 'model',
    analyze: async () => ({
      signals: [{ id: 'model.fake', kind: 'model', strength: 'weak', likelihood: 0.6, summary: 'weak', evidence: { model: 'fake', rawScore: 0.95, calibration: UNCALIBRATED } }],
      measurements: {},
    }),
  };
  const capture = { action: 'c2pa.created', digitalSourceType: 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCapture' };
  const store = (state: string) => ({
    active_manifest: 'cam',
    manifests: { cam: { assertions: [{ label: 'c2pa.actions', data: { actions: [capture] } }] } },
    validation_state: state,
  });
  const likelihoodWith = async (state: string) => {
    const reader: C2paReader = { read: async () => store(state) };
    const registry = new AiSignalRegistry([new ProvenanceSignalSource(reader), weak]);
    const bytes = await fixture('c2pa-algorithmic-media.jpg'); // any JPEG with an APP11 store: the reader is stubbed
    return (await new ImageAiAssessor({ registry }).assess(await analyzed(bytes))).likelihood;
  };

  it('halves weak pixel statistics when the capture manifest is trusted, not when merely valid', async () => {
    expect(await likelihoodWith('Valid')).toBe(0.6);
    expect(await likelihoodWith('Trusted')).toBe(0.3);
  });
});
