import { ApiProperty } from '@nestjs/swagger';
import { IsAggregateId } from '../validation/domain-validators.js';

/** `/collectifs/:collectifId/…`: path parameters are validated like body fields. */
export class CollectifPathParams {
  @ApiProperty({ example: 'col-2026-0042-a' })
  @IsAggregateId()
  collectifId!: string;
}

/** `/collectifs/:collectifId/staff/:staffId/…` */
export class CollectifStaffPathParams extends CollectifPathParams {
  @ApiProperty({ example: 'staff-5b1e0c2a', description: 'Opaque id of the staff member (names live outside the log)' })
  @IsAggregateId()
  staffId!: string;
}

/** `/collectifs/:collectifId/sessions/:sessionId/…` */
export class CollectifSessionPathParams extends CollectifPathParams {
  @ApiProperty({ example: 'ses-2026-11-03' })
  @IsAggregateId()
  sessionId!: string;
}
