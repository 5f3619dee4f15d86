import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '@clas/domain';
import { AUDE_2026_2027, makeEvent } from '@clas/domain';
import { foldAsOf } from '../core/keyed-fold.js';
import { projectFold } from '../folds/project.fold.js';
import {
  applicationContent,
  applicationFiled,
  approval,
  approvedProject,
  campaignOpened,
  d,
  decisionCorrected,
  examinationOpened,
  operatorEvents,
  paris,
  Script,
  seasonProject,
} from '../answers/testing/scenario.fixtures.js';
import { letterDocument } from './document.js';
import type { LetterSources } from './letter-model.js';
import { agreementModel, letterModel, letterRefsOf, unnotifiedDecisions } from './letter-model.js';
import { projectLetters, renderAgreement, renderLetter } from './letters.js';
import { escapeHtml, renderHtml } from './render.js';

const aude = seasonProject('p1', 'op1');

function sourcesOf(events: readonly RecordedEvent[]): LetterSources {
  return {
    project: events.filter((e) => e.streamId === 'project-p1'),
    campaign: events.filter((e) => e.streamId.startsWith('campaign-')),
    operator: events.filter((e) => e.streamId === 'operator-op1'),
  };
}

function refusedProject(ruleId: string | null): Script {
  const script = new Script();
  script.add(campaignOpened(AUDE_2026_2027, '2026-03-01'));
  for (const e of operatorEvents('op1', '11', '2026-03-10')) script.add(e);
  script.add(applicationFiled(aude, applicationContent(), '2026-06-20'));
  script.add(examinationOpened(aude, '2026-09-01'));
  script.add(
    makeEvent(
      'CommitteeDecisionRecorded',
      {
        ...aude,
        decisionId: 'dec-p1',
        meetingId: 'cttee-2026-10-05',
        meetingDate: d('2026-10-05'),
        effectiveDate: d('2026-10-05'),
        decision: { outcome: 'refused', reasons: [{ code: 'NO_PARENT_AXIS', ruleId, text: 'aucune action parents <prévue>' }] },
      },
      paris('2026-10-05', '14:00'),
    ),
  );
  return script;
}

/** Worked example 3: 2 collectifs approved on 5 October, corrected to 3 on 20 October (recorded then). */
function correctedProject(): Script {
  const script = approvedProject(aude, AUDE_2026_2027);
  const corrected = approval({
    approvedCollectifs: 1,
    approvedCollectifRefs: ['c1'],
    bonusesGranted: { enfants: { collectifs: 1 }, parents: null },
  });
  script.add(decisionCorrected(aude, corrected, paris('2026-10-05', '14:00'), '2026-10-20'), paris('2026-10-20', '10:00'));
  return script;
}

describe('R-NOTIFY: the letter of each decision', () => {
  it('R-NOTIFY: an approval letter states the Caf, the operator, the project, the dates, the collectifs and the forecast PS summary as the PS answer words it', () => {
    const model = letterModel(sourcesOf(approvedProject(aude, AUDE_2026_2027).recorded()), 'p1', 'dec-p1')!;
    expect(model).toMatchObject({
      kind: 'approval',
      parties: { cafCode: '11', cafName: "Caf de l'Aude", operatorId: 'op1', operatorName: 'Association op1' },
      project: { projectId: 'p1', schoolYear: '2026-2027' },
      meetingDate: '2026-10-05',
      decisionDate: '2026-10-05',
      issuedOn: '2026-10-05',
      approval: { approvedCollectifs: 2, approvedCollectifRefs: ['c1', 'c2'], bonusEnfantsCollectifs: 2, bonusParentsCollectifs: 0 },
      refusal: null,
      correction: null,
    });
    // Worked example 1: 2 × 2 811,90 € + bonus enfants 2 × 335 € = 6 293,80 €.
    expect(model.approval!.forecastPayable).toBe('6\u202f293,80\u00a0€');
    expect(model.approval!.forecastSummary).toContain('2\u202f811,90\u00a0€');
    expect(model.conditions.join(' ')).toMatch(/avance.*solde.*bilan/);
    expect(model.conditions.join(' ')).toContain('charte');
  });

  it('R-NOTIFY: a refusal letter gives each reason with the statement of the rule it cites', () => {
    const model = letterModel(sourcesOf(refusedProject('R-ELIG-AXES').recorded()), 'p1', 'dec-p1')!;
    expect(model.kind).toBe('refusal');
    expect(model.approval).toBeNull();
    expect(model.refusal).toEqual([
      {
        code: 'NO_PARENT_AXIS',
        ruleId: 'R-ELIG-AXES',
        text: 'aucune action parents <prévue>',
        ruleStatement: expect.stringContaining('quatre axes obligatoires'),
      },
    ]);
    const reasons = letterDocument(model).sections.find((s) => s.heading === 'Motifs du refus')!;
    expect(reasons.items[0]).toContain('règle R-ELIG-AXES');
  });

  it('R-NOTIFY: a correction has its own letter saying what changed, before and after', () => {
    const events = correctedProject().recorded();
    expect(letterRefsOf(sourcesOf(events).project).map((r) => [r.letterId, r.kind])).toEqual([
      ['dec-p1', 'approval'],
      ['dec-p1-rectificatif-1', 'correction'],
    ]);
    const model = letterModel(sourcesOf(events), 'p1', 'dec-p1-rectificatif-1')!;
    expect(model.correction).toMatchObject({
      correctedOn: '2026-10-20',
      changes: [
        { field: 'approvedCollectifs', before: '2', after: '1' },
        { field: 'approvedCollectifRefs', before: 'c1, c2', after: 'c1' },
      ],
    });
    expect(model.approval!.approvedCollectifs).toBe(1);
    expect(model.issuedOn).toBe('2026-10-20');
  });

  it('R-NOTIFY: the decision letter stays the one sent on 5 October after the correction is recorded (rendered as of its own recording)', () => {
    const before = letterModel(sourcesOf(approvedProject(aude, AUDE_2026_2027).recorded()), 'p1', 'dec-p1');
    const after = letterModel(sourcesOf(correctedProject().recorded()), 'p1', 'dec-p1');
    expect(after).toEqual(before);
  });

  it('R-NOTIFY: the PDF is byte-identical when rendered twice, and at a later date with more events in the log', async () => {
    const early = approvedProject(aude, AUDE_2026_2027);
    const first = await renderLetter(sourcesOf(early.recorded()), 'p1', 'dec-p1');
    const again = await renderLetter(sourcesOf(early.recorded()), 'p1', 'dec-p1');
    const later = await renderLetter(sourcesOf(correctedProject().recorded()), 'p1', 'dec-p1');
    expect(first!.pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.compare(first!.pdf, again!.pdf)).toBe(0);
    expect(Buffer.compare(first!.pdf, later!.pdf)).toBe(0);
    expect(first!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    // The PDF is dated by the decision's recording, not by the renderer's clock.
    expect(first!.pdf.toString('latin1')).toContain('(D:20261005120000Z)');
  });

  it('R-NOTIFY: the HTML escapes every text that comes from the log', async () => {
    const rendered = await renderLetter(sourcesOf(refusedProject('R-ELIG-AXES').recorded()), 'p1', 'dec-p1');
    expect(rendered!.html).toContain('aucune action parents &#60;prévue&#62;');
    expect(rendered!.html).not.toContain('<prévue>');
    expect(escapeHtml(`<a href="x" onclick='y'>&`)).toBe('&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;');
    expect(renderHtml(letterDocument(rendered!.model))).toBe(rendered!.html);
  });

  it('R-NOTIFY: the decisions not yet notified are those no NotificationSent names', async () => {
    const script = correctedProject();
    const sources = sourcesOf(script.recorded());
    const answer = await projectLetters(
      sources,
      foldAsOf(projectFold, 'p1', script.recorded(), { at: paris('2027-01-01'), knownAt: paris('2027-01-01') }),
      null,
    );
    script.add(
      makeEvent(
        'NotificationSent',
        {
          ...aude,
          letterId: 'dec-p1',
          decisionId: 'dec-p1',
          channel: 'email',
          recipientId: 'rcpt-1',
          documentHash: answer.letters[0]!.documentHash,
          sentOn: d('2026-10-06'),
        },
        paris('2026-10-06'),
      ),
    );
    const folded = foldAsOf(projectFold, 'p1', script.recorded(), { at: paris('2027-01-01'), knownAt: paris('2027-01-01') });
    expect(unnotifiedDecisions(folded)).toEqual([{ letterId: 'dec-p1-rectificatif-1', decisionId: 'dec-p1', kind: 'correction' }]);
    const listed = await projectLetters(sourcesOf(script.recorded()), folded, null);
    expect(listed.agreement).toMatchObject({ agreementId: 'dec-p1-convention-annuelle', signed: null });
    // R-AGREEMENT-ANNUAL: under a convention covering the year, no annual agreement is drawn.
    expect(await projectLetters(sourcesOf(script.recorded()), folded, 'conv-1')).toMatchObject({
      agreement: null,
      coveringConventionId: 'conv-1',
    });
    expect(listed.letters.map((l) => [l.letterId, l.notified])).toEqual([
      ['dec-p1', true],
      ['dec-p1-rectificatif-1', false],
    ]);
  });
});

describe('R-AGREEMENT-ANNUAL: the annual agreement drawn from the approval', () => {
  it('R-AGREEMENT-ANNUAL: it names the parties, the project, the year, the approval in force, the obligations and the payment terms', async () => {
    const model = agreementModel(sourcesOf(correctedProject().recorded()), 'p1')!;
    expect(model).toMatchObject({
      agreementId: 'dec-p1-convention-annuelle',
      parties: { cafName: "Caf de l'Aude", operatorName: 'Association op1' },
      project: { projectId: 'p1', schoolYear: '2026-2027' },
      approval: { approvedCollectifs: 1 },
    });
    expect(model.paymentTerms.join(' ')).toContain('solde');
    expect(model.obligations.join(' ')).toContain('charte');
    const rendered = await renderAgreement(sourcesOf(correctedProject().recorded()), 'p1');
    const again = await renderAgreement(sourcesOf(correctedProject().recorded()), 'p1');
    expect(rendered!.documentHash).toBe(again!.documentHash);
  });

  it('R-AGREEMENT-ANNUAL: a refused project has no agreement', () => {
    expect(agreementModel(sourcesOf(refusedProject(null).recorded()), 'p1')).toBeNull();
  });
});
