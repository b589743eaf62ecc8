
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's04de27f32d6ea958': `Ingenting er endret siden du lagret sist.`,
's0ea176c7940198ab': `Vi fikk ikke kontakt med samtykketjenesten. Sjekk tilkoblingen og prøv igjen.`,
's17abf67f1970a790': `Lagre valgene`,
's2c8189544e3ea679': `Prøv igjen`,
's35965c464395e7f4': `Laster inn valgene dine …`,
's381abd94d77446ee': `Godta alle`,
's55f65b828cb9775a': `Det er ingenting å velge her akkurat nå.`,
's79ac8a82b638bfce': `Valgene dine kunne ikke lastes inn.`,
's86757ff5072d8165': `Samtykketjenesten sendte et svar vi ikke kunne lese. Prøv igjen senere.`,
'sa063e7bd500bc761': `Samtykketjenesten hadde et problem. Prøv igjen.`,
'saae27daa01eb2429': `Denne samtykketjenesten kan ikke gjøre det.`,
'sb060188bb28bfa9f': `Lagrer …`,
'sb2d21d51721eb040': `Du er ikke logget inn, eller økten din er utløpt. Logg inn og prøv igjen.`,
'sc3b1e304a9b4175e': `Samtykketjenesten brukte for lang tid på å svare. Prøv igjen.`,
'se614b41e691fe089': `Valgene dine ble ikke lagret.`,
'se7c722fac190e0ca': `Dette samtykkeskjemaet er ikke satt opp riktig.`,
'se9175c242a24ef47': `Valgene dine er lagret.`,
'se9fa20ae22c03e65': str`Alle i ${0}`,
'sef0cf928fc7dc23b': `Samtykketjenesten er opptatt akkurat nå. Prøv igjen om et øyeblikk.`,
'sf993bb199fefbe04': `Alle`,
'sfb5cd72ffdee7e49': `Avvis alle`,
    };
  