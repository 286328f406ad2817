import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PrismaService } from './prisma.service';

export interface ApiKeyPrincipal {
  keyId: string;
  name: string;
  scopes: string[];
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function generateApiKey(): string {
  return `ll_${randomBytes(24).toString('base64url')}`;
}

@Injectable()
export class ApiKeyRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Ensures a key exists with these scopes; only its hash is stored. */
  async ensure(name: string, key: string, scopes: string[]): Promise<void> {
    const keyHash = hashApiKey(key);
    await this.prisma.apiKey.upsert({
      where: { keyHash },
      create: { name, keyHash, scopes },
      update: { scopes, revokedAt: null },
    });
  }

  /** A new key: the plain key is returned once and only its hash is stored. */
  async create(name: string, scopes: string[], createdBy: string): Promise<{ id: string; key: string }> {
    const key = generateApiKey();
    const row = await this.prisma.apiKey.create({ data: { name, scopes, createdBy, keyHash: hashApiKey(key) }, select: { id: true } });
    return { id: row.id, key };
  }

  /** Returns false when no such active key exists. */
  async revoke(id: string): Promise<boolean> {
    const result = await this.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
    return result.count > 0;
  }

  async findActive(key: string): Promise<ApiKeyPrincipal | null> {
    const row = await this.prisma.apiKey.findUnique({ where: { keyHash: hashApiKey(key) } });
    if (!row || row.revokedAt) return null;
    return { keyId: row.id, name: row.name, scopes: row.scopes };
  }

  /**
   * What signs an admin key's short-lived browser sessions (the queue dashboard's cookie): its stored
   * hash, so revoking the key ends its sessions at once. Null unless the key is active and admin.
   */
  async adminSessionSecret(id: string): Promise<string | null> {
    const row = await this.prisma.apiKey.findUnique({ where: { id } }).catch(() => null);
    if (!row || row.revokedAt || !row.scopes.includes('admin')) return null;
    return row.keyHash;
  }
}
