import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { type ApiKeyPrincipal, PolicyRepository } from '@listinglens/data-access';
import { DEFAULT_POLICY } from '@listinglens/policy';
import { policyInput } from '../openapi/request-schemas';
import { ZodPipe } from '../common/zod.pipe';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { policyListSchema, policyRecordSchema } from './policy-responses.schema';
import { Principal } from '../auth/principal';
import { RequireScopes } from '../auth/scopes.decorator';

const listQuery = z.object({ marketplace: z.string().optional().meta({ description: 'only this marketplace\'s versions ("*" for the all-marketplace ones)' }) }).strict();

/** Policies are data: versioned per marketplace; version 0 is the committed default. */
@ApiTag('policies')
@Controller('v1/policies')
export class PoliciesController {
  constructor(private readonly policies: PolicyRepository) {}

  @Get()
  @RequireScopes('read', 'review')
  @ApiRoute({ summary: 'Stored policy versions, and the committed default', query: listQuery, response: policyListSchema })
  async list(@Query(new ZodPipe(listQuery)) query: z.output<typeof listQuery>) {
    return { default: DEFAULT_POLICY, policies: await this.policies.list(query.marketplace) };
  }

  @Post()
  @RequireScopes('admin')
  @ApiRoute({
    summary: 'A new policy version for a marketplace ("*" for all); shadow: true records matches without acting',
    body: policyInput,
    response: policyRecordSchema,
  })
  async create(@Body(new ZodPipe(policyInput)) policy: z.output<typeof policyInput>, @Principal() who: ApiKeyPrincipal) {
    return this.policies.create({ ...policy, createdBy: who.keyId });
  }
}
