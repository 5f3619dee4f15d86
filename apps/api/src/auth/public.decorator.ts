import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'clas:isPublic';

/** No bearer token needed (health probes). Everything else requires one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
