import { CampaignEntity } from './campaign.entity.js';
import { CollectifEntity } from './collectif.entity.js';
import { OperatorEntity } from './operator.entity.js';
import { CheckpointEntity } from './checkpoint.entity.js';
import { ConventionStatusEntity } from './convention-status.entity.js';
import { DepartmentalFiguresEntity } from './departmental-figures.entity.js';
import { DepartmentalTotalsEntity } from './departmental-totals.entity.js';
import { DirtyKeyEntity } from './dirty-key.entity.js';
import { FoldStateEntity } from './fold-state.entity.js';
import { ProjectStatusEntity } from './project-status.entity.js';
import { StreamDirectoryEntity } from './stream-directory.entity.js';

/** Every table of the read database (TypeORM synchronises them: they are caches, rebuildable from the log). */
export const READ_MODEL_ENTITIES = [
  FoldStateEntity,
  CheckpointEntity,
  DirtyKeyEntity,
  StreamDirectoryEntity,
  ProjectStatusEntity,
  ConventionStatusEntity,
  DepartmentalFiguresEntity,
  DepartmentalTotalsEntity,
  CampaignEntity,
  OperatorEntity,
  CollectifEntity,
] as const;
