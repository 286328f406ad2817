import { Controller, Get } from '@nestjs/common';
import { principalSchema } from '@listinglens/contracts';
import type { ApiKeyPrincipal } from '@listinglens/data-access';
import { ApiRoute, ApiTag } from '../openapi/api-route.decorator';
import { Principal } from '../auth/principal';

/** Any valid key may ask what it is: the console signs in with it and shows only what the scopes allow. */
@ApiTag('api-keys')
@Controller('v1/me')
export class MeController {
  @Get()
  @ApiRoute({ summary: 'The API key making the request: its id, name and scopes', response: principalSchema })
  me(@Principal() who: ApiKeyPrincipal) {
    return { keyId: who.keyId, name: who.name, scopes: who.scopes };
  }
}
