import { ConnectSim, type ConnectSimOptions } from './connect.js';
import { ConsentuaSim, type ConsentuaSimOptions } from './consentua.js';
import { SimCore, type SimOptions } from './core.js';

export type SimulatorOptions = SimOptions & ConnectSimOptions & ConsentuaSimOptions;

/** One local server imitating every provider the kit speaks, each under its own path. */
export class Simulator {
  readonly core: SimCore;
  readonly connect: ConnectSim;
  readonly consentua: ConsentuaSim;

  constructor(opts: SimulatorOptions) {
    this.core = new SimCore(opts);
    this.connect = new ConnectSim(this.core, opts);
    this.consentua = new ConsentuaSim(this.core, opts);
  }

  listen(port?: number, host?: string): Promise<string> {
    return this.core.listen(port, host);
  }

  close(): Promise<void> {
    return this.core.close();
  }
}
