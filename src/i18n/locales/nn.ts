
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `Ingenting er endra sidan du lagra sist.`,
's07fd7df52fd695cf': `Last ned ei kvittering for vala dine (JSON)`,
's09fa97b548988f66': `Send meg ei kvittering på førespurnaden`,
's0ea176c7940198ab': `Vi fekk ikkje kontakt med samtykketenesta. Sjekk tilkoplinga og prøv igjen.`,
's17abf67f1970a790': `Lagre vala`,
's1be0c2529780107a': `Send førespurnad`,
's22af9e8c47924066': `Dette innhaldet er ikkje tilgjengeleg for deg.`,
's23c76543a8cd41d5': `Be om ein kopi av dataa mine`,
's277f8f4ab318c158': `Ventar på godkjenning.`,
's29cff8bbaa472710': `Be om å få dataa dine sletta?`,
's2c8189544e3ea679': `Prøv igjen`,
's2ceb11be2290bb1b': `Avbryt`,
's2dc87e6f00cef9eb': `Samtykketenesta er oppteken. Vala dine er lagra på denne eininga og blir sende om litt.`,
's2ee366cbb0141712': `Tillat`,
's329965d4ce686882': str`Rettsleg grunnlag: ${0}.`,
's35965c464395e7f4': `Lastar inn vala dine …`,
's381abd94d77446ee': `Godta alle`,
's40e1bf8bb7abfa1e': `Vert handsama på grunnlag av rettkomen interesse, ikkje samtykket ditt.`,
's55f65b828cb9775a': `Det er ingenting å velje her akkurat no.`,
's5fb03a2c6d05c053': str`Sensitive opplysningar: ${0}`,
's6762732216039029': `Samtykka dine`,
's6daa8404350c0099': str`Gjeve ${0}.`,
's79ac8a82b638bfce': `Vala dine kunne ikkje lastast inn.`,
's856e7352ed95d86b': `Motsegna di vert send når du lagrar.`,
's86757ff5072d8165': `Samtykketenesta sende eit svar vi ikkje kunne lese. Prøv igjen seinare.`,
's8a7e29b2b2ce5357': `Be om ein kopi av dataa dine?`,
's91193d37aa331658': `Noko gjekk gale i dette samtykkeskjemaet. Prøv igjen seinare.`,
's92b138d55868dfff': str`Registrert via ${0}.`,
's94b81596e39e88d0': `Vala dine er lagra på denne eininga og blir sende så snart sambandet er tilbake.`,
'sa063e7bd500bc761': `Samtykketenesta hadde eit problem. Prøv igjen.`,
'saae27daa01eb2429': `Denne samtykketenesta kan ikkje gjere det.`,
'saaf5f4adb1e163e4': `Ein førespurnad opnar ei sak hos oss. Dataa dine blir ikkje viste her: du høyrer frå oss når førespurnaden er handsama.`,
'sb060188bb28bfa9f': `Lagrar …`,
'sb2d21d51721eb040': `Du er ikkje logga inn, eller økta di er ute. Logg inn og prøv igjen.`,
'sb8e6955fabc6cdc6': str`Blir delt med ${0}`,
'sc0c2f4fbf35d5974': `Førespurnaden din kunne ikkje sendast.`,
'sc3b1e304a9b4175e': `Samtykketenesta brukte for lang tid på å svare. Prøv igjen.`,
'scb26f68c167a890c': `Slik trekkjer du samtykket`,
'sceb46baf6bb4257d': `Sensitive opplysningar`,
'sd6bc8111f72c2caa': str`Vert handsama på grunnlag av rettkomen interesse sidan ${0}, ikkje samtykket ditt.`,
'sdb45bbf919fc3f04': `Protester mot denne handsaminga`,
'se3a5767fed803ac0': str`Trekt tilbake ${0}.`,
'se5715d31a4911e92': `Når han er handsama, blir dataa vi har om deg sletta.`,
'se614b41e691fe089': `Vala dine vart ikkje lagra.`,
'se7c722fac190e0ca': `Dette samtykkeskjemaet er ikkje sett opp rett.`,
'se9175c242a24ef47': `Vala dine er lagra.`,
'sea2962763976ca4f': `Meir om dette`,
'seecccc4417d865ea': `Førespurnaden din er send.`,
'sef0cf928fc7dc23b': `Samtykketenesta er oppteken akkurat no. Prøv igjen om eit augneblink.`,
'sf5d2ad965448a50b': str`Data: ${0}`,
'sf993bb199fefbe04': `Alle`,
'sfb5cd72ffdee7e49': `Avvis alle`,
'sfe6adeb5b736cb5c': `Be om å få dataa mine sletta`,
    };
  