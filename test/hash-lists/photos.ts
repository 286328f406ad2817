import sharp from 'sharp';
import { pdqHash } from '@listinglens/pdq';
import { pixelsForPdq, scene } from '../../libs/pdq/src/lib/testing';

/** Photo-like JPEGs made here (seeded scenes), a mirrored copy, and PDQ as the scan computes it. */
export const photo = (seed: number) => scene(seed, 640, 480);
export const mirrored = async (bytes: Buffer) => sharp(bytes).flop().jpeg({ quality: 85 }).toBuffer();
export const pdqOf = async (bytes: Buffer) => pdqHash(await pixelsForPdq(sharp(bytes))).hash;
