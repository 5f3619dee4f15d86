/**
 * R-ELIG-AXES: the four axes and their 14 mandatory operational objectives (001, 000).
 * The ids are the project's own shorthand for the referential's tables.
 */
import type { ObjectiveCode } from '../../events/vocabulary.js';

export type Axis = 'children' | 'parents' | 'school' | 'territory';

export const OBJECTIVES_BY_AXIS = {
  children: ['E1', 'E2', 'E3', 'E4', 'E5'],
  parents: ['P1', 'P2', 'P3', 'P4', 'P5'],
  school: ['S1', 'S2', 'S3'],
  territory: ['T1'],
} as const satisfies Record<Axis, readonly ObjectiveCode[]>;

export const AXES: readonly Axis[] = ['children', 'parents', 'school', 'territory'];

/** The 14 objectives in axis order. */
export const AXIS_OBJECTIVES: readonly ObjectiveCode[] = AXES.flatMap((axis) => OBJECTIVES_BY_AXIS[axis]);

/** What each objective asks for, in the referential's words (001), for explanations and UIs. */
export const OBJECTIVE_LABELS: Readonly<Record<ObjectiveCode, string>> = {
  E1: 'Fournir aux enfants et aux jeunes un appui et une méthodologie au travail scolaire',
  E2: "Élargir leurs centres d'intérêt en mobilisant les ressources locales (bibliothèques, médiathèques)",
  E3: "Élargir leurs centres d'intérêt en développant leurs capacités de vie collective",
  E4: "Mettre en valeur leurs compétences en valorisant l'entraide au sein du groupe Clas",
  E5: 'Organiser un suivi régulier des présences des enfants',
  P1: "Organiser des temps d'information sur les objectifs et le contenu des actions Clas au moment de l'inscription",
  P2: 'Mettre en place des temps de convivialité enfants/parents',
  P3: "Informer et accompagner les parents dans leur compréhension des codes de l'école",
  P4: "Orienter les parents vers d'autres partenaires du territoire",
  P5: "Associer les parents à l'accompagnement proposé à leur enfant par des échanges informels réguliers",
  S1: "Établir des relations avec les directeurs d'établissements, les CPE, les enseignants",
  S2: "Établir une collaboration avec les équipes éducatives pour l'orientation des enfants vers le Clas",
  S3: 'Organiser une réunion de concertation avec les équipes éducatives en amont du projet et lors du bilan',
  T1: "Être en relation avec d'autres associations ou partenaires du secteur",
};
