/**
 * R-NOTIFY: a refusal letter states its reasons WITH the rule they apply. These are the rules a
 * committee refusal may cite, stated in French as the operator reads them (domain.md §3–4b, in
 * the words of the Cnaf circular and the campaigns' calls). Declared once; the letters read it.
 */
export const REFUSAL_RULE_STATEMENTS: Readonly<Record<string, string>> = {
  'R-LIFE-1': "Un dossier déposé après la date limite de l'appel à projets n'est pas recevable.",
  'R-LIFE-2': "Un renouvellement n'est examiné qu'après réception du bilan qualitatif de l'année scolaire précédente.",
  'R-LIFE-3': "Un porteur qui accompagne des élèves d'élémentaire et des collégiens ou lycéens dépose un projet par cycle.",
  'R-ELIG-PUBLIC':
    "Le Clas s'adresse aux enfants du CP à la terminale, orientés avec l'accord de leurs parents, sur un besoin repéré avec l'école.",
  'R-ELIG-CHARTER':
    "Le projet respecte la charte nationale de l'accompagnement à la scolarité : laïcité, absence de prosélytisme, égalité, participation des familles gratuite ou symbolique.",
  'R-ELIG-NOT-HOMEWORK': "Le Clas n'est pas une aide aux devoirs : les séances associent aide méthodologique et ouverture culturelle.",
  'R-ELIG-COLLECTIVE': 'Chaque collectif réunit de 8 à 12 enfants (5 au minimum en zone rurale), jamais plus de 12.',
  'R-ELIG-STAFF': 'Chaque collectif est encadré par deux intervenants (un seul accepté en zone rurale pour moins de 8 enfants).',
  'R-ELIG-COORD': "Le porteur désigne un coordinateur de niveau Bac+2 au moins, ayant une expérience de l'animation ou de l'éducation.",
  'R-ELIG-RHYTHM':
    "Les séances ont lieu deux fois par semaine pendant 1 h 30 au moins, sur 27 semaines au moins de l'année scolaire (une séance de 2 heures en zone rurale).",
  'R-ELIG-AXES':
    "Le projet porte sur les quatre axes obligatoires : les enfants, les parents, l'école et le territoire, chacun avec ses objectifs opérationnels.",
  'R-ELIG-COFUNDING':
    "L'ensemble des financements de la Caf ne dépasse pas 80 % du coût annuel de fonctionnement du projet : 20 % au moins viennent d'autres financeurs.",
  'R-ELIG-OPERATOR':
    "Le porteur justifie d'une assurance en responsabilité civile, de l'extrait de casier judiciaire de chaque intervenant et de la signature de la charte de la laïcité.",
  'R-ELIG-TRAINING': 'Chaque nouvel intervenant suit le module de formation obligatoire « fondamentaux ».',
  'R-ELIG-SDSF':
    "L'action répond aux orientations du volet parentalité du schéma départemental des services aux familles et repose sur un diagnostic des besoins.",
  'R-ELIG-PLACE': "Un collectif se réunit toute l'année dans un même lieu, accessible aux parents.",
  'R-BUDGET-ENVELOPE': "Les projets sont financés dans la limite des fonds disponibles de la Caf pour l'année scolaire.",
  'R-COMMITTEE-ORIENTATIONS': "Les projets sont retenus au regard des orientations fixées par le comité pour l'année.",
};

/** The French statement of a rule a refusal cites, or null when the rule is not one a refusal states. */
export const refusalRuleStatement = (ruleId: string | null): string | null =>
  ruleId === null ? null : (REFUSAL_RULE_STATEMENTS[ruleId] ?? null);
