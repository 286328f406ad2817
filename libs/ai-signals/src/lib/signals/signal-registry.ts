import type { AiSignalSource } from './ai-signal';

/** The ordered set of signal sources an assessment runs. Ids are unique so evidence names one source. */
export class AiSignalRegistry {
  private readonly list: AiSignalSource[] = [];

  constructor(sources: readonly AiSignalSource[] = []) {
    sources.forEach((source) => this.register(source));
  }

  register(source: AiSignalSource): this {
    if (this.list.some((s) => s.id === source.id)) throw new Error(`AI signal source "${source.id}" registered twice`);
    this.list.push(source);
    return this;
  }

  sources(): readonly AiSignalSource[] {
    return this.list;
  }

  /** `id@version` of every source, recorded with each assessment so a score can be traced to its code. */
  versions(): string[] {
    return this.list.map((s) => `${s.id}@${s.version}`);
  }
}
