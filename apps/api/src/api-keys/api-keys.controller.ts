import { Body, Controller, Delete, HttpCode, Post } from '@nestjs/common';
import { z } from 'zod';
import { API_SCOPE_PATTERN, API_SCOPES, apiKeyCreatedSchema } from '@listinglens/contracts';
import { ApiKeyRepository, type ApiKeyPrincipal } from '@listinglens/data-access';
import { NotFoundError } from '../common/api-error';
import { UuidParam, uuidParams } from '../common/uuid-param';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { ApiKeyGuard } from '../auth/api-key.guard';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';

const scope = z.string().regex(API_SCOPE_PATTERN, `one of ${API_SCOPES.join(', ')}, seller:<sellerId>`);
const createBody = z.object({ name: z.string().trim().min(1).max(200), scopes: z.array(scope).min(1).max(20) }).strict();

@ApiTag('api-keys')
@RequireScopes('admin')
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(
    private readonly keys: ApiKeyRepository,
    private readonly guard: ApiKeyGuard,
  ) {}

  @Post()
  @ApiRoute({ summary: 'Create a key; the key is shown once, only its hash is stored', body: createBody, response: apiKeyCreatedSchema })
  async create(@Body(new ZodPipe(createBody)) { name, scopes }: z.output<typeof createBody>, @Principal() who: ApiKeyPrincipal) {
    const created = await this.keys.create(name, [...new Set(scopes)], who.keyId);
    return { ...created, name, scopes };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Revoke a key', params: uuidParams('id') })
  async revoke(@UuidParam('id') id: string): Promise<void> {
    if (!(await this.keys.revoke(id))) throw new NotFoundError('api key', id);
    this.guard.forget();
  }
}
