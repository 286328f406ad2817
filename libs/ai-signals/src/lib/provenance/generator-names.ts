/**
 * Tools and models whose name in a Software / CreatorTool / Source field means generative AI made the
 * image. Names only: a general editor (Photoshop, GIMP, Lightroom) is not on the list even though it has
 * generative features, because its name alone does not say they were used.
 */
const GENERATOR_PATTERNS: { pattern: RegExp; name: string }[] = [
  { pattern: /\bNovelAI\b/i, name: 'NovelAI' },
  { pattern: /\bMidjourney\b/i, name: 'Midjourney' },
  { pattern: /\bDALL[·\-\s]?E\b/i, name: 'DALL·E' },
  { pattern: /\bgpt-image|\bGPT-4o\b|\bChatGPT\b|\bSora\b/i, name: 'OpenAI image generation' },
  { pattern: /\bStable[\s-]?Diffusion\b|\bSDXL\b/i, name: 'Stable Diffusion' },
  { pattern: /\bComfyUI\b/i, name: 'ComfyUI' },
  { pattern: /\bInvokeAI\b/i, name: 'InvokeAI' },
  { pattern: /\bFooocus\b/i, name: 'Fooocus' },
  { pattern: /\bSwarmUI\b/i, name: 'SwarmUI' },
  { pattern: /\bAdobe Firefly\b|^Firefly\b/i, name: 'Adobe Firefly' },
  { pattern: /\bImagen\b|\bGemini\b|\bNano Banana\b/i, name: 'Google Imagen/Gemini' },
  { pattern: /\bImage Creator\b|\bBing Image\b|\bDesigner\b.*\bAI\b/i, name: 'Microsoft Image Creator' },
  { pattern: /\bLeonardo\.?Ai\b/i, name: 'Leonardo.Ai' },
  { pattern: /\bIdeogram\b/i, name: 'Ideogram' },
  { pattern: /\bFLUX(\.1)?\b/, name: 'FLUX' },
  { pattern: /\bSeedream\b|\bJimeng\b|即梦/i, name: 'Seedream' },
  { pattern: /\bDraw Things\b/i, name: 'Draw Things' },
  { pattern: /\bDiffusionBee\b/i, name: 'DiffusionBee' },
  { pattern: /\bRunway(ML)?\b.*\b(Gen|Frames)\b/i, name: 'Runway' },
  { pattern: /\bKrea\b/i, name: 'Krea' },
];

/** The generator a free-text tool name refers to, or null when it names none we know. */
export function knownGeneratorIn(text: string): string | null {
  for (const { pattern, name } of GENERATOR_PATTERNS) if (pattern.test(text)) return name;
  return null;
}

/** Credit lines that disclose AI: Google's "Made with Google AI", "Generated with AI", "AI-generated". */
const CREDIT_PATTERN =
  /\b(made|generated|created|edited)\s+(with|by|using)\s+([\w.\- ]{0,30}\s)?AI\b|\bAI[-\s]generated\b|\bgenerated\s+by\s+artificial\s+intelligence\b/i;

export function isAiCreditLine(text: string): boolean {
  return CREDIT_PATTERN.test(text);
}
