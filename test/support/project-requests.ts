/** Request bodies of the project routes shared by the project e2e specs (plain JSON, as a client sends them). */

/** FileBilan's data: a 2-collectif primary project that ran 28 weeks (R-BILAN-2, R-BILAN-3). */
export function bilanData(bilanId: string, actualTotalCost = 1_750_000) {
  return {
    bilanId,
    quantitative: {
      collectifsRun: 2,
      childrenEnrolled: { primary: 20, college: 0, lycee: 0 },
      arrivals: 2,
      departures: 1,
      sessionsHeld: 112,
      minutesHeld: 10_080,
      weeksOfActivity: 28,
      attendance: { present: 1_000, expected: 1_120 },
      parentsReached: 30,
    },
    qualitative: { summary: 'Une année autour de la lecture', objectives: [{ code: 'P2', assessment: 'trois temps conviviaux' }] },
    financial: {
      actualTotalCost,
      coFunders: [{ name: 'Ville de Carcassonne', kind: 'commune', amount: 600_000 }],
      cafAmountsReceived: 300_000,
      otherCafFunding: 0,
    },
  };
}

/**
 * R-AGREEMENT-ANNUAL: RecordAgreementSigned's data for the agreement GET /projects/{id}/letters
 * reports (its hash is the rendered PDF's): the one way the HTTP stories sign before a balance.
 */
export function agreementSignatureData(letters: { agreement: { documentHash: string } | null }) {
  if (letters.agreement === null) throw new Error('the project has no agreement to sign (no approval)');
  return { signatoryRole: 'president', documentHash: letters.agreement.documentHash };
}
