import { writeAudeSeason } from './aude-season.js';
import type { CollectifStats } from './collectif-script.js';
import { writeLandesSeason } from './landes-season.js';
import { SeasonPlan } from './season-plan.js';

export interface DemoSeason {
  plan: SeasonPlan;
  /** The collectifs by Caf, for the names put into the personal-data store. */
  collectifs: Array<{ cafCode: string; operatorId: string; stats: CollectifStats }>;
}

/** The whole demo: Landes 2025-2026 (with its history) and Aude 2026-2027, as one plan. */
export function demoSeason(): DemoSeason {
  const plan = new SeasonPlan();
  const landes = writeLandesSeason(plan);
  const aude = writeAudeSeason(plan);
  const operatorOf = (collectifId: string) => collectifId.replace(/^col-(\d+)-(.*)-[^-]+$/, 'op-$1-$2');
  return {
    plan,
    collectifs: [...landes.stats, ...aude].map((stats) => ({
      cafCode: stats.collectifId.split('-')[1]!,
      operatorId: operatorOf(stats.collectifId),
      stats,
    })),
  };
}
