import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { type ApiKeyPrincipal, PolicyRepository } from '@listinglens/data-access';
import { createPolicySchema, DEFAULT_POLICY } from '@listinglens/policy';
import { parseBody } from '../common/zod-validation';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';

const listQuery = z.object({ marketplace: z.string().optional() }).strict();

/** Policies are data: versioned per marketplace; version 0 is the committed default. */
@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
export class PoliciesController {
  constructor(private readonly policies: PolicyRepository) {}

  @Get()
  @RequireScopes('read', 'review')
  @ApiOperation({ summary: 'Stored policy versions, and the committed default' })
  async list(@Query() query: unknown) {
    const { marketplace } = parseBody(listQuery, query ?? {});
    return { default: DEFAULT_POLICY, policies: await this.policies.list(marketplace) };
  }

  @Post()
  @RequireScopes('admin')
  @ApiOperation({ summary: 'A new policy version for a marketplace ("*" for all); shadow: true records matches without acting' })
  async create(@Body() body: unknown, @Principal() who: ApiKeyPrincipal) {
    const policy = parseBody(createPolicySchema, body);
    return this.policies.create({ ...policy, createdBy: who.keyId });
  }
}
