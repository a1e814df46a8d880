/**
 * app_events: sessions on devices, anonymous until the user logs in (the device id then links
 * the earlier events), devices that never log in, and family tablets shared by two people.
 */
import { timestamp, randomInstant, type EmitContext } from './context.js';
import { messyEmail } from './mess.js';
import type { Person } from './people.js';
import type { Rng } from './prng.js';
import { PAGES, SKUS } from './vocab.js';

export const EVENT_COLUMNS = ['event_id', 'device_id', 'email', 'platform', 'event_name', 'event_at', 'properties'] as const;

/** Who uses a device: `users[i]` logs in at session `loginAt[i]` (null: never logs in). */
interface Device {
  readonly id: string;
  readonly platform: string;
  readonly users: readonly { person: string; email: string | null; loginAt: number | null }[];
  readonly sessions: number;
}

const hex = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('');

function browse(rng: Rng): [name: string, properties: string | null] {
  return rng.weighted([
    [['page_view', JSON.stringify({ page: rng.pick(PAGES) })], 50],
    [['product_view', JSON.stringify({ sku: rng.pick(SKUS), price: rng.int(500, 12000) / 100 })], 30],
    [['add_to_cart', JSON.stringify({ sku: rng.pick(SKUS), quantity: rng.int(1, 3) })], 12],
    [['search', JSON.stringify({ query: rng.pick(['jas', 'sneakers', 'jeans', 'tas', 'trui']) })], 8],
  ] as const);
}

function devicesOf(rng: Rng, p: Person, household: readonly Person[]): Device[] {
  const devices: Device[] = [];
  for (let d = rng.count(1.3); d > 0; d--) {
    const sessions = rng.count(2.5);
    const email = p.emails[p.emails.length - 1]!;
    const users = [{ person: p.id, email, loginAt: rng.chance(0.8) ? rng.int(0, sessions - 1) : null }];
    const other = household.find((h) => h.id !== p.id);
    // A family tablet: someone else in the household logs in on it later.
    if (other && rng.chance(0.05)) users.push({ person: other.id, email: other.emails[0]!, loginAt: sessions });
    devices.push({ id: `dev-${hex(rng, 16)}`, platform: rng.pick(['ios', 'android', 'web', 'web']), users, sessions: sessions + users.length - 1 });
  }
  return devices;
}

/** Emits the events of all app users plus `visitors` anonymous devices (truth ids `V…`). */
export function emitEvents(ctx: EmitContext, persons: readonly Person[], visitors: number): void {
  const { rng, out } = ctx;
  const households = new Map<number, Person[]>();
  for (const p of persons) households.set(p.household, [...(households.get(p.household) ?? []), p]);
  let next = 1;
  const emit = (device: Device) => {
    let user = device.users[0]!;
    let loggedIn = false;
    for (let s = 0; s < device.sessions; s++) {
      const switched = device.users.find((u, i) => i > 0 && u.loginAt === s);
      if (switched) [user, loggedIn] = [switched, false];
      let at = randomInstant(rng, s / device.sessions, (s + 1) / device.sessions);
      const row = (name: string, properties: string | null) => {
        const id = `E${String(next++).padStart(10, '0')}`;
        ctx.truth(id, user.person);
        const email = loggedIn && user.email !== null ? messyEmail(rng, user.email) : null;
        out.row([id, device.id, email, device.platform, name, timestamp(at), properties]);
        at += rng.int(5, 300) * 1000;
      };
      row('session_start', null);
      for (let e = rng.count(3); e > 0; e--) {
        if (!loggedIn && user.loginAt !== null && s >= user.loginAt && rng.chance(0.5)) {
          loggedIn = true;
          row('login', JSON.stringify({ method: rng.pick(['password', 'magic_link', 'apple']) }));
        }
        row(...browse(rng));
      }
      if (loggedIn && rng.chance(0.15)) row('purchase', JSON.stringify({ value: rng.int(1000, 20000) / 100, currency: 'EUR' }));
    }
  };
  for (const p of persons) {
    if (!p.appUser) continue;
    for (const device of devicesOf(rng, p, households.get(p.household)!)) emit(device);
  }
  for (let v = 1; v <= visitors; v++) {
    const person = `V${String(v).padStart(7, '0')}`;
    emit({ id: `dev-${hex(rng, 16)}`, platform: rng.pick(['ios', 'android', 'web']), users: [{ person, email: null, loginAt: null }], sessions: rng.count(1.5) });
  }
}
