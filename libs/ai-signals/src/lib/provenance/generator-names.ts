/**
 * Tools and models whose name in a Software / CreatorTool / Source field means generative AI made the
 * image. Names only: a general editor (Photoshop, GIMP, Lightroom) is not on the list even though it has
 * generative features, because its name alone does not say they were used.
 */
/**
 * Each entry: patterns that must all match, each after the previous one's match (`Designer … AI`).
 * No pattern has `.*` between two words: `/\bDesigner\b.*\bAI\b/i` over a 765 KB Software text of
 * "Designer " × 85,000 backtracked for ~50 s on the event loop (BullMQ lost the job's lock and ran it
 * twice). Matching in steps is linear.
 */
const GENERATOR_PATTERNS: { patterns: RegExp[]; name: string }[] = [
  { patterns: [/\bNovelAI\b/i], name: 'NovelAI' },
  { patterns: [/\bMidjourney\b/i], name: 'Midjourney' },
  { patterns: [/\bDALL[·\-\s]?E\b/i], name: 'DALL·E' },
  { patterns: [/\bgpt-image|\bGPT-4o\b|\bChatGPT\b|\bSora\b/i], name: 'OpenAI image generation' },
  { patterns: [/\bStable[\s-]?Diffusion\b|\bSDXL\b/i], name: 'Stable Diffusion' },
  { patterns: [/\bComfyUI\b/i], name: 'ComfyUI' },
  { patterns: [/\bInvokeAI\b/i], name: 'InvokeAI' },
  { patterns: [/\bFooocus\b/i], name: 'Fooocus' },
  { patterns: [/\bSwarmUI\b/i], name: 'SwarmUI' },
  { patterns: [/\bAdobe Firefly\b|^Firefly\b/i], name: 'Adobe Firefly' },
  { patterns: [/\bImagen\b|\bGemini\b|\bNano Banana\b/i], name: 'Google Imagen/Gemini' },
  { patterns: [/\bImage Creator\b|\bBing Image\b/i], name: 'Microsoft Image Creator' },
  { patterns: [/\bDesigner\b/i, /\bAI\b/i], name: 'Microsoft Image Creator' },
  { patterns: [/\bLeonardo\.?Ai\b/i], name: 'Leonardo.Ai' },
  { patterns: [/\bIdeogram\b/i], name: 'Ideogram' },
  // Black Forest Labs' reference code writes Make "Black Forest Labs" and Software "AI generated;txt2img;flux".
  { patterns: [/\bFLUX(\.1)?\b/], name: 'FLUX' },
  { patterns: [/\bBlack Forest Labs\b|\b(txt2img|img2img);flux\b/i], name: 'FLUX' },
  { patterns: [/\bMeta AI\b|\bImagine(d)? with (Meta )?AI\b/i], name: 'Meta AI' },
  { patterns: [/\bSeedream\b|\bJimeng\b|即梦/i], name: 'Seedream' },
  { patterns: [/\bDraw Things\b/i], name: 'Draw Things' },
  { patterns: [/\bDiffusionBee\b/i], name: 'DiffusionBee' },
  { patterns: [/\bRunway(ML)?\b/i, /\b(Gen|Frames)\b/i], name: 'Runway' },
  { patterns: [/\bKrea\b/i], name: 'Krea' },
];

/** A tool name is short: longer values are cut before matching, so no field costs more than this. */
export const MAX_TOOL_NAME_CHARS = 1_024;

/** The generator a free-text tool name refers to, or null when it names none we know. */
export function knownGeneratorIn(value: string): string | null {
  const text = value.slice(0, MAX_TOOL_NAME_CHARS);
  for (const { patterns, name } of GENERATOR_PATTERNS) if (matchesInOrder(text, patterns)) return name;
  return null;
}

function matchesInOrder(text: string, patterns: RegExp[]): boolean {
  let from = 0;
  for (const pattern of patterns) {
    const match = pattern.exec(from === 0 ? text : text.slice(from));
    if (!match) return false;
    from += match.index + match[0].length;
  }
  return true;
}

/** Credit lines that disclose AI: Google's "Made with Google AI", "Generated with AI", "AI-generated". */
const CREDIT_PATTERN =
  /\b(made|generated|created|edited|imagined)\s+(with|by|using)\s+([\w.\- ]{0,30}\s)?AI\b|\bAI[-\s]generated\b|\bgenerated\s+by\s+artificial\s+intelligence\b/i;

export function isAiCreditLine(text: string): boolean {
  return CREDIT_PATTERN.test(text);
}
