// The labelling port index.ts opens on detection (see wakeLabeller there), handed to run.ts.
import type { ClientPort } from './remote-labeller';

export interface EarlyPort {
  port: ClientPort;
  /** false once the background closed it (then run.ts opens a new one) */
  alive: boolean;
}

/** A connect that returns the early port the first time, if still open, and a new port after. */
export function withEarlyPort(early: EarlyPort | null, connect: (name: string) => ClientPort): (name: string) => ClientPort {
  return (name) => {
    const e = early;
    early = null;
    return e?.alive ? e.port : connect(name);
  };
}
