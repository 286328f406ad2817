import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'listinglens:public';
export const REQUIRED_SCOPES = 'listinglens:scopes';

/** No API key needed (health checks, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Any one of these scopes grants access; `admin` grants everything. */
export const RequireScopes = (...scopes: string[]) => SetMetadata(REQUIRED_SCOPES, scopes);
