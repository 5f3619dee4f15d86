import type { CampaignParameters } from '../../campaign/campaign-parameters.js';

export type GroupSizeException = 'rural' | 'disability';

export interface GroupSizeCheck {
  /** 'waived' = within bounds only thanks to an exception. */
  status: 'met' | 'waived' | 'not_met';
  children: number;
  min: number;
  max: number;
  exception: GroupSizeException | null;
}

/**
 * R-ELIG-COLLECTIVE: 8 to 12 children; max 12 always. The lower minimum of the rural area (001)
 * or of a group with a child needing reinforced attention (Aude, 004) applies when it is the case;
 * the lowest applicable minimum wins.
 */
export function checkGroupSize(
  children: number,
  context: { rural: boolean; includesChildNeedingReinforcedAttention: boolean },
  groupSize: CampaignParameters['groupSize'],
): GroupSizeCheck {
  const { min, max } = groupSize;
  if (children > max) return { status: 'not_met', children, min, max, exception: null };
  if (children >= min) return { status: 'met', children, min, max, exception: null };
  const exceptions: Array<{ exception: GroupSizeException; min: number }> = [];
  if (context.rural) exceptions.push({ exception: 'rural', min: groupSize.ruralMin });
  if (context.includesChildNeedingReinforcedAttention && groupSize.disabilityMin !== null) {
    exceptions.push({ exception: 'disability', min: groupSize.disabilityMin });
  }
  const best = exceptions.sort((a, b) => a.min - b.min)[0];
  if (best && children >= best.min) return { status: 'waived', children, min: best.min, max, exception: best.exception };
  return { status: 'not_met', children, min: best?.min ?? min, max, exception: null };
}
