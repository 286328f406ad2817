import { describe, expect, it } from 'vitest';
import { assessC2paStore } from './c2pa-assessment';

const IPTC = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/** The shape of ChatGPT's store: the AI step sits in the ingredient's manifest, not the active one. */
const chatGptLike = {
  active_manifest: 'urn:active',
  manifests: {
    'urn:active': {
      claim_generator_info: [{ name: 'ChatGPT' }],
      assertions: [{ label: 'c2pa.actions.v2', data: { actions: [{ action: 'c2pa.opened' }] } }],
    },
    'urn:ingredient': {
      claim_generator_info: [{ name: 'ChatGPT' }],
      assertions: [
        {
          label: 'c2pa.actions.v2',
          data: { actions: [{ action: 'c2pa.created', softwareAgent: { name: 'GPT-4o' }, digitalSourceType: ` ${IPTC}trainedAlgorithmicMedia\n` }] },
        },
      ],
    },
  },
  validation_state: 'Invalid',
  validation_status: [{ code: 'signingCredential.expired' }],
};

describe('assessC2paStore', () => {
  it('finds the AI creation step in an ingredient manifest and names its software agent', () => {
    const { claims, summary } = assessC2paStore(chatGptLike);
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({ kind: 'generated', generator: 'GPT-4o', value: `${IPTC}trainedAlgorithmicMedia` });
    expect(claims[0].path).toBe('c2pa/urn:ingredient/c2pa.actions.v2/actions[0]/digitalSourceType');
    expect(summary).toMatchObject({ validation: 'unverified', failures: ['signingCredential.expired'], manifestCount: 2 });
  });

  it('reads the legacy com.adobe.digitalSourceType and the composite kinds', () => {
    const store = {
      manifests: {
        m: {
          claim_generator: 'Adobe_Photoshop/25',
          assertions: [
            { label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.edited', parameters: { 'com.adobe.digitalSourceType': `${IPTC}compositeWithTrainedAlgorithmicMedia` } }] } },
          ],
        },
      },
      validation_state: 'Valid',
    };
    const { claims, summary } = assessC2paStore(store);
    expect(claims[0]).toMatchObject({ kind: 'edited', generator: 'Adobe_Photoshop/25' });
    expect(summary.validation).toBe('valid');
  });

  it('treats algorithmicMedia and digitalCapture as not AI, and keeps them as evidence', () => {
    const store = {
      manifests: {
        m: {
          assertions: [
            { label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.created', digitalSourceType: `${IPTC}algorithmicMedia` }] } },
            { label: 'c2pa.actions', data: { actions: [{ action: 'c2pa.created', digitalSourceType: 'digitalCapture' }] } },
          ],
        },
      },
      validation_state: 'Trusted',
    };
    const { claims, summary } = assessC2paStore(store);
    expect(claims).toEqual([]);
    expect(summary).toMatchObject({ validation: 'trusted', nonAiSourceTypes: ['algorithmicMedia', 'digitalCapture'] });
  });

  it('without validation_state, an integrity failure means unverified', () => {
    const store = { manifests: {}, validation_status: [{ code: 'assertion.dataHash.mismatch' }] };
    expect(assessC2paStore(store).summary.validation).toBe('unverified');
  });
});
