/** pos_receipts: store visits with or without a loyalty card, walk-in strangers, till returns. */
import { money, timestamp, randomInstant, type EmitContext } from './context.js';
import type { Person } from './people.js';
import { STORES } from './vocab.js';

export const POS_COLUMNS = [
  'receipt_id', 'store_id', 'loyalty_card_id', 'purchased_at', 'currency', 'item_count', 'total_amount', 'payment_method',
] as const;

/**
 * Emits store receipts. Loyalty members scan their card 60% of the time; everyone else is
 * anonymous. `walkIns` strangers (not in the population, ids `W…`) buy anonymously too.
 */
export function emitPos(ctx: EmitContext, persons: readonly Person[], cards: ReadonlyMap<string, string[]>, walkIns: number): void {
  const { rng, out } = ctx;
  let next = 1;
  const receipt = (personId: string, card: string | null) => {
    const id = `R${String(next++).padStart(9, '0')}`;
    ctx.truth(id, personId);
    const [store, currency] = rng.pick(STORES);
    const isReturn = rng.chance(0.03);
    const items = rng.int(1, 6) * (isReturn ? -1 : 1);
    out.row([
      id, store, card, timestamp(randomInstant(rng)), currency, items,
      money(items * rng.int(199, 8999) / 100),
      rng.weighted([['card', 70], ['cash', 15], ['mobile', 15]] as const),
    ]);
  };
  for (const p of persons) {
    if (!p.storeVisitor) continue;
    const mine = cards.get(p.id) ?? [];
    const visits = rng.count(3);
    for (let v = 0; v < visits; v++) receipt(p.id, mine.length > 0 && rng.chance(0.6) ? rng.pick(mine) : null);
  }
  for (let w = 1; w <= walkIns; w++) receipt(`W${String(w).padStart(7, '0')}`, null);
}
