
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `Ingenting er endret siden du lagret sist.`,
's07fd7df52fd695cf': `Last ned en kvittering for valgene dine (JSON)`,
's09fa97b548988f66': `Send meg en kvittering på forespørselen`,
's0ea176c7940198ab': `Vi fikk ikke kontakt med samtykketjenesten. Sjekk tilkoblingen og prøv igjen.`,
's17abf67f1970a790': `Lagre valgene`,
's1be0c2529780107a': `Send forespørsel`,
's22af9e8c47924066': `Dette innholdet er ikke tilgjengelig for deg.`,
's23c76543a8cd41d5': `Be om en kopi av dataene mine`,
's277f8f4ab318c158': `Venter på godkjenning.`,
's29cff8bbaa472710': `Be om å få dataene dine slettet?`,
's2c8189544e3ea679': `Prøv igjen`,
's2ceb11be2290bb1b': `Avbryt`,
's2dc87e6f00cef9eb': `Samtykketjenesten er opptatt. Valgene dine er lagret på denne enheten og blir sendt om litt.`,
's2ee366cbb0141712': `Tillat`,
's329965d4ce686882': str`Rettslig grunnlag: ${0}.`,
's35965c464395e7f4': `Laster inn valgene dine …`,
's381abd94d77446ee': `Godta alle`,
's40e1bf8bb7abfa1e': `Behandles på grunnlag av berettiget interesse, ikke ditt samtykke.`,
's55f65b828cb9775a': `Det er ingenting å velge her akkurat nå.`,
's5fb03a2c6d05c053': str`Sensitive opplysninger: ${0}`,
's6762732216039029': `Dine samtykker`,
's6daa8404350c0099': str`Gitt ${0}.`,
's79ac8a82b638bfce': `Valgene dine kunne ikke lastes inn.`,
's856e7352ed95d86b': `Innsigelsen din sendes når du lagrer.`,
's86757ff5072d8165': `Samtykketjenesten sendte et svar vi ikke kunne lese. Prøv igjen senere.`,
's8a7e29b2b2ce5357': `Be om en kopi av dataene dine?`,
's91193d37aa331658': `Noe gikk galt i dette samtykkeskjemaet. Prøv igjen senere.`,
's92b138d55868dfff': str`Registrert via ${0}.`,
's94b81596e39e88d0': `Valgene dine er lagret på denne enheten og blir sendt så snart forbindelsen er tilbake.`,
'sa063e7bd500bc761': `Samtykketjenesten hadde et problem. Prøv igjen.`,
'saae27daa01eb2429': `Denne samtykketjenesten kan ikke gjøre det.`,
'saaf5f4adb1e163e4': `En forespørsel åpner en sak hos oss. Dataene dine vises ikke her: du hører fra oss når forespørselen er behandlet.`,
'sb060188bb28bfa9f': `Lagrer …`,
'sb2d21d51721eb040': `Du er ikke logget inn, eller økten din er utløpt. Logg inn og prøv igjen.`,
'sb8e6955fabc6cdc6': str`Deles med ${0}`,
'sc0c2f4fbf35d5974': `Forespørselen din kunne ikke sendes.`,
'sc3b1e304a9b4175e': `Samtykketjenesten brukte for lang tid på å svare. Prøv igjen.`,
'scb26f68c167a890c': `Slik trekker du samtykket`,
'sceb46baf6bb4257d': `Sensitive opplysninger`,
'sd6bc8111f72c2caa': str`Behandles på grunnlag av berettiget interesse siden ${0}, ikke ditt samtykke.`,
'sdb45bbf919fc3f04': `Protester mot denne behandlingen`,
'se3a5767fed803ac0': str`Trukket tilbake ${0}.`,
'se5715d31a4911e92': `Når den er behandlet, slettes dataene vi har om deg.`,
'se614b41e691fe089': `Valgene dine ble ikke lagret.`,
'se7c722fac190e0ca': `Dette samtykkeskjemaet er ikke satt opp riktig.`,
'se9175c242a24ef47': `Valgene dine er lagret.`,
'sea2962763976ca4f': `Mer om dette`,
'seecccc4417d865ea': `Forespørselen din er sendt.`,
'sef0cf928fc7dc23b': `Samtykketjenesten er opptatt akkurat nå. Prøv igjen om et øyeblikk.`,
'sf5d2ad965448a50b': str`Data: ${0}`,
'sf993bb199fefbe04': `Alle`,
'sfb5cd72ffdee7e49': `Avvis alle`,
'sfe6adeb5b736cb5c': `Be om å få dataene mine slettet`,
    };
  