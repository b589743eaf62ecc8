import { ConnectSim, type ConnectSimOptions } from './connect.js';
import { ConsentuaSim, type ConsentuaSimOptions } from './consentua.js';
import { SimCore, type SimOptions } from './core.js';
import { CspSim, type CspSimOptions } from './csp.js';
import { SuperOfficeSim, type SuperOfficeSimOptions } from './superoffice.js';

export type SimulatorOptions = SimOptions & ConnectSimOptions & ConsentuaSimOptions & SuperOfficeSimOptions & CspSimOptions;

/** One local server imitating every provider the kit speaks, each under its own path. */
export class Simulator {
  readonly core: SimCore;
  readonly connect: ConnectSim;
  readonly consentua: ConsentuaSim;
  readonly superoffice: SuperOfficeSim;
  readonly csp: CspSim;

  constructor(opts: SimulatorOptions) {
    this.core = new SimCore(opts);
    this.connect = new ConnectSim(this.core, opts);
    this.consentua = new ConsentuaSim(this.core, opts);
    this.superoffice = new SuperOfficeSim(this.core, opts);
    this.csp = new CspSim(this.core, opts);
  }

  listen(port?: number, host?: string): Promise<string> {
    return this.core.listen(port, host);
  }

  close(): Promise<void> {
    return this.core.close();
  }
}
