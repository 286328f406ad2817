import { Body, Controller, Delete, HttpCode, Param, Post } from '@nestjs/common';
import { z } from 'zod';
import { API_SCOPE_PATTERN, API_SCOPES, apiKeyCreatedSchema } from '@listinglens/contracts';
import { ApiKeyRepository, type ApiKeyPrincipal } from '@listinglens/data-access';
import { NotFoundError } from '../common/api-error';
import { parseUuid } from '../common/uuid-param';
import { parseBody, uuidParams } from '../common/zod-validation';
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
  async create(@Body() body: unknown, @Principal() who: ApiKeyPrincipal) {
    const { name, scopes } = parseBody(createBody, body);
    const created = await this.keys.create(name, [...new Set(scopes)], who.keyId);
    return { ...created, name, scopes };
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiRoute({ summary: 'Revoke a key', params: uuidParams('id') })
  async revoke(@Param('id') id: string): Promise<void> {
    if (!(await this.keys.revoke(parseUuid('id', id)))) throw new NotFoundError('api key', id);
    this.guard.forget();
  }
}
