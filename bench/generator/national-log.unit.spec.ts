import { describe, expect, it } from '@jest/globals';
import { isClasEvent, streamIdOf, type ClasEvent } from '@clas/domain';
import { nationalLog } from './national-log.js';

describe('nationalLog (bench generator)', () => {
  const small = { cafs: 2, collectifsPerCaf: 6, years: 2, seed: 7 };

  it('is deterministic for a seed', () => {
    const a = [...nationalLog(small)];
    const b = [...nationalLog(small)];
    expect(JSON.stringify(a)).toEqual(JSON.stringify(b));
  });

  it('records in time order, every event in the catalogue and on its own stream', () => {
    const appends = [...nationalLog(small)];
    for (let i = 1; i < appends.length; i++) expect(appends[i]!.recordedAt > appends[i - 1]!.recordedAt).toBe(true);
    for (const append of appends) {
      for (const event of append.events) {
        expect(isClasEvent({ type: event.type, schemaVersion: event.schemaVersion ?? 1 })).toBe(true);
        expect(streamIdOf(event as unknown as ClasEvent)).toBe(append.streamId);
      }
    }
  });

  it('produces a season: sessions twice a week for 27–30 weeks, churn, late entries and corrections', () => {
    const appends = [...nationalLog({ ...small, years: 1 })];
    const events = appends.flatMap((a) => a.events.map((e) => ({ ...e, recordedAt: a.recordedAt })));
    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('CampaignOpened')).toBe(2);
    expect(count('CollectifOpened')).toBe(12);
    const sessionsPerCollectif = count('SessionHeld') / 12;
    expect(sessionsPerCollectif).toBeGreaterThanOrEqual(54);
    expect(sessionsPerCollectif).toBeLessThanOrEqual(60);
    expect(count('AttendanceRecorded')).toBe(count('SessionHeld'));
    expect(count('BilanFiled')).toBe(count('ApplicationFiled'));
    // Late entries: attendance recorded at least three days after the session.
    const late = events.filter(
      (e) => e.type === 'AttendanceRecorded' && Date.parse(e.recordedAt) - Date.parse(e.occurredAt) > 3 * 86_400_000,
    );
    expect(late.length).toBeGreaterThan(0);
  });
});
