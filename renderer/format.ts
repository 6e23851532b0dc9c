/** Number formatting for the screens: amounts, money and capacity, in the user's locale. */

import { isoDay } from '../shared/format';

export { formatMoney, formatNumber } from '../shared/format';

/** Today's date in the user's time zone, as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  return isoDay(now);
}
