import { createContext } from '@lit/context';
import type { ConsentTransport } from '../../model/types.js';

/** Lets an ancestor provide the transport for every consent element below it. */
export const transportContext = createContext<ConsentTransport | undefined>(Symbol.for('consent-elements/transport'));
