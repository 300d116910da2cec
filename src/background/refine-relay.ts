// The refined pass's relay in the background: pages' refining ports on one side, the encoder's
// host (a worker: Firefox's event page starts it, Chromium's offscreen document does) on the
// other. The host starts with the first job and is closed once no job has run for `idleMs`; a
// page whose port closes (tab closed, navigated, session stopped) has its job dropped at once.
import { isHostOutbound, isRefineRequest, type HostInbound, type RefineReply } from '../shared/refine-messages';

/** What the relay needs of a runtime.Port (a fake one in the tests). */
export interface RelayPort {
  postMessage(msg: RefineReply): void;
  onMessage: { addListener(fn: (msg: unknown) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
}

export interface HostLink {
  post(m: HostInbound): void;
  close(): void;
}

/** Starts the host; `message` hears what it says, `gone` that it died. */
export type OpenHost = (message: (m: unknown) => void, gone: () => void) => Promise<HostLink>;

export class RefineRelay {
  private ports = new Map<number, RelayPort>();
  /** the job each page is waiting on, by port */
  private jobs = new Map<number, number>();
  private link: Promise<HostLink> | null = null;
  private idle: ReturnType<typeof setTimeout> | undefined;
  private n = 0;

  constructor(
    private openHost: OpenHost,
    private idleMs = 15_000,
  ) {}

  /** whether the host is up (or starting) */
  get hosting(): boolean {
    return this.link !== null;
  }

  get activeJobs(): number {
    return this.jobs.size;
  }

  connect(port: RelayPort): void {
    const id = ++this.n;
    this.ports.set(id, port);
    port.onMessage.addListener((msg) => {
      if (!this.ports.has(id) || !isRefineRequest(msg)) return;
      if (msg.type === 'lens:refine') this.jobs.set(id, msg.job);
      else if (this.jobs.get(id) === msg.job) this.jobs.delete(id);
      this.post({ port: id, msg }, msg.type === 'lens:refine');
    });
    port.onDisconnect.addListener(() => {
      this.ports.delete(id);
      const had = this.jobs.delete(id);
      if (had && this.link) this.post({ port: id, closed: true }, false);
      this.settle();
    });
  }

  private post(m: HostInbound, start: boolean): void {
    if (!this.link && !start) return this.settle();
    clearTimeout(this.idle);
    this.idle = undefined;
    const link = (this.link ??= this.openHost(
      (out) => this.fromHost(out),
      () => this.gone(link),
    ));
    link.then(
      (l) => l.post(m),
      (err: unknown) => {
        console.warn('[Comment Lens] the refine host did not start', err);
        this.gone(link);
      },
    );
    this.settle();
  }

  private fromHost(m: unknown): void {
    if (!isHostOutbound(m)) return;
    const port = this.ports.get(m.port);
    const { msg } = m;
    if (msg.type !== 'lens:refined' && this.jobs.get(m.port) === msg.job) this.jobs.delete(m.port);
    try {
      port?.postMessage(msg);
    } catch {
      // the page went meanwhile: its disconnect drops the job
    }
    this.settle();
  }

  /** The host died: every waiting page hears that its job failed. */
  private gone(which: Promise<HostLink> | null): void {
    if (which !== this.link) return;
    this.link = null;
    clearTimeout(this.idle);
    for (const [id, job] of this.jobs) this.ports.get(id)?.postMessage({ type: 'lens:refine-error', job });
    this.jobs.clear();
  }

  /** No job left: the host closes after idleMs (a new job cancels that). */
  private settle(): void {
    if (this.jobs.size > 0 || !this.link || this.idle !== undefined) return;
    this.idle = setTimeout(() => {
      this.idle = undefined;
      const link = this.link;
      if (this.jobs.size > 0 || !link) return;
      this.link = null;
      void link.then((l) => l.close(), () => {});
    }, this.idleMs);
  }
}
