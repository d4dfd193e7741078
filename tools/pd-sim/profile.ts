// What differs between PD v3.1.2 and v4.0.16 beyond the code paths (read in tikv/pd at those tags;
// see ../shared/PD-API.md): releases, defaults and store-limit vocabulary. Git hashes are the tags'
// commits; build times are illustrative.

export const PROFILES = ['3.1', '4.0'] as const;
export type Profile = (typeof PROFILES)[number];

export const isProfile = (v: unknown): v is Profile => PROFILES.includes(v as Profile);

export interface ProfileFacts {
  release: string;
  gitHash: string;
  buildTs: string;
  /** schedule.high-space-ratio default (server/config/config.go). */
  highSpaceRatio: number;
  /** schedule.scheduler-max-waiting-operator default. */
  schedulerMaxWaitingOperator: number;
  /** Store-limit type names: [add, remove]. */
  limitTypes: readonly [string, string];
  /** Default rates per minute: TiKV, TiFlash (3.1 has one store-balance-rate for all). */
  defaultRate: { tikv: number; tiflash: number };
  /** storelimit.Unlimited (4.0): what DELETE /store/{id} sets the remove-peer limit to. */
  unlimitedRate: number;
}

export const PROFILE_FACTS: Record<Profile, ProfileFacts> = {
  '3.1': {
    release: 'v3.1.2',
    gitHash: 'e639f0b1e62b5b9cd9bf93577e612a1c7fc29bb3',
    buildTs: '2020-04-26 09:20:11',
    highSpaceRatio: 0.6,
    schedulerMaxWaitingOperator: 3,
    limitTypes: ['region-add', 'region-remove'],
    defaultRate: { tikv: 15, tiflash: 15 },
    unlimitedRate: 100000000,
  },
  '4.0': {
    release: 'v4.0.16',
    gitHash: '3a237161470f0bf387d48d623020790e00e2abf2',
    buildTs: '2021-11-30 11:15:42',
    highSpaceRatio: 0.7,
    schedulerMaxWaitingOperator: 5,
    limitTypes: ['add-peer', 'remove-peer'],
    defaultRate: { tikv: 15, tiflash: 30 },
    unlimitedRate: 100000000,
  },
};
