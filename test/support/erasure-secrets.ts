import { randomBytes } from 'node:crypto';

/** A name, an e-mail and a phone number no other file can hold by chance (the erasure suites grep for them). */
export const secrets = (tag: string) => {
  const id = randomBytes(5).toString('hex');
  return { firstName: `Lé${tag}${id}a`, lastName: `Zyzzyva${id}`, email: `famille.${id}@example.org`, phone: `+33 6 ${id}` };
};
export type Secrets = ReturnType<typeof secrets>;

/** Every string of a person that must be gone after the erasure. */
export const all = (s: Secrets) => [s.firstName, s.lastName, s.email, s.phone];

/** The PUT /persons body of a child of Caf 11 with these secrets. */
export const childBody = (s: Secrets) => ({
  kind: 'child',
  firstName: s.firstName,
  lastName: s.lastName,
  contact: { email: s.email, phone: s.phone },
  cafCode: '11',
});
