import type { AppContext } from '../context';

/** Placeholder replaced by the demo organisation seed. */
export async function seedDemoIfEmpty(_ctx: AppContext): Promise<void> {}
