import { type Job, UnrecoverableError } from 'bullmq';
import type { QueueHandlers, QueueName } from '@listinglens/contracts';

/** The handler of a job's name; a job no handler takes fails for good (retrying it cannot help). */
export function handlerFor<Q extends QueueName>(handlers: QueueHandlers<Q>, job: Job): QueueHandlers<Q>[keyof QueueHandlers<Q>] {
  if (!(job.name in handlers)) throw new UnrecoverableError(`no handler for job "${job.name}"`);
  return handlers[job.name as keyof QueueHandlers<Q>];
}
