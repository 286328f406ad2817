import { z } from 'zod';

/** Evidence of the AI-image and reuse findings (libs/ai-signals). Strict unless a comment says why not. */

/** Where a provenance statement was read. */
export const PROVENANCE_SOURCES = ['c2pa', 'xmp', 'exif', 'png-text', 'jpeg-comment', 'stealth-alpha'] as const;
export type ProvenanceSource = (typeof PROVENANCE_SOURCES)[number];
/** `generated`: made by a generative model. `edited`: a camera or human image changed with one. */
export const AI_CLAIM_KINDS = ['generated', 'edited'] as const;
export type AiClaimKind = (typeof AI_CLAIM_KINDS)[number];
/**
 * `trusted`: signed by a certificate on a trust list and intact. `valid`: intact, signer not on the
 * operator's trust list (C2PA_TRUST_ANCHORS; none ships). `unverified`: the manifest failed validation
 * (altered after signing, bad or expired signature): its statements are shown but never taken as proof
 * that an image is clean.
 */
export const C2PA_VALIDATIONS = ['trusted', 'valid', 'unverified'] as const;
export type C2paValidation = (typeof C2PA_VALIDATIONS)[number];
/** What the finding says about the signer: on the operator's trust list, intact but not on it, or broken. */
export const C2PA_TRUSTS = ['trusted', 'untrusted-signer', 'invalid'] as const;
export type C2paTrust = (typeof C2PA_TRUSTS)[number];

/** One metadata statement that generative AI made or changed the image (a provenance signal's evidence). */
export const provenanceClaimEvidenceSchema = z.strictObject({
  source: z.enum(PROVENANCE_SOURCES),
  kind: z.enum(AI_CLAIM_KINDS),
  path: z.string(),
  value: z.string(),
  generator: z.string().nullable(),
  /** The manifest's validation, on C2PA claims only. */
  c2paValidation: z.enum(C2PA_VALIDATIONS).nullable().optional(),
});
export type ProvenanceClaimEvidence = z.infer<typeof provenanceClaimEvidenceSchema>;

/**
 * The C2PA manifest store as the reader summarised it (libs/ai-signals provenance-types.ts C2paSummary:
 * signers and chains, ingredient graph, bindings, failures). Shown to reviewers whole and read by no code,
 * so only the verdicts are typed here; the rest is the reader's report, which grows with the reader.
 */
const c2paSummarySchema = z.looseObject({ validation: z.enum(C2PA_VALIDATIONS), trust: z.enum(C2PA_TRUSTS) });

export const aiProvenanceEvidenceSchema = z.strictObject({
  summary: z.string(),
  generator: z.string().nullable(),
  aiKind: z.enum(AI_CLAIM_KINDS),
  claims: z.array(provenanceClaimEvidenceSchema),
  c2paTrust: z.enum(C2PA_TRUSTS).nullable(),
  c2pa: c2paSummarySchema.nullable(),
});

export const provenanceUnverifiedEvidenceSchema = z.strictObject({
  summary: z.string(),
  c2pa: c2paSummarySchema.nullable(),
  /** A C2PA store was found but could not be parsed. */
  c2paError: z.string().nullable(),
});

/** A decoded invisible watermark (a watermark signal's evidence). */
export const watermarkMatchEvidenceSchema = z.strictObject({
  scheme: z.literal('invisible-watermark/dwtDct'),
  payload: z.string(),
  description: z.string(),
  matchingBits: z.number().int(),
  totalBits: z.number().int(),
  verdict: z.enum(['very_likely', 'likely', 'partial', 'none']),
  thresholds: z.strictObject({ bits: z.number().int(), veryLikely: z.number().int(), likely: z.number().int(), partial: z.number().int() }),
  /** Chance that a random bit string matches this well. */
  chanceProbability: z.number(),
  decodedHex: z.string(),
});
export type WatermarkMatchEvidence = z.infer<typeof watermarkMatchEvidenceSchema>;

export const aiWatermarkEvidenceSchema = watermarkMatchEvidenceSchema.extend({ summary: z.string() });

/** Set on a weak signal counted at a reduced weight because a trusted C2PA manifest says a camera took the image. */
const trustedCaptureFactor = z.number().optional();

/** The residual-spectrum statistic's evidence (a forensic signal's evidence). */
export const forensicStatisticEvidenceSchema = z.strictObject({
  statistic: z.strictObject({
    name: z.literal('residual-spectrum-upsampling-peak'),
    value: z.number(),
    frequency: z.tuple([z.number(), z.number()]),
    tiles: z.number().int(),
  }),
  calibration: z.strictObject({
    threshold: z.number(),
    likelihoodAboveThreshold: z.number(),
    corpus: z.string(),
    aiMedian: z.number(),
    nonAiMedian: z.number(),
    nonAiMax: z.number(),
    truePositiveRateAtThreshold: z.string(),
    falsePositiveRateAtThreshold: z.string(),
  }),
  trustedCaptureFactor,
});
export type ForensicStatisticEvidence = z.infer<typeof forensicStatisticEvidenceSchema>;

/**
 * A detector model's score (a model signal's evidence). Loose: model sources plug in (ONNX file, remote
 * services) and each adds what identifies its call (modelFile; provider, requestId, cached, attempts).
 */
export const modelScoreEvidenceSchema = z.looseObject({
  model: z.string(),
  rawScore: z.number(),
  calibration: z.strictObject({ threshold: z.number(), likelihood: z.number(), source: z.string() }),
  trustedCaptureFactor,
});
export type ModelScoreEvidence = z.infer<typeof modelScoreEvidenceSchema>;

const weak = { summary: z.string(), weakEvidence: z.literal(true) };
export const aiForensicEvidenceSchema = z.union([forensicStatisticEvidenceSchema.extend(weak), modelScoreEvidenceSchema.extend(weak)]);

export const aiUndisclosedEvidenceSchema = z.strictObject({
  summary: z.string(),
  label: z.string(),
  labelId: z.string(),
  aiDisclosure: z.boolean().nullable(),
  likelihood: z.number(),
  signals: z.array(z.strictObject({ id: z.string(), likelihood: z.number(), summary: z.string() })),
});

/** The hashes image.reused compares: the whole image's pHash and the crop-robust centre hash. */
export const REUSE_HASHES = ['phash', 'centre'] as const;
const reuseHash = z.enum(REUSE_HASHES);
export type ReuseHash = z.infer<typeof reuseHash>;

const reusedBase = {
  summary: z.string(),
  phash: z.string(),
  maxDistance: z.number().int(),
  /** The centre hash's threshold, when the centre hash was looked up (maxDistance is the pHash's). */
  centreMaxDistance: z.number().int().optional(),
  /** Other listings with the photo, all of them (matches lists the closest few). */
  totalListings: z.number().int(),
};
export const imageReusedEvidenceSchema = z.strictObject({
  ...reusedBase,
  matches: z.array(
    z.strictObject({
      /** The stored listing id; in the CLI, "marketplace/externalId" of another input line. */
      listingId: z.string(),
      sellerId: z.string(),
      imagePosition: z.number().int(),
      /** The stored hash that matched: the other image's pHash, or the pHash of its centre. */
      phash: z.string(),
      /** Which hash matched ('centre': a crop or mirrored copy the whole-image pHash misses). Findings stored
       * before the centre hash read as 'phash'. */
      hash: reuseHash.default('phash'),
      /** Hamming bits to this image's hash (centre: to the nearest of its probes). */
      distance: z.number().int(),
    }),
  ),
});

/** image.reused as a seller-scoped key sees it (apps/api seller-scan-view.ts): never whose listing. */
export const imageReusedSellerEvidenceSchema = z.strictObject({
  ...reusedBase,
  closestDistance: z.number().int().nullable(),
  /** Which hash the closest match is by (null without matches). */
  closestHash: reuseHash.nullable(),
});

/** The policy actions a hash list's matches may take: a policy action type, or "label:<slug>". */
export const HASH_LIST_ACTION = /^(review|notify_seller|none|label:[a-z0-9][a-z0-9-]{1,62})$/;

/** image.listed_match: the image, or one of its rotations or flips, is on an enabled hash list (PDQ). */
export const imageListedMatchEvidenceSchema = z.strictObject({
  summary: z.string(),
  /** The scanned image's PDQ (64 hex digits) and quality. */
  pdq: z.string(),
  pdqQuality: z.number().int(),
  /** Every listed hash within its list's threshold, closest first (at most 10). */
  matches: z.array(
    z.strictObject({
      list: z.string(),
      listId: z.string(),
      source: z.string(),
      /** The list's action (HASH_LIST_ACTION). */
      action: z.string(),
      threshold: z.number().int(),
      /** Our id of the listed hash (hash_list_entries.id). */
      hashId: z.string(),
      /** The list owner's id for the hash, and its note, as imported. */
      externalId: z.string().nullable(),
      note: z.string().nullable(),
      /** The listed hash. */
      pdq: z.string(),
      distance: z.number().int(),
      /** Which rotation or flip of the scanned image matched (PDQ's dihedral names: original, rotate90, flipX, …). */
      variant: z.string(),
    }),
  ),
});
