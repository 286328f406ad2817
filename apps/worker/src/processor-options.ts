import { Processor, type WorkerHost } from '@nestjs/bullmq';
import type { Type } from '@nestjs/common';
import type { WorkerOptions } from 'bullmq';

export type ProcessorOptions = Omit<WorkerOptions, 'connection' | 'prefix'>;

/**
 * A processor class carrying BullMQ options from the configuration. @nestjs/bullmq builds each Worker
 * from its class's @Processor metadata and BullMQ fixes lockDuration/stalledInterval in the Worker's
 * constructor, so the options go on a subclass made at bootstrap (not on the class at import time);
 * each call has its own subclass, so two modules with two configurations do not share options.
 */
export function withWorkerOptions<T extends Type<WorkerHost>>(processor: T, queue: string, options: ProcessorOptions): T {
  // The cast: TypeScript checks a class expression against WorkerHost's abstract process(), which T has.
  const configured = class extends (processor as Type<object>) {} as unknown as T;
  Object.defineProperty(configured, 'name', { value: processor.name });
  Processor(queue, options)(configured);
  return configured;
}
