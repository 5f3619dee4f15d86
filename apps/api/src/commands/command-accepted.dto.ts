import { ApiProperty } from '@nestjs/swagger';

/** The body of 201 (written) and 200 (a retried commandId: nothing new written, the original ids). */
export class CommandAcceptedDto {
  @ApiProperty({ example: 'campaign-11-2026-2027' })
  streamId!: string;

  @ApiProperty({ type: [String], example: ['0b8e4c1e-2f0a-4d7e-9a43-6c1d2e3f4a5b'] })
  eventIds!: string[];

  @ApiProperty({ example: 0, description: 'Stream version after the append: send it as expectedVersion / If-Match next time' })
  streamVersion!: number;

  @ApiProperty({ type: [Number], example: [42], description: 'Global positions of the events (GET /feed?after=…)' })
  positions!: number[];

  @ApiProperty({ example: false })
  duplicate!: boolean;
}
