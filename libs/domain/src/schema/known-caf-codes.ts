import { isCafCode } from '../events/stream-ids.js';

/**
 * One Caf per département: 01–95 (20 became 2A/2B in 1976) and the five overseas 971–976.
 * The domain accepts any code of the right shape; the edge also refuses codes that name no
 * département ("99", "00", "977"), so a typo is a 400 naming `cafCode`, not a new campaign.
 */
const METROPOLITAN = Array.from({ length: 95 }, (_, i) => String(i + 1).padStart(2, '0')).filter((code) => code !== '20');
export const KNOWN_CAF_CODES: ReadonlySet<string> = new Set([...METROPOLITAN, '2A', '2B', '971', '972', '973', '974', '975', '976']);

export function isKnownCafCode(value: unknown): value is string {
  return isCafCode(value) && KNOWN_CAF_CODES.has(value);
}
