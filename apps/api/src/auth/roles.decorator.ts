import { SetMetadata } from '@nestjs/common';
import type { Role } from '@clas/application';

export const ALLOWED_ROLES = 'clas:allowedRoles';

/**
 * The roles that may call a route (403 otherwise). Checked by the auth guard before the
 * handler runs; scope (which Caf, which operator) is checked later, where the ids are known.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ALLOWED_ROLES, roles);
