
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's0382d73823585617': str`${0}: ${1}`,
's04de27f32d6ea958': `Intet er ændret, siden du sidst gemte.`,
's07fd7df52fd695cf': `Hent en kvittering for dine valg (JSON)`,
's09fa97b548988f66': `Send mig en kvittering for anmodningen`,
's0ea176c7940198ab': `Vi kunne ikke få forbindelse til samtykketjenesten. Tjek din forbindelse, og prøv igen.`,
's17abf67f1970a790': `Gem valg`,
's1be0c2529780107a': `Send anmodning`,
's22af9e8c47924066': `Dette indhold er ikke tilgængeligt for dig.`,
's23c76543a8cd41d5': `Bed om en kopi af mine data`,
's277f8f4ab318c158': `Venter på godkendelse.`,
's29cff8bbaa472710': `Bed om at få dine data slettet?`,
's2c8189544e3ea679': `Prøv igen`,
's2ceb11be2290bb1b': `Annuller`,
's2dc87e6f00cef9eb': `Samtykketjenesten har travlt. Dine valg gemmes på denne enhed og sendes om lidt.`,
's2ee366cbb0141712': `Tillad`,
's329965d4ce686882': str`Retsgrundlag: ${0}.`,
's35965c464395e7f4': `Indlæser dine valg …`,
's381abd94d77446ee': `Accepter alle`,
's40e1bf8bb7abfa1e': `Behandles på grundlag af legitim interesse, ikke på dit samtykke.`,
's55f65b828cb9775a': `Der er intet at vælge her lige nu.`,
's5fb03a2c6d05c053': str`Følsomme oplysninger: ${0}`,
's6762732216039029': `Dine samtykker`,
's6daa8404350c0099': str`Givet den ${0}.`,
's79ac8a82b638bfce': `Dine valg kunne ikke indlæses.`,
's856e7352ed95d86b': `Din indsigelse sendes, når du gemmer.`,
's86757ff5072d8165': `Samtykketjenesten sendte et svar, vi ikke kunne læse. Prøv igen senere.`,
's8a7e29b2b2ce5357': `Bed om en kopi af dine data?`,
's91193d37aa331658': `Noget gik galt i denne samtykkeformular. Prøv igen senere.`,
's92b138d55868dfff': str`Registreret via ${0}.`,
's94b81596e39e88d0': `Dine valg er gemt på denne enhed og bliver sendt, så snart forbindelsen er tilbage.`,
'sa063e7bd500bc761': `Samtykketjenesten havde et problem. Prøv igen.`,
'saae27daa01eb2429': `Denne samtykketjeneste kan ikke gøre det.`,
'saaf5f4adb1e163e4': `En anmodning opretter en sag hos os. Dine data vises ikke her: du hører fra os, når anmodningen er behandlet.`,
'sb060188bb28bfa9f': `Gemmer …`,
'sb2d21d51721eb040': `Du er ikke logget ind, eller din session er udløbet. Log ind, og prøv igen.`,
'sb8e6955fabc6cdc6': str`Deles med ${0}`,
'sc0c2f4fbf35d5974': `Din anmodning kunne ikke sendes.`,
'sc3b1e304a9b4175e': `Samtykketjenesten var for længe om at svare. Prøv igen.`,
'scb26f68c167a890c': `Sådan trækker du samtykket tilbage`,
'sceb46baf6bb4257d': `Følsomme oplysninger`,
'sd6bc8111f72c2caa': str`Behandles på grundlag af legitim interesse siden ${0}, ikke på dit samtykke.`,
'sdb45bbf919fc3f04': `Gør indsigelse mod behandlingen`,
'se3a5767fed803ac0': str`Trukket tilbage den ${0}.`,
'se5715d31a4911e92': `Når den er behandlet, slettes de data, vi har om dig.`,
'se614b41e691fe089': `Dine valg blev ikke gemt.`,
'se7c722fac190e0ca': `Denne samtykkeformular er ikke sat korrekt op.`,
'se9175c242a24ef47': `Dine valg er gemt.`,
'sea2962763976ca4f': `Mere om dette`,
'seecccc4417d865ea': `Din anmodning er sendt.`,
'sef0cf928fc7dc23b': `Samtykketjenesten er optaget lige nu. Prøv igen om et øjeblik.`,
'sf5d2ad965448a50b': str`Data: ${0}`,
'sf993bb199fefbe04': `Alle`,
'sfb5cd72ffdee7e49': `Afvis alle`,
'sfe6adeb5b736cb5c': `Bed om at få mine data slettet`,
    };
  