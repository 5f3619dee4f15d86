import { describe, expect, it } from '@jest/globals';
import { COMMAND_ROLES, authorizeCommand, authorizeScope, canRead, canReadChildLevel } from './authorization.js';
import { CLAS_COMMAND_TYPES } from './command-routes.js';
import { ROLES } from './command-bus.port.js';
import { actors } from './testing/season.fixtures.js';

const own = { cafCode: '11', operatorId: 'op-1' };
const otherOperator = { cafCode: '11', operatorId: 'op-2' };
const otherCaf = { cafCode: '40', operatorId: 'op-7' };

describe('authorization', () => {
  it('the matrix has a row for every command; system is in all, auditor and dashboard in none', () => {
    expect(Object.keys(COMMAND_ROLES).sort()).toEqual([...CLAS_COMMAND_TYPES].sort());
    for (const type of CLAS_COMMAND_TYPES) {
      expect(COMMAND_ROLES[type]).toContain('system');
      expect(COMMAND_ROLES[type]).not.toContain('auditor');
      expect(COMMAND_ROLES[type]).not.toContain('dashboard');
      for (const role of COMMAND_ROLES[type]) expect(ROLES).toContain(role);
    }
  });

  it('operators issue operator-side commands only; committee decisions belong to the committee', () => {
    expect(authorizeCommand(actors.operator, 'EnrolChild')).toEqual({ ok: true });
    expect(authorizeCommand(actors.operator, 'RequestConvention')).toEqual({ ok: true });
    expect(authorizeCommand(actors.operator, 'PayAdvance').ok).toBe(false);
    expect(authorizeCommand(actors.operator, 'OpenCampaign').ok).toBe(false);
    expect(authorizeCommand(actors.committee, 'CorrectCommitteeDecision')).toEqual({ ok: true });
    expect(authorizeCommand(actors.committee, 'PayBalance').ok).toBe(false);
    expect(authorizeCommand(actors.agent, 'RecordCommitteeDecision').ok).toBe(false);
    expect(authorizeCommand(actors.agent, 'RecordAttendance')).toEqual({ ok: true });
  });

  it('scope: an operator its own operator, an agent or the committee its own Caf, auditors nothing', () => {
    expect(authorizeScope(actors.operator, own)).toEqual({ ok: true });
    expect(authorizeScope(actors.operator, otherOperator).ok).toBe(false);
    expect(authorizeScope(actors.operator, { cafCode: '11', operatorId: null }).ok).toBe(false);
    expect(authorizeScope(actors.agent, otherOperator)).toEqual({ ok: true });
    expect(authorizeScope(actors.agent, otherCaf).ok).toBe(false);
    expect(authorizeScope(actors.committee, otherCaf).ok).toBe(false);
    expect(authorizeScope({ ...actors.agent, caf: null }, own).ok).toBe(false);
    expect(authorizeScope(actors.auditor, own).ok).toBe(false);
    expect(authorizeScope(actors.system, otherCaf)).toEqual({ ok: true });
  });

  it('canRead scopes queries; dashboards never read child-level data', () => {
    expect(canRead(actors.operator, own)).toBe(true);
    expect(canRead(actors.operator, otherOperator)).toBe(false);
    expect(canRead(actors.operator, { cafCode: '11', operatorId: null })).toBe(false);
    expect(canRead(actors.agent, otherOperator)).toBe(true);
    expect(canRead(actors.agent, otherCaf)).toBe(false);
    expect(canRead(actors.auditor, otherCaf)).toBe(true);
    expect(canRead({ ...actors.auditor, caf: '11' }, otherCaf)).toBe(false);
    expect(canRead(actors.dashboard, own)).toBe(true);
    expect(canRead(actors.dashboard, otherCaf)).toBe(false);
    expect(canReadChildLevel(actors.dashboard)).toBe(false);
    expect(canReadChildLevel(actors.agent)).toBe(true);
  });
});
