import type { Prisma } from '../generated/prisma/client';

/** A Prisma interactive-transaction client: repositories that write "in the same transaction" take one. */
export type Tx = Prisma.TransactionClient;
